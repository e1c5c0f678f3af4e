"""The network as data: subregions shipped with the project, centres with co-hosts, partners, contacts and
status, one active global coordination entity; bad input refused with every problem named."""

from __future__ import annotations

import datetime

import pytest

from tsc_hub.centres.models import CentreKind, CentreStatus, Subregion, SupportCentre
from tsc_hub.centres.reference import load_subregions, read_subregions
from tsc_hub.centres.services import CentreDetails, save_centre
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.geography.models import Party
from tsc_hub.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_every_party_is_in_exactly_one_subregion_named_in_six_languages():
    assert Subregion.objects.count() == len(read_subregions()) == 16
    memberships = list(Subregion.members.through.objects.values_list("party_id", flat=True))
    assert sorted(memberships) == sorted(Party.objects.values_list("code", flat=True))
    assert all(set(s.names) == {"ar", "en", "es", "fr", "ru", "zh"} for s in Subregion.objects.all())
    assert set(
        Subregion.objects.get(code="western-europe-north-america").members.values_list("code", flat=True)
    ) >= {
        "eu",
        "ca",
        "de",
    }


def test_loading_the_subregions_again_changes_nothing():
    before = list(Subregion.members.through.objects.order_by("id").values_list("subregion_id", "party_id"))
    assert load_subregions() == 16
    after = list(
        Subregion.members.through.objects.order_by("subregion_id", "party_id").values_list(
            "subregion_id", "party_id"
        )
    )
    assert sorted(before) == after


def _centre(code="andes", **details):
    return save_centre(
        code=code,
        names={"en": "Andes centre", "es": "Centro andino"},
        host=OrganisationFactory(),
        party_codes=["co", "pe", "br"],
        by=None,
        details=CentreDetails(**details),
    )


def test_a_centre_keeps_its_details_and_the_audit_trail_says_what_changed():
    partner, co_host = OrganisationFactory(), OrganisationFactory()
    centre = _centre(
        subregion="south-america",
        co_hosts=[co_host.pk],
        partners=[partner.pk],
        contacts=[{"name": "Ana Ruiz", "role": "coordinator", "email": "ana@example.org"}],
        start_date=datetime.date(2025, 3, 1),
        status=CentreStatus.PROPOSED,
    )
    centre.refresh_from_db()
    assert (centre.subregion.code, centre.status, centre.start_date) == (
        "south-america",
        "proposed",
        datetime.date(2025, 3, 1),
    )
    assert list(centre.co_hosts.all()) == [co_host]
    assert list(centre.partners.all()) == [partner]
    assert centre.contacts == [{"name": "Ana Ruiz", "role": "coordinator", "email": "ana@example.org"}]
    event = AuditEvent.objects.filter(action="create_centre").latest("id")
    assert event.changes["subregion"] == centre.subregion_id
    assert event.changes["parties"] == ["br", "co", "pe"]  # beyond its subregion is allowed


def test_bad_details_are_refused_with_every_problem_and_nothing_written():
    with pytest.raises(InvalidInput) as refused:
        _centre(
            subregion="atlantis",
            partners=[999_999],
            contacts=[{"name": "", "email": "not-an-address"}],
            status="dormant",
        )
    fields = refused.value.fields
    assert set(fields) == {"subregion", "partners", "contacts", "status"}
    assert fields["contacts"] == ["Contact 1 has no name.", "Contact 1: not an e-mail address."]
    assert not SupportCentre.objects.filter(code="andes").exists()


def test_one_active_global_coordination_entity_without_a_subregion():
    _centre(code="global", kind=CentreKind.GLOBAL)
    with pytest.raises(InvalidInput) as second:
        _centre(code="global-2", kind=CentreKind.GLOBAL)
    assert "already an active global coordination entity" in str(second.value.fields["kind"])
    with pytest.raises(InvalidInput) as placed:
        _centre(code="global", kind=CentreKind.GLOBAL, subregion="pacific")
    assert placed.value.fields["subregion"] == ["The global coordination entity belongs to no subregion."]
    _centre(code="global-2", kind=CentreKind.GLOBAL, status=CentreStatus.PROPOSED)  # a proposed one may wait


@pytest.mark.parametrize("role", ["national_focal_point", "helpdesk_officer", "provider", None])
def test_only_coordination_and_administrators_change_centres(person, role, kenya, centre):
    scope = (
        {"party": kenya}
        if role == "national_focal_point"
        else {"centre": centre}
        if role == "helpdesk_officer"
        else {}
    )
    if role == "provider":
        scope = {"organisation": OrganisationFactory()}
    someone = person(role, **scope)
    with pytest.raises(PermissionDenied):
        save_centre(code="east-africa", names={"en": "Mine"}, host=None, party_codes=[], by=someone)


def test_pages_and_api_show_the_network(client):
    _centre(subregion="south-america", contacts=[{"name": "Ana Ruiz", "email": "ana@example.org"}])
    page = client.get("/en/centres/").content.decode()
    assert "South America" in page
    assert "Parties are served by no active centre" in page  # only three Parties are served here
    detail = client.get("/es/centres/andes/").content.decode()
    assert "Centro andino" in detail
    assert "ana@example.org" in detail
    assert client.get("/en/centres/atlantis/").status_code == 404
    body = client.get("/api/v1/centres/andes").json()
    assert (body["subregion"], body["status"], body["parties_served"]) == (
        "south-america",
        "active",
        ["br", "co", "pe"],
    )
    subregions = client.get("/api/v1/centres/subregions").json()
    assert len(subregions) == 16
    assert sum(len(s["members"]) for s in subregions) == 196
