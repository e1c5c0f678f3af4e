"""The score of one request–item pair: signal values, weights, and the reasons a person reads.

`ItemIndex` computes the same numbers for many items at once; this module is the reference it is tested
against, and what "why not" and the reverse ranking (requests for one item) use.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from tsc_hub.matching.engine.records import ItemRecord, RequestRecord
from tsc_hub.matching.engine.signals import (
    Hierarchy,
    capacity_signal,
    language_compatibility,
    track_record_signal,
    vocabulary_overlap,
)


@dataclass(frozen=True)
class Weights:
    """How much each signal counts. The defaults were set by hand on the evaluation set (docs/matching.md);
    learned versions replace them when they evaluate better."""

    semantic: float = 0.5
    gbf_targets: float = 0.14
    cbd_subjects: float = 0.12
    assistance_types: float = 0.1
    language: float = 0.08
    track_record: float = 0.03
    capacity: float = 0.03

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(spec.name for spec in fields(cls))

    @classmethod
    def from_dict(cls, values: dict[str, float]) -> Weights:
        """Weights from a stored mapping; a signal it does not name counts zero, unknown names are ignored."""
        return cls(**{name: float(values.get(name, 0.0)) for name in cls.names()})

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class Reason:
    """What one signal added to a score: its value in [0, 1] times its weight."""

    signal: str
    value: float
    contribution: float

    def as_dict(self) -> dict[str, str | float]:
        return {
            "signal": self.signal,
            "value": round(self.value, 4),
            "contribution": round(self.contribution, 4),
        }


def pair_signals(
    request: RequestRecord, item: ItemRecord, semantic: float, hierarchy: Hierarchy
) -> dict[str, float]:
    """Every signal of the pair, in the order of `Weights`; `semantic` is the cosine similarity."""
    return {
        "semantic": min(max(semantic, 0.0), 1.0),
        "gbf_targets": vocabulary_overlap(request.gbf_targets, item.gbf_targets, hierarchy),
        "cbd_subjects": vocabulary_overlap(request.cbd_subjects, item.cbd_subjects, hierarchy),
        "assistance_types": vocabulary_overlap(request.assistance_types, item.assistance_types, hierarchy),
        "language": language_compatibility(request.languages, item.languages),
        "track_record": track_record_signal(item.track_record),
        "capacity": capacity_signal(item.capacity_left),
    }


def explain(weights: Weights, values: dict[str, float]) -> tuple[Reason, ...]:
    """The reasons of a score, signals with zero weight left out."""
    weight_of = weights.as_dict()
    return tuple(
        Reason(name, value, weight_of[name] * value) for name, value in values.items() if weight_of[name]
    )


def total(reasons: tuple[Reason, ...]) -> float:
    return sum(reason.contribution for reason in reasons)
