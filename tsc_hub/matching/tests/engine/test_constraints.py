"""Hard constraints leave items out whatever their score."""

from __future__ import annotations

import datetime as dt

import pytest

from tsc_hub.matching.engine.constraints import violations
from tsc_hub.matching.engine.embeddings import TfidfEmbedder
from tsc_hub.matching.engine.ranker import Ranker, Weights
from tsc_hub.matching.engine.records import mapping_resolver, parse_item, parse_request
from tsc_hub.matching.tests.engine import factories

AS_OF = dt.date(2026, 6, 1)
EAST_AFRICA = "0938DB0F-E4BB-464F-ABBB-ADD615BE5371"
TERMS = {
    "gbfTargets": [{"identifier": "GBF-TARGET-02"}],
    "cbdSubjects": [{"identifier": "CBD-SUBJECT-MAR"}],
    "assistanceTypes": [{"identifier": "TRAINING"}],
}


def _rank(items: list[dict[str, object]]) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    ranker = Ranker(TfidfEmbedder(), Weights(semantic=10.0))
    resolver = mapping_resolver({EAST_AFRICA: {"ke", "tz"}})
    request = parse_request(factories.request(**TERMS))
    [result] = ranker.rank(
        [request], [parse_item(item, resolver) for item in items], AS_OF, top=10, explain_excluded=True
    )
    return [entry.item_id for entry in result.ranked], {ex.item_id: ex.codes for ex in result.excluded}


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"areasBenifited": [{"identifier": "la"}]}, "outside_coverage"),
        ({"applicationDeadline": "2026-05-31"}, "deadline_passed"),
        ({"tschub": {"capacityLeft": 0}}, "at_capacity"),
    ],
)
def test_a_perfect_item_breaking_a_constraint_is_left_out(fields: dict[str, object], code: str) -> None:
    # The excluded item is a word-for-word copy of the request, with all its terms: it would rank first.
    perfect = factories.offer(
        "PERFECT",
        title=factories.request()["title"],
        description=factories.request()["problem"],
        **TERMS,
        **fields,
    )
    weak = factories.offer("WEAK", title={"en": "Unrelated"}, description={"en": "Tax accounting software."})
    ranked, excluded = _rank([perfect, weak])
    assert ranked == ["WEAK"]
    assert excluded == {"PERFECT": (code,)}


def test_every_broken_constraint_is_given_as_a_reason() -> None:
    item = factories.offer(areas=("la",), applicationDeadline="2020-01-01", tschub={"capacityLeft": -1})
    codes = violations(parse_request(factories.request()), parse_item(item), AS_OF)
    assert codes == ["outside_coverage", "deadline_passed", "at_capacity"]


def test_items_within_the_constraints_are_kept() -> None:
    items = [
        factories.offer("DEADLINE-TODAY", applicationDeadline="2026-06-01T00:00:00Z"),
        factories.offer("CAPACITY-LEFT", tschub={"capacityLeft": 1}),
        factories.profile("REGION", areas=(EAST_AFRICA,)),
    ]
    ranked, excluded = _rank(items)
    assert sorted(ranked) == ["CAPACITY-LEFT", "DEADLINE-TODAY", "REGION"]
    assert excluded == {}
