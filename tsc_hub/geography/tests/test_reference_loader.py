"""Loading the shipped files: idempotent, repairs drift, never duplicates."""

from __future__ import annotations

import pytest

from tsc_hub.geography.models import Party, Region
from tsc_hub.geography.reference import load_reference_data, select_members

pytestmark = pytest.mark.django_db

SAMPLE = [
    {"code": "aa", "region": "002", "subregion": "014", "cbd_group": "africa", "ldc": True, "sids": False},
    {"code": "bb", "region": "002", "subregion": "017", "cbd_group": "africa", "ldc": False, "sids": True},
    {
        "code": "cc",
        "region": "009",
        "subregion": "061",
        "cbd_group": "asia_pacific",
        "ldc": False,
        "sids": True,
    },
]


def membership_count() -> int:
    return Region.members.through.objects.count()


def test_loading_twice_changes_nothing_and_duplicates_nothing(reference_data: dict[str, int]) -> None:
    before = (Party.objects.count(), Region.objects.count(), membership_count())
    counts = load_reference_data()
    assert (Party.objects.count(), Region.objects.count(), membership_count()) == before
    assert counts["parties_created"] == counts["parties_updated"] == 0
    assert counts["regions_created"] == counts["regions_updated"] == 0
    assert counts["memberships_added"] == counts["memberships_removed"] == 0
    assert (counts["parties"], counts["regions"], counts["memberships"]) == before


def test_loading_into_an_empty_database_creates_everything(reference_data: dict[str, int]) -> None:
    Region.objects.all().delete()
    Party.objects.all().delete()
    counts = load_reference_data()
    assert counts["parties_created"] == 196
    assert counts["regions_created"] == 45
    assert counts["memberships_added"] == counts["memberships"] > 0


def test_loading_repairs_edited_rows_and_memberships(reference_data: dict[str, int]) -> None:
    kenya = Party.objects.get(code="ke")
    kenya.names = {"en": "Changed"}
    kenya.is_ldc = True
    kenya.save()
    polynesia = Region.objects.get(identifier="9EED1DD1-BA36-41F1-BEF9-63021AB24EBF")
    polynesia.members.add("ke")
    polynesia.members.remove("nu")
    counts = load_reference_data()
    kenya.refresh_from_db()
    assert kenya.names["en"] == "Kenya"
    assert kenya.is_ldc is False
    assert set(polynesia.members.values_list("code", flat=True)) == {"ws", "to", "tv", "ck", "nu"}
    assert counts["parties_updated"] == 1
    assert (counts["memberships_added"], counts["memberships_removed"]) == (1, 1)


def test_parties_not_in_the_file_are_kept_and_reported(reference_data: dict[str, int]) -> None:
    Party.objects.create(code="us", names={"en": "United States of America"})
    counts = load_reference_data()
    assert counts["parties_not_in_file"] == 1
    assert Party.objects.filter(code="us").exists()


def test_progress_is_reported_up_to_the_total(reference_data: dict[str, int]) -> None:
    seen: list[tuple[int, int]] = []
    load_reference_data(progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (196 + 45, 196 + 45)
    assert [done for done, _ in seen] == list(range(1, 196 + 45 + 1))


def test_select_keys_must_all_hold() -> None:
    assert select_members({"cbd_group": "africa", "sids": True}, SAMPLE) == {"bb"}
    assert select_members({"m49_subregion": ["014", "061"]}, SAMPLE) == {"aa", "cc"}
    assert select_members({"ldc": True}, SAMPLE) == {"aa"}
    assert select_members({"all": True}, SAMPLE) == {"aa", "bb", "cc"}
    assert select_members({"codes": ["cc", "zz"]}, SAMPLE) == {"cc"}
    assert select_members({"m49_region": "009"}, SAMPLE) == {"cc"}


@pytest.mark.parametrize("select", [{}, {"continent": "africa"}])
def test_an_empty_or_unknown_select_rule_is_refused(select: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="select"):
        select_members(select, SAMPLE)
