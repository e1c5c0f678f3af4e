"""Item-level writes of a work plan: change or remove an outcome; add, change or remove its activities and
indicators. The same rules as replacing the whole plan: the centre's own staff, while the centre holds the
plan (draft, or changes requested); each write raises the plan's version and is audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict
from tsc_hub.network.models import PerformanceIndicator, PlanActivity, PlanOutcome, WorkPlan
from tsc_hub.network.services.common import Problems, require_centre_staff, text
from tsc_hub.network.services.plans import _NOT_YOURS, ActivityData, IndicatorData, _currency, _number
from tsc_hub.network.workflow import PLAN_EDITABLE

_INVALID = gettext_noop("The work plan could not be saved; check the fields marked.")


def _held_plan(plan_id: int, by: Any) -> WorkPlan:
    """The plan, locked, if `by` is its centre's staff and the centre holds it."""
    plan = WorkPlan.objects.select_for_update().get(pk=plan_id)
    require_centre_staff(by, plan.centre_id, _(_NOT_YOURS))
    if plan.state not in PLAN_EDITABLE:
        raise Conflict(_("A submitted or approved work plan can no longer be changed."), code="record_closed")
    return plan


def _changed(plan: WorkPlan, by: Any, action: str, changes: dict[str, Any]) -> None:
    plan.version += 1
    plan.save(update_fields=["version", "updated_at"])
    record_event(
        actor=by, action=f"network.{action}", target=plan, changes={**changes, "version": plan.version}
    )


def _activity_values(data: ActivityData) -> dict[str, Any]:
    problems = Problems()
    values = {
        "title": text(problems, "title", data.title, required=True),
        "budget_amount": _number(problems, "budget_amount", data.budget_amount, required=False),
        "budget_currency": _currency(problems, "budget_currency", data.budget_currency),
    }
    problems.raise_if_any(_(_INVALID))
    return values


def _indicator_values(data: IndicatorData) -> dict[str, Any]:
    problems = Problems()
    values = {
        "name": text(problems, "name", data.name, required=True),
        "unit": (data.unit or "").strip()[:60],
        "baseline": _number(problems, "baseline", data.baseline, required=True),
        "target": _number(problems, "target", data.target, required=True),
    }
    problems.raise_if_any(_(_INVALID))
    return values


@transaction.atomic
def update_outcome(*, outcome: PlanOutcome, title: dict[str, str], by: Any) -> PlanOutcome:
    """Change the title of an outcome."""
    plan = _held_plan(outcome.plan_id, by)
    problems = Problems()
    checked = text(problems, "title", title, required=True)
    problems.raise_if_any(_(_INVALID))
    current = PlanOutcome.objects.get(pk=outcome.pk)
    before, current.title = current.title, checked
    current.save(update_fields=["title"])
    _changed(plan, by, "update_outcome", {"outcome": current.pk, "title": [before, checked]})
    return current


@transaction.atomic
def remove_outcome(*, outcome: PlanOutcome, by: Any) -> None:
    """Remove an outcome with its activities and indicators; the others keep their order."""
    plan = _held_plan(outcome.plan_id, by)
    current = PlanOutcome.objects.get(pk=outcome.pk)
    title = current.title
    current.delete()
    for position, rest in enumerate(plan.outcomes.order_by("position", "id")):
        if rest.position != position:
            rest.position = position
            rest.save(update_fields=["position"])
    _changed(plan, by, "remove_outcome", {"outcome": outcome.pk, "title": title})


@transaction.atomic
def add_activity(*, outcome: PlanOutcome, data: ActivityData, by: Any) -> PlanActivity:
    """Add an activity, with its budget, at the end of an outcome's activities."""
    plan = _held_plan(outcome.plan_id, by)
    values = _activity_values(data)
    position = PlanActivity.objects.filter(outcome_id=outcome.pk).count()
    activity = PlanActivity.objects.create(outcome_id=outcome.pk, position=position, **values)
    _changed(plan, by, "add_activity", {"activity": activity.pk, **_jsonable(values)})
    return activity


@transaction.atomic
def update_activity(*, activity: PlanActivity, data: ActivityData, by: Any) -> PlanActivity:
    """Change an activity and its budget."""
    plan = _held_plan(activity.outcome.plan_id, by)
    values = _activity_values(data)
    current = PlanActivity.objects.get(pk=activity.pk)
    for name, value in values.items():
        setattr(current, name, value)
    current.save()
    _changed(plan, by, "update_activity", {"activity": current.pk, **_jsonable(values)})
    return current


@transaction.atomic
def remove_activity(*, activity: PlanActivity, by: Any) -> None:
    """Remove an activity from its outcome."""
    plan = _held_plan(activity.outcome.plan_id, by)
    PlanActivity.objects.filter(pk=activity.pk).delete()
    _changed(plan, by, "remove_activity", {"activity": activity.pk})


@transaction.atomic
def add_indicator(*, outcome: PlanOutcome, data: IndicatorData, by: Any) -> PerformanceIndicator:
    """Add a performance indicator (baseline, target, unit) at the end of an outcome's indicators."""
    plan = _held_plan(outcome.plan_id, by)
    values = _indicator_values(data)
    position = PerformanceIndicator.objects.filter(outcome_id=outcome.pk).count()
    indicator = PerformanceIndicator.objects.create(outcome_id=outcome.pk, position=position, **values)
    _changed(plan, by, "add_indicator", {"indicator": indicator.pk, **_jsonable(values)})
    return indicator


@transaction.atomic
def update_indicator(
    *, indicator: PerformanceIndicator, data: IndicatorData, by: Any
) -> PerformanceIndicator:
    """Change a performance indicator."""
    plan = _held_plan(indicator.outcome.plan_id, by)
    values = _indicator_values(data)
    current = PerformanceIndicator.objects.get(pk=indicator.pk)
    for name, value in values.items():
        setattr(current, name, value)
    current.save()
    _changed(plan, by, "update_indicator", {"indicator": current.pk, **_jsonable(values)})
    return current


@transaction.atomic
def remove_indicator(*, indicator: PerformanceIndicator, by: Any) -> None:
    """Remove a performance indicator from its outcome."""
    plan = _held_plan(indicator.outcome.plan_id, by)
    PerformanceIndicator.objects.filter(pk=indicator.pk).delete()
    _changed(plan, by, "remove_indicator", {"indicator": indicator.pk})


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, dict | str) or v is None else str(v) for k, v in values.items()}
