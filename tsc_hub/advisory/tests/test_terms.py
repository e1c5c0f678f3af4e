"""Terms: two years at most, renewable once (a third is refused), at most two co-chairs at a time, the
advisory_member role for the term's days."""

import datetime

import pytest

from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.advisory import services
from tsc_hub.advisory.models import Member
from tsc_hub.advisory.permissions import is_member
from tsc_hub.advisory.tests.factories import make_member, today
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
JAN = datetime.date(2024, 1, 1)


def test_a_term_lasts_two_years_by_default_and_grants_the_role_for_its_days():
    member = make_member(start=JAN)
    term = member.terms.get()
    assert (term.number, term.start, term.end) == (1, JAN, datetime.date(2025, 12, 31))
    role = RoleAssignment.objects.get(user=member.user, role="advisory_member")
    assert (role.valid_from, role.valid_until) == (JAN, datetime.date(2025, 12, 31))
    assert term.role_assignment == role


def test_a_term_longer_than_two_years_is_refused():
    member = make_member(start=JAN)
    with pytest.raises(InvalidInput) as error:
        services.add_term(
            member=member, start=datetime.date(2026, 1, 1), end=datetime.date(2028, 1, 2), by=None
        )
    assert error.value.code == "term_too_long"
    services.add_term(member=member, start=datetime.date(2026, 1, 1), end=datetime.date(2028, 1, 1), by=None)


def test_a_term_is_renewable_once_and_a_third_is_refused_with_a_clear_error():
    member = make_member(start=JAN)
    second = services.add_term(member=member, start=datetime.date(2026, 1, 1), by=None)
    assert second.number == 2
    with pytest.raises(InvalidInput) as error:
        services.add_term(member=member, start=datetime.date(2028, 1, 1), by=None)
    assert error.value.code == "third_term"
    assert "at most two terms" in str(error.value.message)
    assert member.terms.count() == 2


def test_a_renewal_starts_after_the_first_term():
    member = make_member(start=JAN)
    with pytest.raises(Conflict) as error:
        services.add_term(member=member, start=datetime.date(2025, 6, 1), by=None)
    assert error.value.code == "overlapping_term"


def test_a_term_started_on_29_february_ends_on_27_february():
    assert services.default_end(datetime.date(2024, 2, 29)) == datetime.date(2026, 2, 27)


def test_at_most_two_co_chairs_at_a_time():
    make_member(start=JAN, co_chair=True)
    make_member(start=JAN, co_chair=True, party="co")
    with pytest.raises(Conflict) as error:
        make_member(start=datetime.date(2025, 6, 1), co_chair=True, party="de")
    assert error.value.code == "too_many_co_chairs"
    # After both terms end, two new co-chairs may serve.
    make_member(start=datetime.date(2026, 1, 1), co_chair=True, party="cn")
    make_member(start=datetime.date(2026, 1, 1), co_chair=True, party="pl")


def test_a_co_chair_may_be_flagged_when_the_others_do_not_overlap_at_once():
    make_member(start=datetime.date(2023, 1, 1), co_chair=True)  # to 2024-12-31
    make_member(start=datetime.date(2025, 1, 1), co_chair=True, party="co")
    make_member(start=datetime.date(2024, 6, 1), co_chair=True, party="de")  # overlaps both, one at a time
    late = make_member(start=datetime.date(2024, 7, 1), party="cn")
    with pytest.raises(Conflict):
        services.set_co_chair(term=late.terms.get(), co_chair=True, by=None)


def test_ending_a_term_early_ends_membership_the_next_day():
    member = make_member(start=today() - datetime.timedelta(days=10))
    assert is_member(member.user)
    services.end_term(term=member.terms.get(), on=today() - datetime.timedelta(days=1), by=None)
    assert not is_member(member.user)


def test_a_nominee_has_exactly_one_nominator_and_party_nominees_take_the_party_group(person):
    organisation = OrganisationFactory()
    with pytest.raises(InvalidInput) as error:
        make_member(party="ke", organisation=organisation)
    assert "party" in error.value.fields
    assert make_member(party="cn", region="weog").region == "asia_pacific"
    with pytest.raises(InvalidInput) as error:
        make_member(organisation=organisation)
    assert "region" in error.value.fields
    assert make_member(organisation=organisation, region="grulac").organisation == organisation
    assert Member.objects.count() == 2


@pytest.mark.parametrize("who", ["focal_point", "member", "provider", "officer", "reviewer", "advisory"])
def test_only_coordination_appoints_and_renews(cast, who):
    member = make_member(start=JAN)
    with pytest.raises(PermissionDenied):
        services.add_term(member=member, start=datetime.date(2026, 1, 1), by=cast[who])
    with pytest.raises(PermissionDenied):
        services.set_co_chair(term=member.terms.get(), co_chair=True, by=cast[who])
    services.add_term(member=member, start=datetime.date(2026, 1, 1), by=cast["coordination"])
