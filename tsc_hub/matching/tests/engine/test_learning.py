"""Learning signal weights from accepted and declined suggestions, without a database."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import check_grad

from tsc_hub.matching.engine import learning
from tsc_hub.matching.engine.learning import (
    FittedModel,
    Outcome,
    average_precision,
    compare,
    evaluate_weights,
    fit_weights,
    roc_auc,
    split_by_group,
)

SIGNALS = ("semantic", "gbf_targets", "cbd_subjects", "assistance_types", "language")
# The truth behind the synthetic outcomes: only two signals matter, semantic the most.
TRUE_COEFFICIENTS = {"semantic": 5.0, "gbf_targets": 3.0}
TRUE_INTERCEPT = -4.0


def synthetic(requests: int = 120, per_request: int = 10, seed: int = 1) -> list[Outcome]:
    """Suggestions with uniform signal values, accepted with the logistic probability of the truth."""
    rng = np.random.default_rng(seed)
    outcomes = []
    for request in range(requests):
        for _ in range(per_request):
            features = {name: float(rng.uniform()) for name in SIGNALS}
            logit = TRUE_INTERCEPT + sum(
                TRUE_COEFFICIENTS[name] * features[name] for name in TRUE_COEFFICIENTS
            )
            accepted = bool(rng.uniform() < 1.0 / (1.0 + np.exp(-logit)))
            outcomes.append(Outcome(features, accepted, group=f"REQ-{request}"))
    return outcomes


def scored(scores: list[float], labels: list[int]) -> list[Outcome]:
    """Outcomes whose weighted score under {"score": 1} is the given score."""
    return [Outcome({"score": score}, bool(label)) for score, label in zip(scores, labels, strict=True)]


# --- Fitting -------------------------------------------------------------------------------------


def test_fitted_weights_put_most_mass_on_the_signals_that_decide() -> None:
    model = fit_weights(synthetic(), SIGNALS)

    assert model.signals == SIGNALS
    assert sum(model.weights.values()) == pytest.approx(1.0)
    assert all(weight >= 0 for weight in model.weights.values())
    assert model.weights["semantic"] + model.weights["gbf_targets"] > 0.85
    assert model.weights["semantic"] > model.weights["gbf_targets"]
    assert model.samples == 1200
    assert 0 < model.positives < model.samples
    # The penalty shrinks the coefficients a little, but their scale is the truth's.
    assert model.coefficients[0] == pytest.approx(5.0, rel=0.35)
    assert model.intercept == pytest.approx(TRUE_INTERCEPT, rel=0.35)


def test_signal_names_are_data_and_missing_values_count_as_zero() -> None:
    outcomes = [
        Outcome({"track_record": o.features["semantic"], "capacity": o.features["language"]}, o.accepted)
        for o in synthetic(requests=60)
    ]

    model = fit_weights(outcomes, ("track_record", "capacity", "not_measured_yet"))

    assert set(model.weights) == {"track_record", "capacity", "not_measured_yet"}
    assert model.weights["track_record"] > 0.8
    assert model.weights["not_measured_yet"] == 0.0


def test_gradient_is_the_derivative_of_the_loss() -> None:
    rng = np.random.default_rng(3)
    features = rng.uniform(size=(40, 3))
    labels = (rng.uniform(size=40) < 0.4).astype(np.float64)
    params = np.array([-0.5, 1.0, 0.2, 2.0])

    def loss(p: np.ndarray) -> float:
        return learning._objective(p, features, labels, 1.5)[0]

    def gradient(p: np.ndarray) -> np.ndarray:
        return learning._objective(p, features, labels, 1.5)[1]

    assert check_grad(loss, gradient, params) < 1e-4


def test_loss_stays_finite_for_huge_logits() -> None:
    features = np.array([[1.0], [1.0]])
    labels = np.array([0.0, 1.0])

    loss, gradient = learning._objective(np.array([0.0, 1e4]), features, labels, 1.0)

    assert np.isfinite(loss)
    assert np.isfinite(gradient).all()


def test_too_few_outcomes_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 20 decided outcomes"):
        fit_weights(synthetic()[:19], SIGNALS)


def test_min_samples_can_be_lowered() -> None:
    assert fit_weights(synthetic()[:19], SIGNALS, min_samples=10).samples == 19


def test_one_kind_of_decision_is_refused() -> None:
    declined = [Outcome(o.features, False, o.group) for o in synthetic(requests=5)]

    with pytest.raises(ValueError, match="all 50 outcomes are declined"):
        fit_weights(declined, SIGNALS)


def test_outcomes_that_do_not_discriminate_are_refused() -> None:
    # Acceptance gets *less* likely as every signal grows: no non-negative weight helps.
    rng = np.random.default_rng(5)
    outcomes = []
    for index in range(200):
        value = float(rng.uniform())
        outcomes.append(Outcome(dict.fromkeys(SIGNALS, value), accepted=value < 0.5, group=str(index)))

    with pytest.raises(ValueError, match="don't discriminate"):
        fit_weights(outcomes, SIGNALS)


@pytest.mark.parametrize(
    ("signals", "message"), [((), "at least one signal"), (("semantic", "semantic"), "unique")]
)
def test_bad_signal_lists_are_refused(signals: tuple[str, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fit_weights(synthetic(requests=5), signals)


def test_non_finite_values_and_no_penalty_are_refused() -> None:
    outcomes = synthetic(requests=5)
    with pytest.raises(ValueError, match="l2 must be positive"):
        fit_weights(outcomes, SIGNALS, l2=0.0)
    broken = [Outcome({"semantic": float("nan")}, True), *outcomes]
    with pytest.raises(ValueError, match="finite"):
        fit_weights(broken, SIGNALS)


# --- Evaluating ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "labels", "auc", "ap"),
    [
        # Pairs (accepted, declined): 0.9>0.8, 0.9>0.1, 0.7<0.8, 0.7>0.1 → 3/4.
        # Precision 1 at recall 1/2, then 2/3 at recall 1 → 1/2 + 1/3.
        ([0.9, 0.8, 0.7, 0.1], [1, 0, 1, 0], 3 / 4, 5 / 6),
        # Ties count half: each accepted 0.5 ties the declined 0.5 and beats 0.2 → (1.5 + 1.5) / 4.
        # The three tied outcomes enter together: precision 2/3 at recall 1.
        ([0.5, 0.5, 0.5, 0.2], [1, 0, 1, 0], 3 / 4, 2 / 3),
        # All tied: a coin toss, and precision is the base rate.
        ([0.3, 0.3, 0.3, 0.3], [0, 1, 0, 0], 1 / 2, 1 / 4),
        ([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 1.0, 1.0),
        ([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0], 0.0, (1 / 3 + 2 / 4) / 2),
    ],
)
def test_auc_and_average_precision_on_hand_computed_cases(
    scores: list[float], labels: list[int], auc: float, ap: float
) -> None:
    assert roc_auc(scores, labels) == pytest.approx(auc)
    assert average_precision(scores, labels) == pytest.approx(ap)

    evaluation = evaluate_weights({"score": 1.0}, scored(scores, labels))

    assert evaluation.auc == pytest.approx(auc)
    assert evaluation.average_precision == pytest.approx(ap)
    assert evaluation.samples == len(scores)


def test_order_of_tied_outcomes_does_not_change_average_precision() -> None:
    assert average_precision([0.5, 0.5, 0.2], [1, 0, 0]) == average_precision([0.5, 0.5, 0.2], [0, 1, 0])


def test_evaluation_scores_with_the_weighted_sum() -> None:
    outcomes = [
        Outcome({"semantic": 1.0, "language": 0.0}, True),
        Outcome({"semantic": 0.0, "language": 1.0}, False),
    ]

    assert evaluate_weights({"semantic": 0.9, "language": 0.1}, outcomes).auc == 1.0
    assert evaluate_weights({"semantic": 0.1, "language": 0.9}, outcomes).auc == 0.0


def test_evaluation_needs_both_decisions() -> None:
    with pytest.raises(ValueError, match="both accepted and declined"):
        evaluate_weights({"score": 1.0}, scored([0.1, 0.2], [1, 1]))
    with pytest.raises(ValueError, match="2 scores for 3 labels"):
        roc_auc([0.1, 0.2], [1, 0, 1])


def _pairwise_auc(scores: list[float], labels: list[bool]) -> float:
    positives = [s for s, label in zip(scores, labels, strict=True) if label]
    negatives = [s for s, label in zip(scores, labels, strict=True) if not label]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


@given(
    st.lists(st.tuples(st.integers(-20, 20), st.booleans()), min_size=2, max_size=40).filter(
        lambda pairs: len({label for _, label in pairs}) == 2
    )
)
def test_auc_is_a_probability_and_flips_with_the_score(pairs: list[tuple[int, bool]]) -> None:
    # Small integer scores make ties frequent; ties count half either way, so the flip still sums to 1.
    scores = [score / 4 for score, _ in pairs]
    labels = [label for _, label in pairs]

    auc = roc_auc(scores, labels)

    assert 0.0 <= auc <= 1.0
    assert auc == pytest.approx(_pairwise_auc(scores, labels))
    assert auc + roc_auc([-score for score in scores], labels) == pytest.approx(1.0)
    assert 0.0 < average_precision(scores, labels) <= 1.0 + 1e-12


# --- Splitting and comparing ---------------------------------------------------------------------


def test_split_keeps_each_request_on_one_side_and_is_deterministic() -> None:
    outcomes = synthetic(requests=20, per_request=3)

    training, held_out = split_by_group(outcomes, holdout=0.3, seed=7)

    training_groups = {o.group for o in training}
    held_groups = {o.group for o in held_out}
    assert not training_groups & held_groups
    assert len(held_groups) == 6
    assert len(training) + len(held_out) == len(outcomes)
    assert split_by_group(outcomes, holdout=0.3, seed=7) == (training, held_out)
    shuffled = random.Random(0).sample(outcomes, len(outcomes))
    assert {o.group for o in split_by_group(shuffled, holdout=0.3, seed=7)[1]} == held_groups
    assert {o.group for o in split_by_group(outcomes, holdout=0.3, seed=8)[1]} != held_groups


def test_split_leaves_both_sides_non_empty_and_treats_ungrouped_outcomes_alone() -> None:
    outcomes = [Outcome({}, True), Outcome({}, False), Outcome({}, True, group="REQ-1")]

    training, held_out = split_by_group(outcomes, holdout=0.01)

    assert len(held_out) == 1
    assert len(training) == 2
    assert len(split_by_group(outcomes, holdout=0.99)[0]) == 1


def test_split_refuses_a_single_request_and_a_bad_holdout() -> None:
    with pytest.raises(ValueError, match="at least two requests"):
        split_by_group([Outcome({}, True, "REQ-1"), Outcome({}, False, "REQ-1")])
    with pytest.raises(ValueError, match="holdout"):
        split_by_group(synthetic(requests=3), holdout=1.0)


def test_candidate_is_better_when_the_current_weights_ignore_what_matters() -> None:
    current = {"cbd_subjects": 0.5, "assistance_types": 0.25, "language": 0.25}

    comparison = compare(current, synthetic(), SIGNALS)

    assert comparison.better
    assert comparison.candidate_eval.auc > 0.75
    assert comparison.current.auc < 0.6
    assert comparison.candidate_eval.samples == comparison.current.samples
    assert comparison.candidate.samples + comparison.current.samples == 1200


def test_candidate_is_not_better_when_the_current_weights_are_already_right() -> None:
    current = {name: value / 8.0 for name, value in TRUE_COEFFICIENTS.items()}

    comparison = compare(current, synthetic(), SIGNALS)

    assert not comparison.better
    assert comparison.gain < 0.01


def test_min_gain_decides() -> None:
    current = {name: value / 8.0 for name, value in TRUE_COEFFICIENTS.items()}

    assert compare(current, synthetic(), SIGNALS, min_gain=-1.0).better


def test_results_are_json_and_a_model_reads_back() -> None:
    comparison = compare({"language": 1.0}, synthetic(), SIGNALS)

    stored = json.loads(json.dumps(comparison.as_dict()))

    assert stored["better"] is comparison.better
    assert stored["gain"] == pytest.approx(comparison.gain)
    assert stored["current"]["auc"] == comparison.current.auc
    assert FittedModel.from_dict(stored["candidate"]) == comparison.candidate
