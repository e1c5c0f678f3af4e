"""Ranking items for requests: hard constraints first, then a weighted sum of signals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields

from tsc_hub.matching.engine.constraints import violations
from tsc_hub.matching.engine.embeddings import Embedder
from tsc_hub.matching.engine.records import ItemRecord, RequestRecord
from tsc_hub.matching.engine.signals import (
    DEFAULT_HIERARCHY,
    Hierarchy,
    language_compatibility,
    semantic_similarity,
    vocabulary_overlap,
)


@dataclass(frozen=True)
class Weights:
    """How much each signal counts; the default weights add up to 1."""

    semantic: float = 0.5
    gbf_targets: float = 0.15
    cbd_subjects: float = 0.15
    assistance_types: float = 0.1
    language: float = 0.1


@dataclass(frozen=True)
class Reason:
    signal: str
    contribution: float

    def as_dict(self) -> dict[str, str | float]:
        return {"signal": self.signal, "contribution": round(self.contribution, 4)}


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
        self, embedder: Embedder, weights: Weights | None = None, hierarchy: Hierarchy | None = None
    ) -> None:
        self.embedder = embedder
        self.weights = weights or Weights()
        self.hierarchy = DEFAULT_HIERARCHY if hierarchy is None else hierarchy

    def _signals(self, request: RequestRecord, item: ItemRecord, semantic: float) -> dict[str, float]:
        return {
            "semantic": semantic,
            "gbf_targets": vocabulary_overlap(request.gbf_targets, item.gbf_targets, self.hierarchy),
            "cbd_subjects": vocabulary_overlap(request.cbd_subjects, item.cbd_subjects, self.hierarchy),
            "assistance_types": vocabulary_overlap(
                request.assistance_types, item.assistance_types, self.hierarchy
            ),
            "language": language_compatibility(request.languages, item.languages),
        }

    def rank(
        self, requests: Sequence[RequestRecord], items: Sequence[ItemRecord], as_of: dt.date, top: int = 10
    ) -> Iterator[RankResult]:
        """One result per request, in order: at most `top` items, best first (ties by item id)."""
        texts = [record_text(record.texts) for record in requests] + [
            record_text(record.texts) for record in items
        ]
        vectors = self.embedder.embed(texts)
        similarity = semantic_similarity(vectors[: len(requests)], vectors[len(requests) :])
        weights = {spec.name: float(getattr(self.weights, spec.name)) for spec in fields(self.weights)}
        for row, request in enumerate(requests):
            ranked: list[Ranked] = []
            excluded: list[Excluded] = []
            for column, item in enumerate(items):
                codes = violations(request, item, as_of)
                if codes:
                    excluded.append(Excluded(item.id, tuple(codes)))
                    continue
                values = self._signals(request, item, float(similarity[row, column]))
                reasons = tuple(
                    Reason(name, weights[name] * value) for name, value in values.items() if weights[name]
                )
                ranked.append(Ranked(item.id, sum(reason.contribution for reason in reasons), reasons))
            ranked.sort(key=lambda entry: (-entry.score, entry.item_id))
            yield RankResult(request.id, ranked[: max(top, 0)], excluded)
