"""Ranking items for requests: hard constraints first, then a weighted sum of signals, with reasons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from tsc_hub.matching.engine.constraints import violations
from tsc_hub.matching.engine.embeddings import Embedder, Matrix
from tsc_hub.matching.engine.index import Floats, ItemIndex
from tsc_hub.matching.engine.records import ItemRecord, RequestRecord
from tsc_hub.matching.engine.scoring import Reason, Weights, explain, pair_signals, total
from tsc_hub.matching.engine.signals import DEFAULT_HIERARCHY, Hierarchy

BLOCK = 64  # requests whose similarities are computed in one matrix product

__all__ = ["Excluded", "RankResult", "Ranked", "Ranker", "Reason", "Weights", "WhyNot", "record_text"]


@dataclass(frozen=True)
class Ranked:
    item_id: str
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Excluded:
    """Why not: the reason codes of the hard constraints the item breaks."""

    item_id: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class WhyNot:
    """A pair explained: the constraints it breaks (if any), and the score it has or would have."""

    codes: tuple[str, ...]
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class RankResult:
    request_id: str
    ranked: list[Ranked]
    excluded: list[Excluded] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "request": self.request_id,
            "ranked": [entry.item_id for entry in self.ranked],
            "scores": [round(entry.score, 4) for entry in self.ranked],
            "reasons": [[reason.as_dict() for reason in entry.reasons] for entry in self.ranked],
        }


def record_text(texts: dict[str, str]) -> str:
    """One text for the embedder: every language version, in a stable order."""
    return "\n".join(texts[lang] for lang in sorted(texts))


class Ranker:
    def __init__(
        self, embedder: Embedder | None, weights: Weights | None = None, hierarchy: Hierarchy | None = None
    ) -> None:
        """`embedder` may be None when every vector comes precomputed (rank_one, rank_many)."""
        self.embedder = embedder
        self.weights = weights or Weights()
        self.hierarchy = DEFAULT_HIERARCHY if hierarchy is None else hierarchy

    def embed(self, records: Sequence[RequestRecord | ItemRecord]) -> Matrix:
        if self.embedder is None:
            raise ValueError("this ranker has no embedder: pass precomputed vectors")
        return self.embedder.embed([record_text(record.texts) for record in records])

    def index(self, items: Sequence[ItemRecord], vectors: Matrix) -> ItemIndex:
        return ItemIndex(items, vectors, self.hierarchy)

    def rank(
        self,
        requests: Sequence[RequestRecord],
        items: Sequence[ItemRecord],
        as_of: dt.date,
        top: int = 10,
        *,
        explain_excluded: bool = False,
    ) -> Iterator[RankResult]:
        """One result per request, in order: at most `top` items, best first (ties by item id).

        Requests and items are embedded together: the TF-IDF fallback's weights depend on the whole corpus.
        """
        vectors = self.embed([*requests, *items])
        index = self.index(items, vectors[len(requests) :])
        yield from self.rank_many(index, requests, vectors[: len(requests)], as_of, top, explain_excluded)

    def rank_many(
        self,
        index: ItemIndex,
        requests: Sequence[RequestRecord],
        request_vectors: Matrix,
        as_of: dt.date,
        top: int = 10,
        explain_excluded: bool = False,
    ) -> Iterator[RankResult]:
        """`rank_one` for each request; similarities are computed a block of requests at a time, one
        matrix product per block instead of one matrix-vector product per request."""
        for start in range(0, len(requests), BLOCK):
            block = request_vectors[start : start + BLOCK]
            similarity = index.semantic(block) if self.weights.semantic else None
            for offset, request in enumerate(requests[start : start + BLOCK]):
                yield self.rank_one(
                    index,
                    request,
                    block[offset],
                    as_of,
                    top,
                    explain_excluded=explain_excluded,
                    semantic=None if similarity is None else similarity[offset],
                )

    def rank_one(
        self,
        index: ItemIndex,
        request: RequestRecord,
        request_vector: Matrix,
        as_of: dt.date,
        top: int = 10,
        *,
        explain_excluded: bool = False,
        semantic: Floats | None = None,
    ) -> RankResult:
        """The best `top` items of `index` for one request whose embedding is `request_vector`."""
        weights = self.weights.as_dict()
        scored = index.top(request, request_vector, weights, as_of, top, semantic)
        ranked = []
        for rank, position in enumerate(scored.positions):
            reasons = tuple(
                Reason(name, float(values[rank]), weights[name] * float(values[rank]))
                for name, values in scored.values.items()
            )
            # The score shown is the sum of the reasons shown, exactly; the order came from float32 sums.
            ranked.append(Ranked(index.items[position].id, total(reasons), reasons))
        excluded = self._excluded(index, request, as_of) if explain_excluded else []
        return RankResult(request.id, ranked, excluded)

    @staticmethod
    def _excluded(index: ItemIndex, request: RequestRecord, as_of: dt.date) -> list[Excluded]:
        masks = index.violation_masks(request, as_of)
        broken = np.zeros(len(index), dtype=bool)
        for mask in masks.values():
            broken |= mask
        return [
            Excluded(index.items[position].id, tuple(code for code, mask in masks.items() if mask[position]))
            for position in np.flatnonzero(broken)
        ]

    def why_not(self, request: RequestRecord, item: ItemRecord, semantic: float, as_of: dt.date) -> WhyNot:
        """One pair explained, whether or not it ranks: broken constraints and every signal's share."""
        reasons = explain(self.weights, pair_signals(request, item, semantic, self.hierarchy))
        return WhyNot(tuple(violations(request, item, as_of)), total(reasons), reasons)

    def score_pairs(
        self,
        item: ItemRecord,
        item_vector: Matrix,
        requests: Sequence[RequestRecord],
        request_vectors: Matrix,
        as_of: dt.date,
        top: int = 10,
    ) -> list[tuple[str, float, tuple[Reason, ...]]]:
        """The reverse ranking: the requests one item could serve, best first (ties by request id)."""
        similarity = request_vectors @ item_vector if len(requests) else np.zeros(0, dtype=np.float32)
        found = []
        for row, request in enumerate(requests):
            explained = self.why_not(request, item, float(similarity[row]), as_of)
            if not explained.codes:
                found.append((request.id, explained.score, explained.reasons))
        found.sort(key=lambda entry: (-entry[1], entry[0]))
        return found[: max(top, 0)]
