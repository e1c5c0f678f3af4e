"""The vectorised index ranks exactly as the pair-by-pair reference does."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tsc_hub.matching.engine.constraints import violations
from tsc_hub.matching.engine.embeddings import normalise
from tsc_hub.matching.engine.ranker import Ranker
from tsc_hub.matching.engine.records import ItemRecord, RequestRecord
from tsc_hub.matching.engine.scoring import Weights, explain, pair_signals, total
from tsc_hub.matching.engine.signals import DEFAULT_HIERARCHY

AS_OF = dt.date(2026, 6, 1)
COUNTRIES = ["ke", "tz", "fj", "pe"]
TERMS = ["CBD-SUBJECT-BIOMES", "CBD-SUBJECT-MAR", "CBD-SUBJECT-FOR", "T1", "T2"]
LANGS = ["ar", "en", "fr", "zh"]

terms = st.frozensets(st.sampled_from(TERMS), max_size=3)
languages = st.frozensets(st.sampled_from(LANGS), max_size=2)


@st.composite
def items(draw: st.DrawFn, number: int) -> ItemRecord:
    deadline = draw(st.one_of(st.none(), st.dates(dt.date(2026, 5, 25), dt.date(2026, 6, 5))))
    return ItemRecord(
        id=f"I{number:03d}",
        kind="offer",
        coverage_terms=frozenset(),
        coverage_countries=draw(st.frozensets(st.sampled_from(COUNTRIES), min_size=1)),
        texts={"en": "x"},
        assistance_types=draw(terms),
        gbf_targets=draw(terms),
        cbd_subjects=draw(terms),
        deadline=deadline,
        capacity_left=draw(st.one_of(st.none(), st.integers(-1, 4))),
        languages=draw(languages),
        track_record=draw(st.one_of(st.none(), st.floats(0, 1))),
    )


@settings(max_examples=60, deadline=None)
@given(data=st.data(), size=st.integers(0, 25), top=st.integers(0, 12))
def test_index_equals_reference(data: st.DataObject, size: int, top: int) -> None:
    records = [data.draw(items(number)) for number in range(size)]
    request = RequestRecord(
        id="R",
        country=data.draw(st.sampled_from(COUNTRIES)),
        coverage=frozenset(),
        texts={"en": "x"},
        assistance_types=data.draw(terms),
        gbf_targets=data.draw(terms),
        cbd_subjects=data.draw(terms),
        languages=data.draw(languages),
    )
    rng = np.random.default_rng(size)
    vectors = normalise(rng.normal(size=(size + 1, 8)).astype(np.float32))
    ranker = Ranker(embedder=None, weights=Weights())
    result = ranker.rank_one(ranker.index(records, vectors[1:]), request, vectors[0], AS_OF, top)

    expected = []
    for row, item in enumerate(records):
        if not violations(request, item, AS_OF):
            semantic = float(vectors[1:][row] @ vectors[0])
            reasons = explain(Weights(), pair_signals(request, item, semantic, DEFAULT_HIERARCHY))
            expected.append((item.id, total(reasons)))
    expected.sort(key=lambda pair: (-pair[1], pair[0]))
    got = [(entry.item_id, entry.score) for entry in result.ranked]
    assert len(got) == min(top, len(expected))
    # Same scores in the same order; ids may swap only where float32 sums tie within rounding.
    for (got_id, got_score), (want_id, want_score) in zip(got, expected, strict=False):
        assert abs(got_score - want_score) < 1e-5
        if got_id != want_id:
            assert abs(dict(expected)[got_id] - want_score) < 1e-5
