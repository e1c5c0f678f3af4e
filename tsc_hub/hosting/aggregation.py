"""Turning reviewers' scores into one score per application and phase (pure: no database).

Notation: reviewer r scores criterion c of application a with s(r, a, c) on the scale [lo, hi]; criterion c
weighs w_c.

Mean. m(a, c) = mean over the reviewers of a of s(r, a, c).

Z-score (per reviewer). Over all scores of the phase, μ and σ are the mean and population standard deviation
of every score, μ_r and σ_r those of reviewer r's own scores. Each score is moved onto the common spread:
s'(r, a, c) = μ + σ · (s − μ_r) / σ_r, clamped to [lo, hi] (s' = μ when σ_r = 0: a reviewer who gave every
application the same mark says nothing about their order). m(a, c) = mean over the reviewers of s'.

Application score, 0–100: 100 · Σ_c w_c · (m(a, c) − lo) / (hi − lo) / Σ_c w_c.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from tsc_hub.hosting.states import Aggregation


@dataclass(frozen=True)
class RawScore:
    """One reviewer's score of one criterion for one application."""

    reviewer: Hashable
    application: Hashable
    criterion: Hashable
    value: float


@dataclass(frozen=True)
class Aggregated:
    """An application's aggregated score per criterion (on the scale) and overall (0–100)."""

    by_criterion: dict[Hashable, float]
    total: float


def _mean_and_spread(values: list[float]) -> tuple[float, float]:
    mean = math.fsum(values) / len(values)
    return mean, math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))


def normalise(scores: list[RawScore], scale: tuple[float, float]) -> list[RawScore]:
    """The scores moved by per-reviewer z-score normalisation onto the pooled mean and spread."""
    if not scores:
        return []
    low, high = scale
    pooled_mean, pooled_spread = _mean_and_spread([s.value for s in scores])
    by_reviewer: dict[Hashable, list[float]] = defaultdict(list)
    for score in scores:
        by_reviewer[score.reviewer].append(score.value)
    own = {reviewer: _mean_and_spread(values) for reviewer, values in by_reviewer.items()}
    moved = []
    for score in scores:
        mean, spread = own[score.reviewer]
        value = pooled_mean + pooled_spread * (score.value - mean) / spread if spread > 0 else pooled_mean
        moved.append(RawScore(score.reviewer, score.application, score.criterion, min(high, max(low, value))))
    return moved


def aggregate(
    scores: Iterable[RawScore],
    weights: Mapping[Hashable, float],
    scale: tuple[float, float],
    method: str = Aggregation.MEAN,
) -> dict[Hashable, Aggregated]:
    """Every application's aggregated scores; a criterion nobody scored counts as the lowest mark."""
    given = [s for s in scores if s.criterion in weights]
    if method == Aggregation.ZSCORE:
        given = normalise(given, scale)
    elif method != Aggregation.MEAN:
        raise ValueError(f"unknown aggregation {method!r}")
    low, high = scale
    cells: dict[Hashable, dict[Hashable, list[float]]] = defaultdict(lambda: defaultdict(list))
    for score in given:
        cells[score.application][score.criterion].append(score.value)
    total_weight = math.fsum(weights.values())
    results = {}
    for application, by_criterion in cells.items():
        means = {c: math.fsum(values) / len(values) for c, values in by_criterion.items()}
        weighted = math.fsum(w * (means.get(c, low) - low) / (high - low) for c, w in weights.items())
        results[application] = Aggregated(by_criterion=means, total=100 * weighted / total_weight)
    return results
