"""Closing a phase: every reviewer's scores aggregated (docs/hosting.md), the results kept, then phase 1
invites the applications at or above its cut-off and phase 2 ranks the invited per subregion and shortlists
those at or above its cut-off."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.core.exceptions import Conflict
from tsc_hub.hosting.aggregation import Aggregated, RawScore, aggregate
from tsc_hub.hosting.models import Application, Call, Criterion, PhaseResult, Score
from tsc_hub.hosting.services.common import require_coordination, step_application, step_call
from tsc_hub.hosting.services.reviews import SCORED_STATE
from tsc_hub.hosting.workflow import CALL_WORKFLOW, SCORING_STATE

TWO = Decimal("0.01")
FOUR = Decimal("0.0001")


def _incomplete(applications: list[Application], criteria: list[Criterion]) -> list[str]:
    """Applications without a reviewer, or with a reviewer who has not scored every criterion."""
    wanted = {c.pk for c in criteria}
    given: dict[int, set[int]] = defaultdict(set)
    for assignment_id, criterion_id in Score.objects.filter(criterion__in=criteria).values_list(
        "assignment_id", "criterion_id"
    ):
        given[assignment_id].add(criterion_id)
    missing = []
    for application in applications:
        active = [a for a in application.assignments.all() if a.conflict_declared_at is None]
        if not active or any(given[a.pk] != wanted for a in active):
            missing.append(str(application))
    return missing


def phase_scores(call: Call, phase: int, applications: list[Application]) -> dict[Any, Aggregated]:
    """The aggregated scores of `applications` in a phase (conflicted reviewers left out)."""
    criteria = list(Criterion.objects.filter(phase__framework=call.framework_id, phase__number=phase))
    framework = call.framework
    raw = [
        RawScore(reviewer, application, criterion, float(value))
        for reviewer, application, criterion, value in Score.objects.counted()
        .filter(criterion__in=criteria, assignment__application__in=applications)
        .values_list("assignment__reviewer_id", "assignment__application_id", "criterion_id", "value")
    ]
    weights: dict[Any, float] = {c.pk: float(c.weight) for c in criteria}
    scale = (float(framework.scale_min), float(framework.scale_max))
    return aggregate(raw, weights, scale, call.aggregation_for(phase))


def _store(application: Application, phase: int, result: Aggregated | None) -> Decimal:
    total = Decimal(str(result.total if result else 0)).quantize(TWO)
    setattr(application, f"phase{phase}_score", total)
    application.save(update_fields=[f"phase{phase}_score", "updated_at"])
    for criterion_id, value in (result.by_criterion if result else {}).items():
        PhaseResult.objects.update_or_create(
            application=application,
            criterion_id=criterion_id,
            defaults={"value": Decimal(str(value)).quantize(FOUR)},
        )
    return total


def _decide_phase1(applications: list[Application], cutoff: Decimal, by: Any) -> None:
    for application in applications:
        score = application.phase1_score
        step_application(application, "invite" if score is not None and score >= cutoff else "not_invite", by)


def _decide_phase2(applications: list[Application], cutoff: Decimal, by: Any) -> None:
    """Rank per subregion (highest score first, earlier application on a tie) and shortlist the cut-off."""
    groups: dict[Any, list[Application]] = defaultdict(list)
    for application in applications:
        groups[application.subregion_id].append(application)
    for group in groups.values():
        group.sort(key=lambda a: (-(a.phase2_score or 0), a.pk))
        for rank, application in enumerate(group, 1):
            application.rank = rank
            application.save(update_fields=["rank"])
            score = application.phase2_score
            step_application(
                application, "shortlist" if score is not None and score >= cutoff else "not_shortlist", by
            )


def close_phase_locked(call: Call, phase: int, by: Any) -> None:
    """Close phase `phase` of a locked call: refuse while any application lacks complete scores."""
    require_coordination(by)
    CALL_WORKFLOW.find(call.state, f"close_phase{phase}")  # the call must be in that phase
    if call.state != SCORING_STATE[phase]:  # pragma: no cover - the table guarantees it
        raise Conflict(_("The call is not in this phase."))
    applications = list(
        Application.objects.select_for_update()
        .filter(call=call, state=SCORED_STATE[phase])
        .prefetch_related("assignments")
        .order_by("pk")
    )
    criteria = list(Criterion.objects.filter(phase__framework=call.framework_id, phase__number=phase))
    missing = _incomplete(applications, criteria)
    if missing:
        raise Conflict(
            _("Some applications are not fully scored yet: %(names)s.") % {"names": "; ".join(missing[:10])},
            code="scores_missing",
            fields={"applications": missing},
        )
    results = phase_scores(call, phase, applications)
    for application in applications:
        _store(application, phase, results.get(application.pk))
    cutoff = call.framework.phases.get(number=phase).cutoff
    if phase == 1:
        _decide_phase1(applications, cutoff, by)
    else:
        _decide_phase2(applications, cutoff, by)
    step_call(call, f"close_phase{phase}", by)


@transaction.atomic
def close_phase(*, call: Call, phase: int, by: Any) -> Call:
    """Close phase 1 (invitations) or phase 2 (shortlist per subregion) of a call."""
    current = Call.objects.select_for_update().select_related("framework").get(pk=call.pk)
    close_phase_locked(current, phase, by)
    return current
