"""Unassigning a reviewer before they have scored: coordination only, while the application's phase is open;
the service, the button of the application page and `DELETE /api/v1/hosting/assignments/{id}`."""

import pytest

from tsc_hub.core.exceptions import Conflict, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.hosting import services
from tsc_hub.hosting.models import ReviewAssignment
from tsc_hub.hosting.tests.factories import pass_deadline, score_all

pytestmark = pytest.mark.django_db

NOT_COORDINATION = ["member", "other_member", "provider", "focal_point", "officer", "advisory", "reviewer"]


@pytest.fixture
def assignment(cast, submitted, reviewers):
    return services.assign_reviewer(application=submitted, reviewer=reviewers[0], by=cast["coordination"])


def _url(assignment):
    return f"/en/hosting/applications/{assignment.application_id}/assignments/{assignment.pk}/unassign/"


def _unassigned():
    return AuditEvent.objects.filter(action="hosting.unassign_reviewer").count()


def _start_review(call, coordination):
    pass_deadline(call)
    services.transition_call(call=call, action="start_review", by=coordination)


def test_coordination_unassigns_a_reviewer_on_the_application_page(client, cast, assignment, reviewers):
    client.force_login(cast["coordination"])
    page = client.get(f"/en/hosting/applications/{assignment.application_id}/").content.decode()
    assert f'id="unassign-{assignment.pk}"' in page
    response = client.post(_url(assignment), follow=True)
    assert response.status_code == 200
    assert "The reviewer was unassigned." in response.content.decode()
    assert not ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    event = AuditEvent.objects.get(action="hosting.unassign_reviewer")
    assert (event.actor, event.target_id) == (cast["coordination"], str(assignment.application_id))
    assert event.changes == {"reviewer": reviewers[0].email}
    # the reviewer can be assigned again
    services.assign_reviewer(
        application=assignment.application, reviewer=reviewers[0], by=cast["coordination"]
    )


def test_a_reviewer_who_scored_stays(client, cast, assignment, call):
    _start_review(call, cast["coordination"])
    score_all(assignment, 3, 1)
    client.force_login(cast["coordination"])
    response = client.post(_url(assignment), follow=True)
    assert "This reviewer has already scored the application and can no longer be unassigned." in (
        response.content.decode()
    )
    with pytest.raises(Conflict) as refused:
        services.unassign_reviewer(assignment=assignment, by=cast["coordination"])
    assert refused.value.code == "already_scored"
    api = client.delete(f"/api/v1/hosting/assignments/{assignment.pk}")
    assert (api.status_code, api.json()["code"]) == (409, "already_scored")
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    assert _unassigned() == 0


def test_nobody_is_unassigned_once_the_phase_closed(client, cast, assignment, call):
    call.state = "cancelled"
    call.save()
    client.force_login(cast["coordination"])
    response = client.post(_url(assignment), follow=True)
    assert "The phase of this application is closed" in response.content.decode()
    with pytest.raises(Conflict) as refused:
        services.unassign_reviewer(assignment=assignment, by=cast["coordination"])
    assert refused.value.code == "phase_closed"
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    assert _unassigned() == 0


def test_a_declared_conflict_stays_on_record(cast, assignment):
    services.declare_conflict(assignment=assignment, reason="Former employer.", by=assignment.reviewer)
    with pytest.raises(Conflict) as refused:
        services.unassign_reviewer(assignment=assignment, by=cast["coordination"])
    assert refused.value.code == "conflict_declared"
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()


def test_the_refusal_page_follows_the_language_of_the_page(client, cast, assignment):
    client.force_login(cast["member"])
    response = client.post(_url(assignment).replace("/en/", "/fr/"))
    assert response.status_code == 403
    assert "Accès non autorisé" in response.content.decode()
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    assert _unassigned() == 0


def test_anonymous_is_sent_to_sign_in(client, assignment):
    assert client.post(_url(assignment)).status_code == 302
    assert client.delete(f"/api/v1/hosting/assignments/{assignment.pk}").status_code == 401
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()


@pytest.mark.parametrize("who", NOT_COORDINATION)
def test_only_coordination_unassigns(client, cast, assignment, who):
    client.force_login(cast[who])
    assert client.post(_url(assignment)).status_code == 403
    api = client.delete(f"/api/v1/hosting/assignments/{assignment.pk}")
    assert api.status_code == 404  # they cannot see the assignment
    with pytest.raises(PermissionDenied):
        services.unassign_reviewer(assignment=assignment, by=cast[who])
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    assert _unassigned() == 0


def test_the_assigned_reviewer_cannot_unassign_themself(client, assignment):
    client.force_login(assignment.reviewer)
    page = client.get(f"/en/hosting/applications/{assignment.application_id}/").content.decode()
    assert f'id="unassign-{assignment.pk}"' not in page
    assert client.post(_url(assignment)).status_code == 403
    api = client.delete(f"/api/v1/hosting/assignments/{assignment.pk}")
    assert (api.status_code, api.json()["code"]) == (403, "permission_denied")
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    assert _unassigned() == 0


def test_the_api_unassigns_during_phase_one(client, cast, assignment, call):
    _start_review(call, cast["coordination"])
    client.force_login(cast["coordination"])
    response = client.delete(f"/api/v1/hosting/assignments/{assignment.pk}")
    assert response.status_code == 204
    assert not ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    assert _unassigned() == 1
