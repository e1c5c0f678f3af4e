"""Vocabulary signals, unknown identifiers as opaque strings, broader terms."""

from __future__ import annotations

import datetime as dt

from tsc_hub.matching.engine.embeddings import TfidfEmbedder
from tsc_hub.matching.engine.ranker import Ranker, Weights
from tsc_hub.matching.engine.records import parse_item, parse_request
from tsc_hub.matching.engine.signals import language_compatibility, vocabulary_overlap
from tsc_hub.matching.tests.engine import factories

AS_OF = dt.date(2026, 6, 1)


def test_unknown_identifiers_are_compared_as_opaque_strings() -> None:
    request = parse_request(
        factories.request(country="XX-NEW", gbfTargets=[{"identifier": "LOCAL-TARGET-7"}])
    )
    same = parse_item(
        factories.offer("SAME", areas=("XX-NEW",), gbfTargets=[{"identifier": "LOCAL-TARGET-7"}])
    )
    other_case = parse_item(
        factories.offer("CASE", areas=("xx-new",), gbfTargets=[{"identifier": "local-target-7"}])
    )
    [result] = Ranker(TfidfEmbedder()).rank([request], [same, other_case], AS_OF, explain_excluded=True)
    assert [entry.item_id for entry in result.ranked] == ["SAME"]
    assert [ex.codes for ex in result.excluded] == [("outside_coverage",)]
    reasons = {reason.signal: reason.contribution for reason in result.ranked[0].reasons}
    assert reasons["gbf_targets"] > 0
    assert vocabulary_overlap(frozenset({"LOCAL-TARGET-7"}), frozenset({"local-target-7"}), {}) == 0.0


def test_a_broader_term_partly_matches_its_narrower_terms() -> None:
    hierarchy = {"CBD-SUBJECT-BIOMES": frozenset({"CBD-SUBJECT-FOR", "CBD-SUBJECT-MAR"})}
    exact = vocabulary_overlap(frozenset({"CBD-SUBJECT-FOR"}), frozenset({"CBD-SUBJECT-FOR"}), hierarchy)
    down = vocabulary_overlap(frozenset({"CBD-SUBJECT-BIOMES"}), frozenset({"CBD-SUBJECT-FOR"}), hierarchy)
    up = vocabulary_overlap(frozenset({"CBD-SUBJECT-MAR"}), frozenset({"CBD-SUBJECT-BIOMES"}), hierarchy)
    unrelated = vocabulary_overlap(
        frozenset({"CBD-SUBJECT-IAS"}), frozenset({"CBD-SUBJECT-BIOMES"}), hierarchy
    )
    assert exact == 1.0
    assert 0 < down < 1
    assert 0 < up < 1
    assert unrelated == 0.0


def test_default_hierarchy_biomes_and_reasons_add_up_to_the_score() -> None:
    request = parse_request(factories.request(cbdSubjects=[{"identifier": "CBD-SUBJECT-MAR"}]))
    biomes = parse_item(factories.offer("BIOMES", cbdSubjects=[{"identifier": "CBD-SUBJECT-BIOMES"}]))
    none = parse_item(factories.offer("NONE"))
    [result] = Ranker(TfidfEmbedder()).rank([request], [biomes, none], AS_OF)
    assert [entry.item_id for entry in result.ranked] == ["BIOMES", "NONE"]
    for entry in result.ranked:
        assert abs(entry.score - sum(reason.contribution for reason in entry.reasons)) < 1e-9
    assert {reason.signal for reason in result.ranked[0].reasons} == set(Weights.names())


def test_language_compatibility() -> None:
    assert language_compatibility({"fr"}, {"fr", "en"}) == 1.0
    assert language_compatibility({"fr"}, {"zh"}) == 0.0
    assert language_compatibility(set(), {"zh"}) == 0.5
