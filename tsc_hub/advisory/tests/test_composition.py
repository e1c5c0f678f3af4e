"""The composition check on a hand-built committee: numbers and warnings."""

import datetime

import pytest

from tsc_hub.advisory import services
from tsc_hub.advisory.tests.factories import make_member
from tsc_hub.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
ON = datetime.date(2024, 6, 1)
START = datetime.date(2024, 1, 1)


def test_a_balanced_committee_gives_no_warning():
    for party, gender in (
        ("ke", "female"),
        ("cn", "male"),
        ("pl", "female"),
        ("co", "male"),
        ("de", "female"),
    ):
        make_member(party=party, gender=gender, start=START)
    make_member(organisation=OrganisationFactory(), region="africa", gender="male", start=START)
    result = services.check_composition(on=ON)
    assert (result.total, result.nominated_by_parties, result.from_organisations) == (6, 5, 1)
    assert result.regions == {"africa": 2, "asia_pacific": 1, "cee": 1, "grulac": 1, "weog": 1}
    assert result.genders["female"] == 3
    assert result.genders["male"] == 3
    assert not result.organisations_outnumber_parties
    assert result.balanced


def test_organisations_outnumbering_parties_missing_regions_and_gender_are_warned():
    make_member(party="ke", start=START)
    for region in ("africa", "weog"):
        make_member(organisation=OrganisationFactory(), region=region, start=START)
    make_member(party="de", start=datetime.date(2020, 1, 1))  # term over by ON: not counted
    result = services.check_composition(on=ON)
    assert (result.total, result.nominated_by_parties, result.from_organisations) == (3, 1, 2)
    assert result.regions == {"africa": 2, "asia_pacific": 0, "cee": 0, "grulac": 0, "weog": 1}
    codes = [warning.code for warning in result.warnings]
    assert codes == ["organisations_outnumber_parties", "region_missing", "gender_unbalanced"]
    assert "(2)" in result.warnings[0].message


def test_unbalanced_regions_are_warned_when_every_group_has_someone():
    for party in ("ke", "ke", "ke", "cn", "pl", "co", "de"):
        make_member(party=party, gender="female" if party != "ke" else "male", start=START)
    codes = [warning.code for warning in services.check_composition(on=ON).warnings]
    assert "regions_unbalanced" in codes
