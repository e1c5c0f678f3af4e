"""nDCG@k and recall@k against values computed by hand."""

from __future__ import annotations

import math

import pytest

from tsc_hub.matching.evaluation.metrics import dcg, ndcg_at_k, recall_at_k

LOG2_3 = math.log2(3)


def test_dcg_uses_exponential_gain_and_log_discount() -> None:
    # 7/log2(2) + 3/log2(3) + 0/log2(4) + 1/log2(5)
    assert dcg([3, 2, 0, 1]) == pytest.approx(7 + 3 / LOG2_3 + 1 / math.log2(5))
    assert dcg([]) == 0


def test_ndcg_of_a_swapped_pair() -> None:
    grades = {"a": 3, "b": 2}
    assert ndcg_at_k(["a", "b"], grades) == pytest.approx(1.0)
    # (3 + 7/log2 3) / (7 + 3/log2 3) = 7.4165 / 8.8928
    assert ndcg_at_k(["b", "a"], grades) == pytest.approx((3 + 7 / LOG2_3) / (7 + 3 / LOG2_3))
    assert ndcg_at_k(["b", "a"], grades) == pytest.approx(0.83399, abs=1e-5)


def test_ndcg_ideal_counts_relevant_items_not_ranked() -> None:
    grades = {"a": 3, "b": 1, "c": 2}
    # Only "a", at rank 2, within k = 2; the ideal top 2 is grades 3 and 2.
    assert ndcg_at_k(["x", "a", "c"], grades, k=2) == pytest.approx((7 / LOG2_3) / (7 + 3 / LOG2_3))


def test_ndcg_is_zero_without_relevant_items_and_ignores_repeats() -> None:
    assert ndcg_at_k(["a", "b"], {"a": 0}) == 0
    assert ndcg_at_k(["a"], {}) == 0
    assert ndcg_at_k(["b", "b", "a"], {"a": 3, "b": 3}, k=2) == pytest.approx(1.0)


def test_recall_counts_grades_from_the_threshold() -> None:
    grades = {"a": 3, "b": 2, "c": 1}
    assert recall_at_k(["c", "a"], grades) == pytest.approx(1 / 2)
    assert recall_at_k(["c", "a"], grades, relevant_from=1) == pytest.approx(2 / 3)
    assert recall_at_k(["c", "x", "a", "b"], grades, k=3) == pytest.approx(1 / 2)
    assert recall_at_k(["a"], {"a": 1}) == 0
