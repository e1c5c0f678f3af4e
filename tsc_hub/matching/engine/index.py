"""All items of a ranking as arrays, so one request is scored against 100,000 items in a few numpy passes.

Term sets (coverage, vocabularies, languages) become sparse 0/1 matrices with one column per identifier;
a request reads the columns of its own identifiers. The numbers equal `scoring.pair_signals`, pair by pair.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from tsc_hub.matching.engine.constraints import AT_CAPACITY, DEADLINE_PASSED, OUTSIDE_COVERAGE
from tsc_hub.matching.engine.embeddings import Matrix
from tsc_hub.matching.engine.records import ItemRecord, RequestRecord
from tsc_hub.matching.engine.signals import (
    FULL_CAPACITY,
    NEUTRAL,
    PARTIAL_MATCH,
    Hierarchy,
    related_terms,
)

NO_DEADLINE = np.iinfo(np.int32).max
Floats = NDArray[np.float32]
Mask = NDArray[np.bool_]


class TermMatrix:
    """Items x identifiers, 1 where the item has the identifier; unknown identifiers read as all zeros."""

    def __init__(self, term_sets: Sequence[Iterable[str]]) -> None:
        self.columns: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for row, terms in enumerate(term_sets):
            for term in terms:
                rows.append(row)
                cols.append(self.columns.setdefault(term, len(self.columns)))
        data = np.ones(len(rows), dtype=np.float32)
        shape = (len(term_sets), max(len(self.columns), 1))
        self._csc = sparse.csc_array((data, (rows, cols)), shape=shape)
        self._empty = np.asarray(self._csc.sum(axis=1) == 0).ravel()
        self.size = len(term_sets)

    def has(self, term: str) -> Mask:
        column = self.columns.get(term)
        if column is None:
            return np.zeros(self.size, dtype=bool)
        start, end = self._csc.indptr[column], self._csc.indptr[column + 1]
        mask = np.zeros(self.size, dtype=bool)
        mask[self._csc.indices[start:end]] = True
        return mask

    def has_any(self, terms: Iterable[str]) -> Mask:
        mask = np.zeros(self.size, dtype=bool)
        for term in terms:
            mask |= self.has(term)
        return mask

    @property
    def empty(self) -> Mask:
        """Items with no identifier at all."""
        return self._empty


@dataclass(frozen=True)
class Scored:
    """The top items of one request: their positions in the index, scores and per-signal values."""

    positions: NDArray[np.intp]
    scores: Floats
    values: dict[str, Floats]


class ItemIndex:
    """Items, their unit embeddings (float32, one row per item) and their terms, as arrays."""

    def __init__(self, items: Sequence[ItemRecord], vectors: Matrix, hierarchy: Hierarchy) -> None:
        if vectors.shape[0] != len(items):
            raise ValueError(f"{len(items)} items but {vectors.shape[0]} embedding rows")
        self.items = list(items)
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.hierarchy = hierarchy
        self.coverage = TermMatrix([item.coverage_countries for item in items])
        self.gbf_targets = TermMatrix([item.gbf_targets for item in items])
        self.cbd_subjects = TermMatrix([item.cbd_subjects for item in items])
        self.assistance_types = TermMatrix([item.assistance_types for item in items])
        self.languages = TermMatrix([item.languages for item in items])
        self.deadlines = np.array(
            [NO_DEADLINE if item.deadline is None else item.deadline.toordinal() for item in items],
            dtype=np.int64,
        )
        self.capacity_limited = np.array([item.capacity_left is not None for item in items], dtype=bool)
        self.capacity_left = np.array([item.capacity_left or 0 for item in items], dtype=np.int64)
        self.track_record = np.array(
            [NEUTRAL if item.track_record is None else item.track_record for item in items], dtype=np.float32
        )
        # Tie-break by item id, as the reference ranking does.
        self.id_rank = np.argsort(np.argsort(np.array([item.id for item in items], dtype=object)))

    def __len__(self) -> int:
        return len(self.items)

    # Hard constraints -------------------------------------------------------------------------------------

    def violation_masks(self, request: RequestRecord, as_of: dt.date) -> dict[str, Mask]:
        """Reason code -> the items breaking that constraint."""
        return {
            OUTSIDE_COVERAGE: ~self.coverage.has(request.country),
            DEADLINE_PASSED: self.deadlines < as_of.toordinal(),
            AT_CAPACITY: self.capacity_limited & (self.capacity_left <= 0),
        }

    def allowed(self, request: RequestRecord, as_of: dt.date) -> Mask:
        broken = np.zeros(len(self), dtype=bool)
        for mask in self.violation_masks(request, as_of).values():
            broken |= mask
        return ~broken

    # Signals ----------------------------------------------------------------------------------------------

    def _overlap(self, wanted: frozenset[str], terms: TermMatrix) -> Floats:
        credit = np.zeros(len(self), dtype=np.float32)
        if not wanted:
            return credit
        for term in wanted:
            exact = terms.has(term)
            related = terms.has_any(related_terms(term, self.hierarchy))
            credit += exact + PARTIAL_MATCH * (related & ~exact)
        credit /= np.float32(len(wanted))
        return credit

    def _language(self, wanted: frozenset[str]) -> Floats:
        if not wanted:
            return np.full(len(self), NEUTRAL, dtype=np.float32)
        shared = self.languages.has_any(wanted).astype(np.float32)
        return np.where(self.languages.empty, np.float32(NEUTRAL), shared).astype(np.float32)

    def _capacity(self) -> Floats:
        left = np.clip(self.capacity_left, 0, FULL_CAPACITY).astype(np.float32) / np.float32(FULL_CAPACITY)
        capacity: Floats = np.where(self.capacity_limited, left, np.float32(1.0)).astype(np.float32)
        return capacity

    def semantic(self, request_vectors: Matrix) -> Floats:
        """Cosine similarity clipped to [0, 1]: one row per request vector, one column per item."""
        similarity: Floats = np.clip(np.atleast_2d(request_vectors) @ self.vectors.T, 0.0, 1.0)
        return similarity

    def signal_values(
        self, request: RequestRecord, request_vector: Matrix, semantic: Floats | None = None
    ) -> dict[str, Callable[[], Floats]]:
        """Signal name -> a function computing its value for every item (computed only if weighted);
        `semantic` may be given when it was computed for many requests at once."""
        return {
            "semantic": lambda: self.semantic(request_vector)[0] if semantic is None else semantic,
            "gbf_targets": lambda: self._overlap(request.gbf_targets, self.gbf_targets),
            "cbd_subjects": lambda: self._overlap(request.cbd_subjects, self.cbd_subjects),
            "assistance_types": lambda: self._overlap(request.assistance_types, self.assistance_types),
            "language": lambda: self._language(request.languages),
            "track_record": lambda: self.track_record,
            "capacity": self._capacity,
        }

    def top(
        self,
        request: RequestRecord,
        request_vector: Matrix,
        weights: dict[str, float],
        as_of: dt.date,
        top: int,
        semantic: Floats | None = None,
    ) -> Scored:
        """The `top` best allowed items, best first, ties broken by item id."""
        values = {
            name: compute()
            for name, compute in self.signal_values(request, request_vector, semantic).items()
            if weights.get(name)
        }
        scores = np.zeros(len(self), dtype=np.float32)
        for name, value in values.items():
            scores += np.float32(weights[name]) * value
        candidates = np.flatnonzero(self.allowed(request, as_of))
        if top <= 0 or candidates.size == 0:
            return Scored(np.empty(0, dtype=np.intp), np.empty(0, dtype=np.float32), {})
        if candidates.size > top:
            kept = np.argpartition(-scores[candidates], top - 1)[:top]
            # Keep every item tied with the last one, so the id tie-break picks among all of them.
            threshold = scores[candidates[kept]].min()
            candidates = candidates[scores[candidates] >= threshold]
        order = np.lexsort((self.id_rank[candidates], -scores[candidates]))[:top]
        positions = candidates[order]
        return Scored(
            positions, scores[positions], {name: value[positions] for name, value in values.items()}
        )
