"""The shipped list of Parties: who is in it and what it says about them."""

from __future__ import annotations

from collections import Counter

import pytest

from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.geography.models import CbdRegionalGroup, M49Region, M49Subregion, Party
from tsc_hub.geography.reference import read_parties

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def codes(queryset: object) -> set[str]:
    return set(Party.objects.filter(pk__in=queryset).values_list("code", flat=True))  # type: ignore[misc]


def test_there_are_exactly_196_parties() -> None:
    assert Party.objects.count() == 196
    assert len(read_parties()) == 196


def test_the_united_states_and_the_holy_see_are_not_parties() -> None:
    assert not Party.objects.filter(code__in=["us", "va"]).exists()


@pytest.mark.parametrize("code", ["ps", "ck", "nu", "eu"])
def test_palestine_cook_islands_niue_and_the_eu_are_parties(code: str) -> None:
    assert Party.objects.filter(code=code).exists()


def test_every_party_has_a_non_empty_name_in_each_of_the_six_languages() -> None:
    for party in Party.objects.all():
        assert sorted(party.names) == sorted(UN_LANGUAGES), party.code
        assert all(party.names[language].strip() for language in UN_LANGUAGES), party.code


def test_codes_are_lowercase_two_letters() -> None:
    assert all(len(code) == 2 and code.islower() for code in Party.objects.values_list("code", flat=True))


def test_un_short_names_are_used_in_english() -> None:
    names = dict(Party.objects.values_list("code", "names__en"))
    assert names["tr"] == "Türkiye"
    assert names["ps"] == "State of Palestine"
    assert names["kr"] == "Republic of Korea"
    assert names["cd"] == "Democratic Republic of the Congo"
    assert names["eu"] == "European Union"


def test_the_eu_has_no_m49_place_and_no_regional_group() -> None:
    eu = Party.objects.get(code="eu")
    assert (eu.m49_code, eu.m49_region, eu.m49_subregion, eu.cbd_group) == ("", "", "", "")
    assert eu.names["fr"] == "Union européenne"


def test_every_state_has_an_m49_code_region_subregion_and_group() -> None:
    states = Party.objects.exclude(code="eu")
    assert states.count() == 195
    for party in states:
        assert len(party.m49_code) == 3, party.code
        assert party.m49_region in M49Region.values, party.code
        assert party.m49_subregion in M49Subregion.values, party.code
        assert party.cbd_group in CbdRegionalGroup.values, party.code


def test_subregions_sit_in_their_region() -> None:
    region_of = {
        "002": {"014", "017", "015", "018", "011"},
        "019": {"029", "013", "021", "005"},
        "142": {"143", "030", "034", "035", "145"},
        "150": {"154", "039", "155", "151"},
        "009": {"053", "054", "057", "061"},
    }
    for party in Party.objects.exclude(code="eu"):
        assert party.m49_subregion in region_of[party.m49_region], party.code


def test_regional_group_sizes() -> None:
    sizes = Counter(Party.objects.exclude(code="eu").values_list("cbd_group", flat=True))
    assert sizes == {"africa": 54, "asia_pacific": 57, "cee": 23, "grulac": 33, "weog": 28}


@pytest.mark.parametrize(
    ("code", "group"),
    [
        ("il", "weog"),
        ("tr", "weog"),
        ("au", "weog"),
        ("nz", "weog"),
        ("ca", "weog"),
        ("ki", "asia_pacific"),
        ("ck", "asia_pacific"),
        ("nu", "asia_pacific"),
        ("ps", "asia_pacific"),
        ("cy", "asia_pacific"),
        ("ge", "cee"),
        ("am", "cee"),
        ("ke", "africa"),
        ("jm", "grulac"),
    ],
)
def test_regional_group_of_parties_whose_group_is_not_obvious(code: str, group: str) -> None:
    assert Party.objects.get(code=code).cbd_group == group


def test_least_developed_countries_are_the_44_of_the_un_list() -> None:
    ldc = set(Party.objects.least_developed().values_list("code", flat=True))
    assert len(ldc) == 44
    assert {"af", "bd", "ht", "ki", "sb", "tv", "la", "np", "tl", "ye", "ss", "et"} <= ldc
    # Graduated: Botswana 1994, Cabo Verde 2007, Maldives 2011, Samoa 2014, Equatorial Guinea 2017,
    # Vanuatu 2020, Bhutan 2023, Sao Tome and Principe 2024.
    assert not ldc & {"bw", "cv", "mv", "ws", "gq", "vu", "bt", "st"}


def test_small_island_developing_states_are_the_38_un_members_plus_cook_islands_and_niue() -> None:
    sids = set(Party.objects.small_island_developing().values_list("code", flat=True))
    assert len(sids) == 40
    assert {"ck", "nu", "fj", "mv", "sg", "bh", "gy", "sr", "bz", "tl", "gw", "cv"} <= sids
    assert not sids & {"nz", "au", "ph", "id", "jp", "gb", "cy", "mt"}
