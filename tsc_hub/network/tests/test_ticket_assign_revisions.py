"""Assigning a ticket to a member of the coordination staff on the ticket page, and the page listing a
centre's scoring versions for a year."""

import pytest
from django.utils import timezone

from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.network import services
from tsc_hub.network.models import PerformanceCriterion, Ticket
from tsc_hub.network.services import ScoreData
from tsc_hub.network.tests.conftest import OUTSIDERS

pytestmark = pytest.mark.django_db
YEAR = timezone.now().year - 1


@pytest.fixture
def ticket(cast, centre):
    return services.open_ticket(
        centre=centre, subject="Help", body="Template?", category="advice", by=cast["officer"]
    )


@pytest.fixture
def colleague(person):
    return person("coordination_staff")


def _assignee(ticket):
    return Ticket.objects.get(pk=ticket.pk).assignee


def _assignments():
    return AuditEvent.objects.filter(action="network.assign_ticket").count()


def test_coordination_assigns_a_ticket_to_a_colleague(client, cast, ticket, colleague):
    client.force_login(cast["coordination"])
    assert 'id="assign-form"' in client.get(f"/en/network/tickets/{ticket.pk}/").content.decode()
    response = client.post(
        f"/en/network/tickets/{ticket.pk}/assignee/", {"assignee": colleague.pk}, follow=True
    )
    assert response.status_code == 200
    assert f"The ticket was assigned to {colleague}." in response.content.decode()
    assert _assignee(ticket) == colleague
    event = AuditEvent.objects.get(action="network.assign_ticket")
    assert (event.actor, event.target_id, event.changes) == (
        cast["coordination"],
        str(ticket.pk),
        {"assignee": ["", colleague.email]},
    )
    assert Ticket.objects.get(pk=ticket.pk).state == "open"


def test_only_coordination_staff_can_be_assigned(client, cast, ticket):
    client.force_login(cast["coordination"])
    response = client.post(
        f"/en/network/tickets/{ticket.pk}/assignee/", {"assignee": cast["officer"].pk}, follow=True
    )
    assert "Choose a member of the coordination staff." in response.content.decode()
    with pytest.raises(InvalidInput):
        services.assign_ticket(ticket=ticket, assignee=cast["officer"], by=cast["coordination"])
    assert _assignee(ticket) is None
    assert _assignments() == 0


def test_the_refusal_is_in_the_readers_language(client, cast, ticket, colleague):
    client.force_login(cast["officer"])
    response = client.post(f"/fr/network/tickets/{ticket.pk}/assignee/", {"assignee": colleague.pk})
    assert response.status_code == 403
    assert "Accès non autorisé" in response.content.decode()
    assert _assignee(ticket) is None


def test_a_closed_ticket_is_not_assigned(cast, ticket, colleague):
    coordination = cast["coordination"]
    for action in ("start", "resolve", "close"):
        services.transition_ticket(ticket=ticket, action=action, by=coordination, reason="Done.")
    with pytest.raises(Conflict):
        services.assign_ticket(ticket=ticket, assignee=colleague, by=coordination)
    assert _assignee(ticket) == coordination


def test_anonymous_is_sent_to_sign_in(client, ticket, colleague):
    assert (
        client.post(f"/en/network/tickets/{ticket.pk}/assignee/", {"assignee": colleague.pk}).status_code
        == 302
    )
    assert _assignee(ticket) is None


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer", 403), ("admin", 403), ("other_officer", 404), *((who, 403) for who in OUTSIDERS)],
)
def test_nobody_else_assigns_tickets(client, cast, ticket, colleague, who, status):
    client.force_login(cast[who])
    if who == "officer":
        assert 'id="assign-form"' not in client.get(f"/en/network/tickets/{ticket.pk}/").content.decode()
    response = client.post(f"/en/network/tickets/{ticket.pk}/assignee/", {"assignee": colleague.pk})
    assert response.status_code == status
    with pytest.raises(PermissionDenied):
        services.assign_ticket(ticket=ticket, assignee=colleague, by=cast[who])
    assert _assignee(ticket) is None
    assert _assignments() == 0


def _scores(value, comment=""):
    return [ScoreData(c.code, value, comment) for c in PerformanceCriterion.objects.filter(active=True)]


@pytest.fixture
def rescored(cast, centre):
    services.score_centre(
        centre=centre, year=YEAR, scores=_scores(2, "Slow"), by=cast["coordination"], comment="First"
    )
    return services.score_centre(
        centre=centre, year=YEAR, scores=_scores(4, "Better"), by=cast["coordination"], comment="Second look"
    )


@pytest.mark.parametrize("who", ["coordination", "officer", "admin"])
def test_coordination_and_the_centre_read_every_version(client, cast, rescored, who):
    client.force_login(cast[who])
    listing = client.get("/en/network/scores/").content.decode()
    assert f'id="versions-{rescored.pk}"' in listing
    response = client.get(f"/en/network/scores/east-africa/{YEAR}/revisions/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="version-2"' in page
    assert 'id="version-1"' in page
    for text in ("Second look", "First", "Slow", "Better", "4.00", "2.00"):
        assert text in page, text


def test_a_year_without_a_scoring_is_not_found(client, cast, rescored):
    client.force_login(cast["coordination"])
    assert client.get(f"/en/network/scores/east-africa/{YEAR - 5}/revisions/").status_code == 404
    assert client.get(f"/en/network/scores/andes/{YEAR}/revisions/").status_code == 404


def test_anonymous_is_sent_to_sign_in_for_revisions(client, rescored):
    assert client.get(f"/en/network/scores/east-africa/{YEAR}/revisions/").status_code == 302


@pytest.mark.parametrize("who", [*OUTSIDERS, "other_officer"])
def test_nobody_else_reads_the_versions(client, cast, rescored, who):
    client.force_login(cast[who])
    response = client.get(f"/en/network/scores/east-africa/{YEAR}/revisions/")
    assert response.status_code == 404
    assert "Second look" not in response.content.decode()
