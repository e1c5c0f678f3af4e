"""Learning the weights of the matching signals from decided suggestions.

The ranker scores a pair as the sum over signals of ``weight × value``. Accepted and declined
suggestions tell which signals really predict a good match: a logistic regression on the signal
values (an intercept plus one non-negative coefficient per signal) is fitted on them, and its
coefficients, normalised to add up to 1, are the new weights. Keeping the coefficients
non-negative keeps the model explainable: each weight reads as "how much this signal counts",
exactly like the hand-set weights it replaces.

A new version of the weights is only worth using when it ranks better. ``compare`` fits on part
of the outcomes and measures the current and the candidate weights on the rest (ROC AUC and
average precision of the weighted score); ``better`` is true only when the candidate wins by a
margin. Outcomes of one request stay on the same side of the split, so the evaluation sees
requests the candidate has never seen.

Nothing here touches the database: callers pass plain ``Outcome`` values in and store the
``as_dict()`` of the results (plain JSON) as a version.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize
from scipy.special import expit

FloatArray = npt.NDArray[np.float64]

MIN_SAMPLES = 20
# Below this total the coefficients are numerical noise around zero, not a signal.
ZERO_TOTAL = 1e-9


@dataclass(frozen=True)
class Outcome:
    """One decided suggestion: its signal values, whether it was accepted, and its request."""

    features: Mapping[str, float]
    accepted: bool
    group: str = ""


@dataclass(frozen=True)
class FittedModel:
    """A fitted logistic regression and the weights it gives the ranker."""

    signals: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    weights: dict[str, float]
    samples: int
    positives: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "signals": list(self.signals),
            "coefficients": list(self.coefficients),
            "intercept": self.intercept,
            "weights": dict(self.weights),
            "samples": self.samples,
            "positives": self.positives,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FittedModel:
        """The inverse of ``as_dict``, for versions read back from storage."""
        return cls(
            signals=tuple(str(name) for name in data["signals"]),
            coefficients=tuple(float(value) for value in data["coefficients"]),
            intercept=float(data["intercept"]),
            weights={str(name): float(value) for name, value in data["weights"].items()},
            samples=int(data["samples"]),
            positives=int(data["positives"]),
        )


@dataclass(frozen=True)
class WeightsEvaluation:
    """How well a weighted score ranks accepted suggestions above declined ones."""

    auc: float
    average_precision: float
    samples: int

    def as_dict(self) -> dict[str, Any]:
        return {"auc": self.auc, "average_precision": self.average_precision, "samples": self.samples}


@dataclass(frozen=True)
class Comparison:
    """The current weights against a candidate fitted on other requests' outcomes."""

    candidate: FittedModel
    current: WeightsEvaluation
    candidate_eval: WeightsEvaluation
    better: bool

    @property
    def gain(self) -> float:
        return self.candidate_eval.auc - self.current.auc

    def as_dict(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate.as_dict(),
            "current": self.current.as_dict(),
            "candidate_eval": self.candidate_eval.as_dict(),
            "gain": self.gain,
            "better": self.better,
        }


# --- Fitting -------------------------------------------------------------------------------------


def fit_weights(
    outcomes: Sequence[Outcome],
    signals: Sequence[str],
    *,
    l2: float = 1.0,
    min_samples: int = MIN_SAMPLES,
) -> FittedModel:
    """Fit the signal weights on decided outcomes; a signal missing from an outcome counts as 0.

    Raises ``ValueError`` when there are too few outcomes, only one kind of decision, or when no
    signal predicts acceptance (every coefficient is zero, so there is nothing to normalise).
    """
    names = _check_signals(signals)
    if l2 <= 0:
        # Without a penalty, outcomes that one signal separates perfectly have no finite optimum.
        raise ValueError(f"l2 must be positive, got {l2}")
    features, labels = _arrays(outcomes, names)
    _check_sample(labels, min_samples)
    intercept, coefficients = _fit_logistic(features, labels, l2)
    return FittedModel(
        signals=names,
        coefficients=tuple(float(value) for value in coefficients),
        intercept=float(intercept),
        weights=_normalise(names, coefficients),
        samples=len(labels),
        positives=int(labels.sum()),
    )


def _check_signals(signals: Sequence[str]) -> tuple[str, ...]:
    names = tuple(signals)
    if not names:
        raise ValueError("at least one signal is needed")
    if len(set(names)) != len(names):
        raise ValueError(f"signals must be unique, got {list(names)}")
    return names


def _arrays(outcomes: Sequence[Outcome], signals: Sequence[str]) -> tuple[FloatArray, FloatArray]:
    """The feature matrix (one row per outcome, one column per signal) and the 0/1 labels."""
    features = np.array(
        [[float(outcome.features.get(name, 0.0)) for name in signals] for outcome in outcomes],
        dtype=np.float64,
    ).reshape(len(outcomes), len(signals))
    if not np.isfinite(features).all():
        raise ValueError("signal values must be finite numbers")
    labels = np.array([1.0 if outcome.accepted else 0.0 for outcome in outcomes], dtype=np.float64)
    return features, labels


def _check_sample(labels: FloatArray, min_samples: int) -> None:
    if len(labels) < min_samples:
        raise ValueError(f"need at least {min_samples} decided outcomes to learn from, got {len(labels)}")
    positives = int(labels.sum())
    if positives in (0, len(labels)):
        kind = "accepted" if positives else "declined"
        raise ValueError(f"all {len(labels)} outcomes are {kind}: both accepted and declined are needed")


def _objective(
    params: FloatArray, features: FloatArray, labels: FloatArray, l2: float
) -> tuple[float, FloatArray]:
    """Penalised log-loss and its gradient; ``params`` is the intercept followed by the coefficients.

    ``logaddexp(0, z)`` is ``log(1 + e^z)`` without overflow for large ``|z|``. The intercept is
    not penalised: it only absorbs the base acceptance rate.
    """
    intercept, coefficients = params[0], params[1:]
    logits = intercept + features @ coefficients
    loss = float(np.sum(np.logaddexp(0.0, logits) - labels * logits))
    loss += 0.5 * l2 * float(coefficients @ coefficients)
    residuals = expit(logits) - labels
    gradient = np.empty_like(params)
    gradient[0] = residuals.sum()
    gradient[1:] = features.T @ residuals + l2 * coefficients
    return loss, gradient


def _fit_logistic(features: FloatArray, labels: FloatArray, l2: float) -> tuple[float, FloatArray]:
    signal_count = features.shape[1]
    # Start from the base rate so the search only has to find what the signals add to it.
    rate = labels.mean()
    start = np.zeros(signal_count + 1)
    start[0] = np.log(rate / (1.0 - rate))
    bounds = [(None, None)] + [(0.0, None)] * signal_count
    result = minimize(
        _objective, start, args=(features, labels, l2), jac=True, method="L-BFGS-B", bounds=bounds
    )
    params = np.asarray(result.x, dtype=np.float64)
    if not np.isfinite(params).all():
        raise RuntimeError(f"the weights could not be fitted: {result.message}")
    return float(params[0]), params[1:]


def _normalise(signals: Sequence[str], coefficients: FloatArray) -> dict[str, float]:
    total = float(coefficients.sum())
    if total <= ZERO_TOTAL:
        raise ValueError(
            "the outcomes don't discriminate: no signal makes acceptance more likely, "
            "so there are no weights to learn"
        )
    return {name: float(value) / total for name, value in zip(signals, coefficients, strict=True)}


# --- Evaluating ----------------------------------------------------------------------------------


def evaluate_weights(weights: Mapping[str, float], outcomes: Sequence[Outcome]) -> WeightsEvaluation:
    """Ranking quality of the weighted score on decided outcomes (both decisions are needed)."""
    names = tuple(weights)
    features, labels = _arrays(outcomes, names)
    scores = features @ np.array([float(weights[name]) for name in names], dtype=np.float64)
    return WeightsEvaluation(
        auc=roc_auc(scores, labels), average_precision=average_precision(scores, labels), samples=len(labels)
    )


def roc_auc(scores: npt.ArrayLike, labels: npt.ArrayLike) -> float:
    """The probability that an accepted outcome scores above a declined one, ties counting half.

    This is the Mann–Whitney U statistic divided by the number of (accepted, declined) pairs,
    computed from the rank sum of the accepted outcomes with tied scores sharing their mean rank.
    """
    values, positive = _scored(scores, labels)
    positives = int(positive.sum())
    negatives = len(positive) - positives
    rank_sum = float(_average_ranks(values)[positive].sum())
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def _average_ranks(values: FloatArray) -> FloatArray:
    """1-based ranks in ascending order; equal values get the mean of the ranks they span."""
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    last_rank = np.cumsum(counts)
    mean_rank = last_rank - (counts - 1) / 2.0
    return mean_rank[inverse].astype(np.float64)


def average_precision(scores: npt.ArrayLike, labels: npt.ArrayLike) -> float:
    """The mean of the precision at each threshold, weighted by the recall it adds.

    Thresholds are the distinct scores, from the highest down; tied outcomes enter together, so
    the order of ties doesn't matter (the same definition as scikit-learn's).
    """
    values, positive = _scored(scores, labels)
    order = np.argsort(-values, kind="stable")
    values, hits = values[order], positive[order].astype(np.float64)
    # The last position of each run of equal scores is where its threshold takes effect.
    ends = np.flatnonzero(np.append(np.diff(values) != 0, True))
    true_positives = np.cumsum(hits)[ends]
    precision = true_positives / (ends + 1)
    recall = true_positives / true_positives[-1]
    recall_gained = np.diff(np.concatenate(([0.0], recall)))
    return float(np.sum(recall_gained * precision))


def _scored(scores: npt.ArrayLike, labels: npt.ArrayLike) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    values = np.asarray(scores, dtype=np.float64).ravel()
    positive = np.asarray(labels).ravel().astype(bool)
    if len(values) != len(positive):
        raise ValueError(f"{len(values)} scores for {len(positive)} labels")
    if not np.isfinite(values).all():
        raise ValueError("scores must be finite numbers")
    if positive.all() or not positive.any():
        raise ValueError("ranking quality needs both accepted and declined outcomes")
    return values, positive


# --- Splitting and comparing ---------------------------------------------------------------------


def split_by_group(
    outcomes: Sequence[Outcome], holdout: float = 0.3, seed: int = 0
) -> tuple[list[Outcome], list[Outcome]]:
    """Split into (training, held-out), keeping every outcome of one request on the same side.

    About ``holdout`` of the groups are held out, at least one on each side. The same outcomes
    and seed always give the same split. Outcomes without a group are each a group of their own.
    """
    if not 0.0 < holdout < 1.0:
        raise ValueError(f"holdout must be between 0 and 1, got {holdout}")
    keys = [
        ("group", outcome.group) if outcome.group else ("single", str(index))
        for index, outcome in enumerate(outcomes)
    ]
    groups = sorted(set(keys))
    if len(groups) < 2:
        raise ValueError(f"need outcomes of at least two requests to split, got {len(groups)}")
    held_count = min(max(1, round(holdout * len(groups))), len(groups) - 1)
    # Sorting first makes the shuffle independent of the order the outcomes came in.
    shuffled = np.random.default_rng(seed).permutation(len(groups))
    held = {groups[index] for index in shuffled[:held_count]}
    training = [outcome for key, outcome in zip(keys, outcomes, strict=True) if key not in held]
    held_out = [outcome for key, outcome in zip(keys, outcomes, strict=True) if key in held]
    return training, held_out


def compare(
    current_weights: Mapping[str, float],
    outcomes: Sequence[Outcome],
    signals: Sequence[str],
    *,
    holdout: float = 0.3,
    seed: int = 0,
    l2: float = 1.0,
    min_gain: float = 0.01,
    min_samples: int = MIN_SAMPLES,
) -> Comparison:
    """Fit a candidate on some requests and test it against the current weights on the others.

    ``better`` is true only when the candidate's AUC beats the current one by more than
    ``min_gain``: a new version must earn its place, small differences are noise.
    """
    training, held_out = split_by_group(outcomes, holdout=holdout, seed=seed)
    candidate = fit_weights(training, signals, l2=l2, min_samples=min_samples)
    current = evaluate_weights(current_weights, held_out)
    candidate_eval = evaluate_weights(candidate.weights, held_out)
    return Comparison(
        candidate=candidate,
        current=current,
        candidate_eval=candidate_eval,
        better=candidate_eval.auc > current.auc + min_gain,
    )
