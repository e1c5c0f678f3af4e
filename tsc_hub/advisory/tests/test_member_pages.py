"""The coordination's pages for members: appoint, renew, co-chairs, end a term, subcommittee seats. Nobody
else reaches them, and nothing is written when a form or a rule refuses."""

import datetime

import pytest

from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.advisory.models import Member, SubcommitteeMembership, Term
from tsc_hub.advisory.tests.conftest import OUTSIDERS
from tsc_hub.advisory.tests.factories import make_member, today
from tsc_hub.core.models import AuditEvent
from tsc_hub.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
NOT_COORDINATION = (None, "expert", "co_chair", "former", *OUTSIDERS)


def _snapshot():
    return (
        list(Member.objects.order_by("pk").values_list("pk", flat=True)),
        list(Term.objects.order_by("pk").values_list("pk", "co_chair", "ended_on", "end")),
        list(SubcommitteeMembership.objects.order_by("pk").values_list("pk", "member_id", "subcommittee_id")),
        RoleAssignment.objects.count(),
        AuditEvent.objects.count(),
    )


def _appoint(people, **extra):
    data = {
        "email": people["nobody"].email,
        "party": "pl",
        "gender": "female",
        "start": "2025-01-01",
        "subcommittees": ["knowledge-management"],
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize("who", NOT_COORDINATION)
def test_only_the_coordination_reaches_the_member_management_pages(client, people, who):
    if who is not None:
        client.force_login(people[who])
    member = Member.objects.get(user=people["expert"])
    before = _snapshot()
    base = f"/en/advisory/members/{member.pk}"
    posts = {
        "/en/advisory/members/appoint/": _appoint(people),
        f"{base}/terms/": {"start": "2030-01-01"},
        f"{base}/co-chair/": {"co_chair": "1"},
        f"{base}/end/": {"on": str(today()), "reason": "Resigned"},
        f"{base}/subcommittees/": {"subcommittee": "knowledge-management", "action": "add"},
    }
    for url, data in posts.items():
        response = client.post(url, data)
        if who is None:
            assert response.status_code == 302, url
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 403, url
    removal = client.post(f"{base}/subcommittees/", {"subcommittee": "capacity-building", "action": "remove"})
    assert removal.status_code in (302, 403)
    assert _snapshot() == before
    page = client.get(f"{base}/")
    if who in ("expert", "co_chair"):
        # Members read a current member's page, without the coordination's forms.
        assert page.status_code == 200
        assert "Renew" not in page.content.decode()
        assert "Appoint a member" not in client.get("/en/advisory/members/").content.decode()
    elif who is not None:
        assert page.status_code == 403


def test_members_do_not_see_former_members_pages(client, people):
    former = Member.objects.get(user=people["former"])
    client.force_login(people["expert"])
    assert client.get(f"/en/advisory/members/{former.pk}/").status_code == 404
    client.force_login(people["coordination"])
    assert client.get(f"/en/advisory/members/{former.pk}/").status_code == 200


def test_the_coordination_appoints_a_member_with_a_first_term_and_seats(client, people):
    client.force_login(people["coordination"])
    page = client.get("/en/advisory/members/").content.decode()
    assert "Appoint a member" in page
    response = client.post("/en/advisory/members/appoint/", _appoint(people, affiliation="Warsaw University"))
    member = Member.objects.get(user=people["nobody"])
    assert response.status_code == 302
    assert response["Location"] == f"/en/advisory/members/{member.pk}/"
    assert (member.party.code, member.organisation, member.region, member.gender, member.affiliation) == (
        "pl",
        None,
        "cee",
        "female",
        "Warsaw University",
    )
    term = member.terms.get()
    first = datetime.date(2025, 1, 1)
    assert (term.number, term.start, term.end, term.co_chair) == (
        1,
        first,
        datetime.date(2026, 12, 31),
        False,
    )
    assert [seat.subcommittee.code for seat in member.seats.all()] == ["knowledge-management"]
    assert "is appointed to the committee" in client.get(response["Location"]).content.decode()


def test_an_organisation_nominee_gives_a_region(client, people):
    client.force_login(people["coordination"])
    organisation = OrganisationFactory()
    data = _appoint(people, party="", organisation=organisation.pk, region="grulac", subcommittees=None)
    assert client.post("/en/advisory/members/appoint/", data).status_code == 302
    member = Member.objects.get(user=people["nobody"])
    assert (member.organisation, member.region) == (organisation, "grulac")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"organisation": "ORG"}, "either by a Party or by an organisation"),
        ({"party": ""}, "either by a Party or by an organisation"),
        ({"email": "nobody-here@example.org"}, "No account uses this e-mail"),
        ({"end": "2027-06-01"}, "A term lasts two years at most"),
        ({"email": "EXPERT"}, "already a member"),
    ],
)
def test_a_refused_appointment_says_why_and_writes_nothing(client, people, extra, message):
    client.force_login(people["coordination"])
    if extra.get("organisation") == "ORG":
        extra = {"organisation": OrganisationFactory().pk}
    if extra.get("email") == "EXPERT":
        extra = {"email": people["expert"].email}
    before = _snapshot()
    response = client.post("/en/advisory/members/appoint/", _appoint(people, **extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _snapshot() == before


def test_a_third_co_chair_is_refused_at_appointment_and_nothing_is_half_written(client, people):
    make_member(party="de", co_chair=True)  # with people["co_chair"], two are in office
    client.force_login(people["coordination"])
    before = _snapshot()
    response = client.post(
        "/en/advisory/members/appoint/", _appoint(people, start=str(today()), co_chair="on")
    )
    assert response.status_code == 400
    assert "at most two co-chairs" in response.content.decode()
    assert _snapshot() == before
    assert not Member.objects.filter(user=people["nobody"]).exists()


def test_the_coordination_renews_once_and_a_third_term_is_refused(client, people):
    member = Member.objects.get(user=people["expert"])
    first = member.terms.get()
    client.force_login(people["coordination"])
    page = client.get(f"/en/advisory/members/{member.pk}/").content.decode()
    assert "Renew" in page
    second_start = first.end + datetime.timedelta(days=1)
    response = client.post(f"/en/advisory/members/{member.pk}/terms/", {"start": str(second_start)})
    assert response.status_code == 302
    second = member.terms.get(number=2)
    assert (second.start, second.end, second.co_chair) == (
        second_start,
        second_start.replace(year=second_start.year + 2) - datetime.timedelta(days=1),
        False,
    )
    before = _snapshot()
    third = client.post(f"/en/advisory/members/{member.pk}/terms/", {"start": "2040-01-01"})
    assert third.status_code == 400
    assert "A member serves at most two terms" in third.content.decode()
    assert _snapshot() == before


def test_a_renewal_needs_a_start_date(client, people):
    member = Member.objects.get(user=people["expert"])
    client.force_login(people["coordination"])
    before = _snapshot()
    response = client.post(f"/en/advisory/members/{member.pk}/terms/", {"start": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert _snapshot() == before


def test_the_coordination_flags_and_unflags_co_chairs_up_to_two(client, people):
    expert = Member.objects.get(user=people["expert"])
    co_chair = Member.objects.get(user=people["co_chair"])
    client.force_login(people["coordination"])
    response = client.post(f"/en/advisory/members/{expert.pk}/co-chair/", {"co_chair": "1"}, follow=True)
    assert "Co-chair for this term." in response.content.decode()
    assert expert.terms.get().co_chair
    third = make_member(party="de")
    before = _snapshot()
    response = client.post(f"/en/advisory/members/{third.pk}/co-chair/", {"co_chair": "1"}, follow=True)
    assert "The committee has at most two co-chairs at a time" in response.content.decode()
    assert _snapshot() == before
    client.post(f"/en/advisory/members/{co_chair.pk}/co-chair/", {"co_chair": "0"})
    assert not co_chair.terms.get().co_chair


def test_the_coordination_ends_a_term_early_with_a_reason(client, people):
    member = Member.objects.get(user=people["expert"])
    client.force_login(people["coordination"])
    on = today()
    response = client.post(f"/en/advisory/members/{member.pk}/end/", {"on": str(on), "reason": "Resigned"})
    assert response.status_code == 302
    assert member.terms.get().ended_on == on
    event = AuditEvent.objects.filter(action="advisory.end_term").get()
    assert event.changes["reason"] == "Resigned"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"on": str(datetime.date(2000, 1, 1)), "reason": "Resigned"}, "A term ends early on a day within"),
        ({"on": str(datetime.date.today()), "reason": ""}, "This field is required."),
    ],
)
def test_ending_a_term_with_a_bad_date_or_no_reason_writes_nothing(client, people, data, message):
    member = Member.objects.get(user=people["expert"])
    client.force_login(people["coordination"])
    before = _snapshot()
    response = client.post(f"/en/advisory/members/{member.pk}/end/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _snapshot() == before


def test_the_coordination_seats_and_unseats_a_member(client, people):
    member = Member.objects.get(user=people["expert"])
    client.force_login(people["coordination"])
    add = {"subcommittee": "knowledge-management", "action": "add"}
    assert client.post(f"/en/advisory/members/{member.pk}/subcommittees/", add).status_code == 302
    codes = sorted(member.seats.values_list("subcommittee__code", flat=True))
    assert codes == ["capacity-building", "knowledge-management"]
    remove = {"subcommittee": "capacity-building", "action": "remove"}
    assert client.post(f"/en/advisory/members/{member.pk}/subcommittees/", remove).status_code == 302
    assert list(member.seats.values_list("subcommittee__code", flat=True)) == ["knowledge-management"]
    before = _snapshot()
    bad = {"subcommittee": "nope", "action": "add"}
    response = client.post(f"/en/advisory/members/{member.pk}/subcommittees/", bad, follow=True)
    assert "Choose a subcommittee from the list." in response.content.decode()
    assert _snapshot() == before
