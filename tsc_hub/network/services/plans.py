"""Writes of work plans: create and replace the content while the centre holds the plan; move it along."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict
from tsc_hub.network.models import PlanOutcome, PlanStep, WorkPlan
from tsc_hub.network.services.common import Problems, language, require_centre_staff, step, text
from tsc_hub.network.states import PlanState
from tsc_hub.network.workflow import PLAN_EDITABLE, PLAN_WORKFLOW

_NOT_YOURS = gettext_noop("Only the centre's own staff write its work plan.")


@dataclass
class ActivityData:
    """An activity and its budget (amount in `budget_currency`, ISO 4217)."""

    title: dict[str, str]
    budget_amount: Any = None
    budget_currency: str = "USD"


@dataclass
class IndicatorData:
    """A performance indicator with its baseline and target."""

    name: dict[str, str]
    baseline: Any
    target: Any
    unit: str = ""


@dataclass
class OutcomeData:
    """An outcome with the activities leading to it and the indicators measuring it."""

    title: dict[str, str]
    activities: list[ActivityData] = field(default_factory=list)
    indicators: list[IndicatorData] = field(default_factory=list)


@dataclass
class PlanData:
    """A whole work plan as written by the centre."""

    start_year: int
    end_year: int
    title: dict[str, str]
    summary: dict[str, str] = field(default_factory=dict)
    original_language: str = "en"
    outcomes: list[OutcomeData] = field(default_factory=list)


def _number(problems: Problems, name: str, value: Any, *, required: bool) -> Decimal | None:
    if value in (None, ""):
        if required:
            problems.add(name, _("This field is required."))
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        problems.add(name, _("Enter a number."))
        return None
    if number < 0:
        problems.add(name, _("Enter a number of at least 0."))
    return number


def _currency(problems: Problems, name: str, value: str) -> str:
    code = (value or "").strip().upper()
    if len(code) != 3 or not code.isalpha():
        problems.add(name, _("Enter a three-letter currency code (ISO 4217), such as USD."))
    return code


def check_plan(data: PlanData) -> dict[str, Any]:
    """Checked values of a plan and its nested content, or InvalidInput naming every problem."""
    problems = Problems()
    if not 2000 <= int(data.start_year) <= 2100 or int(data.end_year) < int(data.start_year):
        problems.add("end_year", _("The last year must not come before the first year."))
    header = {
        "start_year": int(data.start_year),
        "end_year": int(data.end_year),
        "title": text(problems, "title", data.title, required=True),
        "summary": text(problems, "summary", data.summary),
        "original_language": language(problems, data.original_language),
    }
    outcomes = []
    for i, outcome in enumerate(data.outcomes):
        prefix = f"outcomes.{i}"
        activities = [
            {
                "title": text(problems, f"{prefix}.activities.{j}.title", a.title, required=True),
                "budget_amount": _number(
                    problems, f"{prefix}.activities.{j}.budget_amount", a.budget_amount, required=False
                ),
                "budget_currency": _currency(
                    problems, f"{prefix}.activities.{j}.budget_currency", a.budget_currency
                ),
            }
            for j, a in enumerate(outcome.activities)
        ]
        indicators = [
            {
                "name": text(problems, f"{prefix}.indicators.{j}.name", ind.name, required=True),
                "unit": (ind.unit or "").strip()[:60],
                "baseline": _number(
                    problems, f"{prefix}.indicators.{j}.baseline", ind.baseline, required=True
                ),
                "target": _number(problems, f"{prefix}.indicators.{j}.target", ind.target, required=True),
            }
            for j, ind in enumerate(outcome.indicators)
        ]
        title = text(problems, f"{prefix}.title", outcome.title, required=True)
        outcomes.append({"title": title, "activities": activities, "indicators": indicators})
    problems.raise_if_any(_("The work plan could not be saved; check the fields marked."))
    return {"header": header, "outcomes": outcomes}


def _write_outcomes(plan: WorkPlan, outcomes: list[dict[str, Any]]) -> None:
    plan.outcomes.all().delete()
    for i, values in enumerate(outcomes):
        outcome = PlanOutcome.objects.create(plan=plan, position=i, title=values["title"])
        for j, activity in enumerate(values["activities"]):
            outcome.activities.create(position=j, **activity)
        for j, indicator in enumerate(values["indicators"]):
            outcome.indicators.create(position=j, **indicator)


@transaction.atomic
def create_work_plan(*, centre: SupportCentre, data: PlanData, by: Any) -> WorkPlan:
    """A centre starts its work plan for a period, as a draft."""
    require_centre_staff(by, centre.pk, _(_NOT_YOURS))
    checked = check_plan(data)
    header = checked["header"]
    if WorkPlan.objects.filter(centre=centre, start_year=header["start_year"]).exists():
        raise Conflict(_("This centre already has a work plan starting that year."), code="plan_exists")
    plan = WorkPlan.objects.create(centre=centre, created_by=by, **header)
    _write_outcomes(plan, checked["outcomes"])
    PlanStep.objects.create(plan=plan, action="create", to_state=plan.state, by=by)
    record_event(actor=by, action="network.create_work_plan", target=plan, changes=header)
    return plan


@transaction.atomic
def update_work_plan(*, plan: WorkPlan, data: PlanData, by: Any) -> WorkPlan:
    """Replace the content of a plan the centre holds (draft, or changes requested)."""
    current = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    require_centre_staff(by, current.centre_id, _(_NOT_YOURS))
    if current.state not in PLAN_EDITABLE:
        raise Conflict(_("A submitted or approved work plan can no longer be changed."), code="record_closed")
    checked = check_plan(data)
    for name, value in checked["header"].items():
        setattr(current, name, value)
    current.version += 1
    current.save()
    _write_outcomes(current, checked["outcomes"])
    record_event(
        actor=by, action="network.update_work_plan", target=current, changes={"version": current.version}
    )
    return current


def plan_data_of(plan: WorkPlan) -> PlanData:
    """The content of a saved plan as PlanData (to change one part and save the whole)."""
    return PlanData(
        start_year=plan.start_year,
        end_year=plan.end_year,
        title=dict(plan.title),
        summary=dict(plan.summary),
        original_language=plan.original_language,
        outcomes=[
            OutcomeData(
                title=dict(outcome.title),
                activities=[
                    ActivityData(dict(a.title), a.budget_amount, a.budget_currency)
                    for a in outcome.activities.all()
                ],
                indicators=[
                    IndicatorData(dict(i.name), i.baseline, i.target, i.unit)
                    for i in outcome.indicators.all()
                ],
            )
            for outcome in plan.outcomes.all()
        ],
    )


@transaction.atomic
def transition_work_plan(*, plan: WorkPlan, action: str, by: Any, reason: str = "") -> WorkPlan:
    """Submit, request changes (with a reason) or approve a work plan."""
    current = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    if action == "submit" and not current.outcomes.exists():
        raise Conflict(_("Add at least one outcome before submitting the plan."), code="plan_empty")
    step(
        record=current,
        workflow=PLAN_WORKFLOW,
        action=action,
        by=by,
        reason=reason,
        history=PlanStep,
        link="plan",
    )
    if current.state == PlanState.APPROVED:
        current.approved_at = timezone.now()
    current.save()
    return current
