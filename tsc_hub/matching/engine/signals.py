"""The signals a ranking adds up, each a number in [0, 1]."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from tsc_hub.matching.engine.embeddings import Matrix

# Broader term -> its narrower terms. A broader term partly matches its narrower terms and back.
Hierarchy = Mapping[str, frozenset[str]]

BIOMES = "CBD-SUBJECT-BIOMES"
DEFAULT_HIERARCHY: dict[str, frozenset[str]] = {
    BIOMES: frozenset(
        {
            "CBD-SUBJECT-AGR",
            "CBD-SUBJECT-DSHL",
            "CBD-SUBJECT-FOR",
            "CBD-SUBJECT-WTR",
            "CBD-SUBJECT-ISL",
            "CBD-SUBJECT-MAR",
            "CBD-SUBJECT-MNT",
            "CBD-SUBJECT-PLR",
        }
    ),
}
PARTIAL_MATCH = 0.5


def semantic_similarity(requests: Matrix, items: Matrix) -> Matrix:
    """Cosine similarity of unit rows, requests x items, clipped to [0, 1]."""
    if requests.shape[0] == 0 or items.shape[0] == 0:
        return np.zeros((requests.shape[0], items.shape[0]), dtype=np.float32)
    return np.clip(requests @ items.T, 0.0, 1.0).astype(np.float32)


def related_terms(term: str, hierarchy: Hierarchy) -> frozenset[str]:
    """The terms one step broader or narrower than `term`."""
    broader = frozenset(parent for parent, children in hierarchy.items() if term in children)
    return hierarchy.get(term, frozenset()) | broader


def _related(term: str, others: frozenset[str], hierarchy: Hierarchy) -> bool:
    return bool(related_terms(term, hierarchy) & others)


def vocabulary_overlap(wanted: frozenset[str], offered: frozenset[str], hierarchy: Hierarchy) -> float:
    """Share of the request's terms the item has: 1 for the same identifier (opaque strings), PARTIAL_MATCH
    for a broader or narrower term; 0 when the request names no term."""
    if not wanted:
        return 0.0
    credit = 0.0
    for term in wanted:
        if term in offered:
            credit += 1.0
        elif _related(term, offered, hierarchy):
            credit += PARTIAL_MATCH
    return credit / len(wanted)


def language_compatibility(wanted: Iterable[str], offered: Iterable[str]) -> float:
    """1 when they share a language, 0 when both are known and share none, 0.5 when one side is unknown."""
    wanted_set, offered_set = frozenset(wanted), frozenset(offered)
    if not wanted_set or not offered_set:
        return 0.5
    return 1.0 if wanted_set & offered_set else 0.0


NEUTRAL = 0.5
FULL_CAPACITY = 3  # cooperations a provider can still take on at which the capacity signal is full


def track_record_signal(record: float | None) -> float:
    """The provider's smoothed record from the funnel in [0, 1]; a provider without history is neutral."""
    return NEUTRAL if record is None else min(max(record, 0.0), 1.0)


def capacity_signal(capacity_left: int | None) -> float:
    """1 when the provider has room (or no stated limit), less as it fills up; 0 when full."""
    if capacity_left is None:
        return 1.0
    return min(max(capacity_left, 0), FULL_CAPACITY) / FULL_CAPACITY
