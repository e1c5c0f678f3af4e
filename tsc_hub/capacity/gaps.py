"""The gap matrix: for each GBF target and region, open needs against current activities, open offers and
published provider profiles. docs/capacity.md says how each number is counted.

The matrix is built in Python from a fixed number of flat queries (one per relation read), whatever the
number of records: no query per cell, row or record.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import TextChoices

from tsc_hub.capacity.models import CapacityActivity, CapacityNeed, Grouping
from tsc_hub.capacity.querysets import covering_group
from tsc_hub.core.languages import pick_text
from tsc_hub.geography.models import CbdRegionalGroup, M49Subregion, Party, Region
from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.offers.validation import GBF_TARGETS
from tsc_hub.vocabularies.models import Term

COUNTS = ("needs", "activities", "offers", "profiles")
_COLUMNS: dict[str, type[TextChoices]] = {
    Grouping.CBD_GROUP: CbdRegionalGroup,
    Grouping.M49_SUBREGION: M49Subregion,
}


@dataclass
class Cell:
    """The four numbers of one GBF target in one region."""

    region: str
    needs: int = 0
    activities: int = 0
    offers: int = 0
    profiles: int = 0

    @property
    def gap(self) -> bool:
        """Open needs, and neither a current activity nor an open offer for them."""
        return self.needs > 0 and self.activities == 0 and self.offers == 0


@dataclass(frozen=True)
class Column:
    """A region: a CBD regional group or a UN M49 subregion."""

    key: str
    label: str


@dataclass
class Row:
    """One GBF target and its cells, in the order of the columns."""

    target: str
    notation: str
    label: str
    cells: list[Cell] = field(default_factory=list)


@dataclass
class GapMatrix:
    """GBF targets (rows) × regions (columns)."""

    grouping: str
    columns: list[Column]
    rows: list[Row]


def columns_for(grouping: str) -> list[Column]:
    """The regions of a grouping, labelled in the reader's language."""
    return [Column(choice.value, str(choice.label)) for choice in _COLUMNS[grouping]]


def _pairs(queryset: Any, *fields: str) -> list[tuple[Any, ...]]:
    """Flat rows of a queryset without its default ordering; rows with a missing value are dropped."""
    return [row for row in queryset.order_by().values_list(*fields) if None not in row]


def _regions_of(codes: dict[Any, set[str]], group_of: dict[str, str]) -> dict[Any, set[str]]:
    return {
        pk: {group_of[code] for code in party_codes if code in group_of} for pk, party_codes in codes.items()
    }


def _coverage(
    records: Any, parties_field: str, region_pairs: list[tuple[Any, ...]], members: dict[int, set[str]]
) -> dict[Any, set[str]]:
    """Party codes each record covers, named directly or as members of a named region."""
    covered: dict[Any, set[str]] = defaultdict(set)
    for pk, code in _pairs(records, "pk", parties_field):
        covered[pk].add(code)
    for pk, region_id in region_pairs:
        covered[pk].update(members.get(region_id, set()))
    return covered


def _targets_of(records: Any) -> dict[Any, set[int]]:
    targets: dict[Any, set[int]] = defaultdict(set)
    for pk, term_id in _pairs(records, "pk", "gbf_targets"):
        targets[pk].add(term_id)
    return targets


def _add(
    counts: dict[tuple[int, str], dict[str, int]],
    name: str,
    targets: dict[Any, set[int]],
    regions: dict[Any, set[str]],
) -> None:
    """Count each record once in every (target, region) cell it falls in."""
    for pk, record_targets in targets.items():
        for target in record_targets:
            for region in regions.get(pk, set()):
                counts[(target, region)][name] += 1


def _region_members(region_ids: set[int]) -> dict[int, set[str]]:
    """The member Parties of the regions named (one query)."""
    members: dict[int, set[str]] = defaultdict(set)
    through = Region.members.through.objects.filter(region_id__in=region_ids)
    for region_id, code in through.values_list("region_id", "party_id"):
        members[region_id].add(code)
    return members


def build_gap_matrix(*, grouping: str = Grouping.CBD_GROUP) -> GapMatrix:
    """Count, for every GBF target and region, open needs, current activities, open offers and published
    provider profiles. `grouping` is "cbd_group" or "m49_subregion"."""
    if grouping not in _COLUMNS:
        raise ValueError(f"unknown grouping {grouping!r}")
    group_of = dict(Party.objects.exclude(**{grouping: ""}).values_list("code", grouping))
    needs = CapacityNeed.objects.open()
    activities = CapacityActivity.objects.current()
    offers = Offer.objects.open()
    profiles = ProviderProfile.objects.published()
    sources = (
        ("activities", activities, "countries", "regions"),
        ("offers", offers, "areas_benefited_parties", "areas_benefited_regions"),
        ("profiles", profiles, "coverage_parties", "coverage_regions"),
    )
    region_pairs = {name: _pairs(records, "pk", regions) for name, records, _, regions in sources}
    members = _region_members({region_id for pairs in region_pairs.values() for _, region_id in pairs})
    counts: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    need_parties = {pk: {code} for pk, code in _pairs(needs, "pk", "party_id")}
    _add(counts, "needs", _targets_of(needs), _regions_of(need_parties, group_of))
    for name, records, parties_field, _ in sources:
        covered = _coverage(records, parties_field, region_pairs[name], members)
        _add(counts, name, _targets_of(records), _regions_of(covered, group_of))
    columns = columns_for(grouping)
    rows = [
        Row(
            target=term.identifier,
            notation=term.notation,
            label=pick_text(term.short_labels or term.labels).text,
            cells=[Cell(column.key, **counts.get((term.pk, column.key), {})) for column in columns],
        )
        for term in Term.objects.in_vocabulary(GBF_TARGETS).only(
            "pk", "identifier", "notation", "labels", "short_labels"
        )
    ]
    return GapMatrix(grouping=grouping, columns=columns, rows=rows)


def offers_counted(*, target: str, grouping: str, region: str) -> Any:
    """The open offers one cell counts (what its "offers" number links to)."""
    offers = Offer.objects.open().with_gbf_target(target)
    return covering_group(offers, "areas_benefited_parties", "areas_benefited_regions", grouping, region)


def profiles_counted(*, target: str, grouping: str, region: str) -> Any:
    """The published provider profiles one cell counts."""
    profiles = ProviderProfile.objects.published().with_gbf_target(target)
    return covering_group(profiles, "coverage_parties", "coverage_regions", grouping, region)
