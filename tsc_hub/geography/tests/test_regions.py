"""Region terms: every CHM region GUID resolves to the right Parties."""

from __future__ import annotations

import json

import pytest

from tsc_hub.geography.models import Party, Region, RegionKind
from tsc_hub.geography.reference import read_regions

from .conftest import CHM_DATA

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

# Region kinds whose member set must never be empty (a UN M49 subregion, a CBD group, LDC, SIDS, Global).
RESOLVED_KINDS = {RegionKind.GLOBAL, RegionKind.M49_REGION, RegionKind.M49_SUBREGION, RegionKind.CBD_GROUP}
RESOLVED_CATEGORIES = {"Global - Least Developed Countries", "Global - Small Island Developing States"}


def chm_regions() -> dict[str, str]:
    path = CHM_DATA / "thesaurus-identifiers.json"
    if not path.exists():
        pytest.skip(f"the CHM identifier file is not beside the project ({path})")
    regions: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))["regions"]
    return regions


def members(identifier: str) -> set[str]:
    return set(Party.objects.in_region(identifier).values_list("code", flat=True))


def test_every_chm_region_guid_is_shipped_exactly_as_written() -> None:
    shipped = {region["identifier"] for region in read_regions()}
    assert shipped == set(chm_regions())
    assert set(Region.objects.values_list("identifier", flat=True)) >= shipped


def test_every_subregion_group_ldc_sids_and_global_guid_resolves_to_parties() -> None:
    checked = 0
    for identifier, english in chm_regions().items():
        region = Region.objects.get(identifier=identifier)
        if region.kind in RESOLVED_KINDS or english in RESOLVED_CATEGORIES:
            assert members(identifier), f"{english} ({identifier}) has no member"
            checked += 1
    assert checked == 35  # 5 M49 regions, 22 subregions, 5 CBD groups, LDC, SIDS, Global


def test_every_shipped_region_has_members_labels_in_six_languages_and_a_rule() -> None:
    for region in Region.objects.all():
        assert region.members.exists(), region.identifier
        assert all(
            region.labels.get(language, "").strip() for language in ("ar", "en", "es", "fr", "ru", "zh")
        )
        assert region.rule.strip(), region.identifier


def test_english_labels_match_the_chm() -> None:
    chm = chm_regions()
    for region in Region.objects.filter(identifier__in=list(chm)):
        assert region.labels["en"] == chm[region.identifier]


def test_lookup_by_identifier_ignores_case() -> None:
    assert members("bd12d7fb-91f7-4b2d-996c-e70f18a51f0e".upper()) == members(
        "bd12d7fb-91f7-4b2d-996c-e70f18a51f0e"
    )


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("A23DD6C0-44C5-418D-83B5-461D79D2721A", "ao cm cf td cg cd gq ga st"),  # Middle Africa
        ("8317D3CB-6CAB-4C05-BC2C-2DB93A8FEC6A", "ca"),  # Northern America: the US is not a Party
        ("E9BAA797-CDAE-497E-A860-87AE784F4C53", "au nz"),  # Australia and New Zealand
        ("9EED1DD1-BA36-41F1-BEF9-63021AB24EBF", "ws to tv ck nu"),  # Polynesia
        ("0451E289-BC9E-4F9D-95C0-B28A20F86BE9", "ki mh fm nr pw"),  # Micronesia
        ("743D2F85-8ABA-4F35-BC83-30D295343EA8", "fj pg sb vu"),  # Melanesia
        ("39AF4BA6-E769-4013-B5F2-91B2E5BACB27", "dz eg ly ma sd tn"),  # Northern Africa
        ("BA8BAEF5-821C-43A6-8700-5CC215D4B5B0", "bw sz ls na za"),  # Southern Africa
        ("1CF17830-479B-42DD-AC6C-974E86EABE15", "kz kg tj tm uz"),  # Central Asia
        ("8962A223-E1F2-4200-905C-51B6FEF79FFE", "cn kp jp mn kr"),  # Eastern Asia
        ("DB6CE7B5-EE86-41B1-A3A8-726E5A76C4F9", "at be fr de li lu mc nl ch"),  # Western Europe
        ("613675B2-B56D-454B-8817-54FE2A0DC3AF", "fj pg sb vu ki mh fm nr pw ws to tv ck nu"),  # Pacific SIDS
        (
            "C7E6113A-66ED-42E1-B8BB-004EC02D3D22",  # economies in transition (UNFCCC Annex I EIT)
            "by bg hr cz ee hu lv lt pl ro ru sk si ua",
        ),
    ],
)
def test_hand_checked_member_sets(identifier: str, expected: str) -> None:
    assert members(identifier) == set(expected.split())


def test_eu_member_states_are_the_27_states_not_the_eu_itself() -> None:
    eu_states = members("bd12d7fb-91f7-4b2d-996c-e70f18a51f0e")
    assert len(eu_states) == 27
    assert "eu" not in eu_states
    assert {"fr", "de", "hr", "cy", "mt"} <= eu_states
    assert not eu_states & {"gb", "no", "ch"}


@pytest.mark.parametrize(
    "identifier", ["5D13EC43-F3E0-415E-AF67-62CCC85899AF", "084D8F39-16B0-4DFC-89F9-FE1A6EE47E9F"]
)
def test_global_and_cbd_parties_cover_all_196_including_the_eu(identifier: str) -> None:
    covered = members(identifier)
    assert len(covered) == 196
    assert "eu" in covered


def test_weog_includes_israel_and_turkiye_and_not_the_united_states() -> None:
    weog = members("0EC2E5AE-25F3-4D3A-B71F-8019BB62ED4B")
    assert {"il", "tr", "au", "nz", "ca"} <= weog
    assert "us" not in weog


def test_ldc_and_sids_terms_follow_the_party_flags() -> None:
    assert members("8920655D-3986-465B-837A-CE055B428A74") == set(
        Party.objects.least_developed().values_list("code", flat=True)
    )
    sids = members("CE5B4B10-61B5-469B-961B-D541068A4098")
    assert len(sids) == 40
    assert {"ck", "nu", "fj", "mv", "sg"} <= sids


def test_cbd_sub_regions_split_their_group() -> None:
    asia = members("6BE5B5E1-1ECF-4022-924E-160092951FB8")
    pacific = members("9DB40F52-ADCC-490C-9945-235CBD45CFAC")
    assert asia | pacific == members("5E5B7AA4-2420-4147-825B-0820F7EC5A4B")
    assert not asia & pacific
    caribbean = members("324EE0E0-0874-49CA-814C-7D5470193B40")
    latin = members("50BDFC43-84FD-4DC9-9BDD-B9C6A3C81539")
    assert caribbean | latin == members("3D0CCC9A-A0A1-4399-8FA2-41D4D649DB0E")
    assert not caribbean & latin
    assert {"jm", "cu", "tt"} <= caribbean
    assert {"br", "mx", "gy"} <= latin


def test_developing_industrialized_and_transition_partition_the_parties() -> None:
    developing = members("948125C2-F580-4357-AA0A-B6C636279E96")
    industrialized = members("BF64EC30-A6BE-4967-959F-FFE08A6A2D0A")
    transition = members("C7E6113A-66ED-42E1-B8BB-004EC02D3D22")
    assert len(developing) + len(industrialized) + len(transition) == 196
    assert developing | industrialized | transition == set(Party.objects.values_list("code", flat=True))
    assert {"ke", "br", "cn", "in"} <= developing
    assert {"jp", "de", "eu", "ca"} <= industrialized
