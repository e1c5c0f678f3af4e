"""Aggregation formulas, with numbers computed by hand (docs/hosting.md)."""

import math

import pytest

from tsc_hub.hosting.aggregation import RawScore, aggregate, normalise

SCALE = (0.0, 5.0)


def test_mean_of_reviewers_weighted_by_criteria():
    # X: A = (4 + 2) / 2 = 3, B = (2 + 4) / 2 = 3 → 100 · (3 · 3/5 + 1 · 3/5) / 4 = 60.
    # Y: A = (5 + 3) / 2 = 4, B = (5 + 1) / 2 = 3 → 100 · (3 · 4/5 + 1 · 3/5) / 4 = 75.
    scores = [
        RawScore("r1", "X", "A", 4), RawScore("r1", "X", "B", 2),
        RawScore("r2", "X", "A", 2), RawScore("r2", "X", "B", 4),
        RawScore("r1", "Y", "A", 5), RawScore("r1", "Y", "B", 5),
        RawScore("r2", "Y", "A", 3), RawScore("r2", "Y", "B", 1),
    ]  # fmt: skip
    results = aggregate(scores, {"A": 3, "B": 1}, SCALE, "mean")
    assert results["X"].total == pytest.approx(60)
    assert results["Y"].total == pytest.approx(75)
    assert results["Y"].by_criterion == {"A": 4, "B": 3}


def _harsh_and_lenient():
    # r1 (harsh) gives X 1 and Y 3; r2 (lenient) gives Y 5 and Z 3.
    return [RawScore("r1", "X", "A", 1), RawScore("r1", "Y", "A", 3), RawScore("r2", "Y", "A", 5),
            RawScore("r2", "Z", "A", 3)]  # fmt: skip


def test_the_mean_favours_the_lenient_reviewers_applications():
    results = aggregate(_harsh_and_lenient(), {"A": 1}, SCALE, "mean")
    assert [round(results[a].total, 2) for a in "XYZ"] == [20.0, 80.0, 60.0]


def test_z_score_puts_each_reviewer_on_the_pooled_mean_and_spread():
    # Pooled scores 1, 3, 5, 3: μ = 3, σ = √2. r1: μ1 = 2, σ1 = 1; r2: μ2 = 4, σ2 = 1.
    # r1: X → 3 + √2 · (1 − 2) = 3 − √2, Y → 3 + √2. r2: Y → 3 + √2 · (5 − 4) = 3 + √2, Z → 3 − √2.
    moved = {(s.reviewer, s.application): s.value for s in normalise(_harsh_and_lenient(), SCALE)}
    assert moved[("r1", "X")] == pytest.approx(3 - math.sqrt(2))
    assert moved[("r2", "Z")] == pytest.approx(3 - math.sqrt(2))
    results = aggregate(_harsh_and_lenient(), {"A": 1}, SCALE, "zscore")
    # X and Z, each the lower mark of their reviewer, now score alike: 100 · (3 − √2) / 5 = 31.72.
    assert results["X"].total == pytest.approx(100 * (3 - math.sqrt(2)) / 5)
    assert results["Z"].total == pytest.approx(31.7157, abs=1e-4)
    assert results["Y"].total == pytest.approx(88.2843, abs=1e-4)


def test_a_reviewer_giving_one_mark_everywhere_moves_to_the_pooled_mean_and_values_are_clamped():
    scores = [RawScore("flat", "X", "A", 5), RawScore("flat", "Y", "A", 5), RawScore("r", "X", "A", 0),
              RawScore("r", "Y", "A", 4)]  # fmt: skip
    moved = normalise(scores, SCALE)
    pooled = (5 + 5 + 0 + 4) / 4
    assert [s.value for s in moved[:2]] == [pooled, pooled]
    assert all(0 <= s.value <= 5 for s in moved)


def test_a_criterion_nobody_scored_counts_as_the_lowest_mark():
    results = aggregate([RawScore("r", "X", "A", 5)], {"A": 1, "B": 1}, SCALE, "mean")
    assert results["X"].total == pytest.approx(50)


def test_an_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown"):
        aggregate([RawScore("r", "X", "A", 5)], {"A": 1}, SCALE, "median")
