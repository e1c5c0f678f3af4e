"""Versions of the signal weights: learned from the help desk's decisions on engine suggestions, and put
in use only when they rank held-out decisions better than the version in use."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.matching.engine.learning import Outcome, compare
from tsc_hub.matching.engine.scoring import Weights
from tsc_hub.matching.models import Match, RankingModel
from tsc_hub.matching.permissions import MANAGE_ENGINE
from tsc_hub.matching.ranking import active_weights
from tsc_hub.matching.states import MatchState

TAKEN_UP = frozenset(
    {
        MatchState.CONTACTED,
        MatchState.PROVIDER_INTERESTED,
        MatchState.REQUESTER_ACCEPTED,
        MatchState.AGREED,
        MatchState.PROJECT_STARTED,
    }
)
TURNED_DOWN = frozenset({MatchState.PROVIDER_DECLINED, MatchState.REQUESTER_DECLINED})


def _label(match: Match) -> bool | None:
    """Accepted (confirmed and not declined), declined (dismissed or declined by a side), or undecided."""
    if match.state in TURNED_DOWN:
        return False
    if match.state == MatchState.CANCELLED:
        # Dismissed as a suggestion says "wrong pair"; cancelled later says little about the pair.
        return (
            False if match.steps.filter(from_state=MatchState.SUGGESTED, action="cancel").exists() else None
        )
    if match.state in TAKEN_UP:
        return True
    return None


def decided_outcomes() -> list[Outcome]:
    """Engine suggestions a person decided on, with the signal values they had when suggested."""
    outcomes = []
    for match in (
        Match.objects.filter(source="engine").exclude(state=MatchState.SUGGESTED).prefetch_related("steps")
    ):
        signals = (match.reasons or {}).get("signals")
        label = _label(match)
        if isinstance(signals, dict) and label is not None:
            outcomes.append(Outcome(features=signals, accepted=label, group=str(match.request_id)))
    return outcomes


def _next_version() -> int:
    return (RankingModel.objects.aggregate(last=Max("version"))["last"] or 0) + 1


@transaction.atomic
def train_ranking_model(*, by: Any) -> RankingModel:
    """Fit new weights on the decided suggestions, evaluate them against the weights in use on held-out
    decisions, store them as a new version, and use them only if they are better."""
    if by is not None and not by.has_perm(MANAGE_ENGINE):
        raise PermissionDenied(_("Only coordination staff train the matching engine."))
    current, current_version = active_weights()
    outcomes = decided_outcomes()
    try:
        comparison = compare(current.as_dict(), outcomes, Weights.names())
    except ValueError as error:
        raise InvalidInput(
            _("Not enough decided suggestions to learn from yet (%(detail)s).") % {"detail": error},
            code="not_enough_outcomes",
        ) from error
    if comparison.better:
        RankingModel.objects.filter(active=True).update(active=False)
    model = RankingModel.objects.create(
        version=_next_version(),
        weights=comparison.candidate.weights,
        source="learned",
        outcomes=len(outcomes),
        evaluation={**comparison.as_dict(), "compared_with_version": current_version},
        active=comparison.better,
        created_by=by,
    )
    record_event(
        actor=by,
        action="matching.train",
        target=model,
        changes={"better": comparison.better, "gain": round(comparison.gain, 4)},
    )
    return model


@transaction.atomic
def activate_ranking_model(*, model: RankingModel, by: Any) -> RankingModel:
    """Put a stored version in use (for example, back to an earlier one)."""
    if by is not None and not by.has_perm(MANAGE_ENGINE):
        raise PermissionDenied(_("Only coordination staff choose the matching engine's weights."))
    RankingModel.objects.filter(active=True).exclude(pk=model.pk).update(active=False)
    model.active = True
    model.save(update_fields=["active"])
    record_event(
        actor=by, action="matching.activate_weights", target=model, changes={"version": model.version}
    )
    return model
