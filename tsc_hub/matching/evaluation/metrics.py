"""Ranking metrics over graded labels: DCG, nDCG@k and recall@k.

Grades are the set's 0..3 (unlabelled items count 0). nDCG uses the exponential gain 2^g − 1 and the
log2(rank + 1) discount (rank from 1); its ideal ranking orders *all* labelled grades of the request, so
relevant items the ranking never returned lower the score.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

DEFAULT_K = 10


def dcg(grades: Iterable[float]) -> float:
    """Discounted cumulative gain of grades listed in rank order (the first has rank 1)."""
    return sum((2.0**grade - 1.0) / math.log2(rank + 1) for rank, grade in enumerate(grades, start=1))


def ndcg_at_k(ranked_ids: Sequence[str], grades: Mapping[str, int], k: int = DEFAULT_K) -> float:
    """DCG of the first `k` ranked ids over the DCG of the best possible `k`; 0 when nothing is relevant."""
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal <= 0:
        return 0.0
    return dcg(grades.get(item_id, 0) for item_id in _first(ranked_ids, k)) / ideal


def recall_at_k(
    ranked_ids: Sequence[str], grades: Mapping[str, int], k: int = DEFAULT_K, relevant_from: int = 2
) -> float:
    """Share of the items graded `relevant_from` or more that are among the first `k`; 0 when none is."""
    relevant = {item_id for item_id, grade in grades.items() if grade >= relevant_from}
    if not relevant:
        return 0.0
    return len(relevant & set(_first(ranked_ids, k))) / len(relevant)


def _first(ranked_ids: Sequence[str], k: int) -> list[str]:
    """The first `k` distinct ids: an id listed twice must not earn its gain twice."""
    seen: dict[str, None] = {}
    for item_id in ranked_ids:
        if len(seen) >= k:
            break
        seen.setdefault(item_id, None)
    return list(seen)
