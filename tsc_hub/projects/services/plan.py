"""The plan of a project: milestones and progress indicators, kept by the help desk and both sides."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict
from tsc_hub.projects.models import Milestone, ProgressIndicator, Project
from tsc_hub.projects.services.access import Problems, lock, require, require_open, text
from tsc_hub.projects.services.notices import tell
from tsc_hub.projects.workflow import PARTICIPANTS

LARGEST = Decimal("999999999999.99")


def _open_for(project: Project, by: Any) -> Project:
    locked = lock(project)
    require(
        by, locked, PARTICIPANTS, _("Only the help desk and the two sides keep the plan of this project.")
    )
    require_open(locked)
    return locked


def number(problems: Problems, name: str, value: Any, *, required: bool = True) -> Decimal | None:
    """A decimal quantity with two decimals, or a problem noted."""
    if value is None or value == "":
        if required:
            problems.add(name, _("This field is required."))
        return None
    try:
        result = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        problems.add(name, _("Enter a number."))
        return None
    if not result.is_finite() or abs(result) > LARGEST:
        problems.add(name, _("Enter a number."))
        return None
    return result


@transaction.atomic
def add_milestone(
    *,
    project: Project,
    title: dict[str, str],
    due_date: datetime.date | None,
    by: Any,
    position: int | None = None,
) -> Milestone:
    """Add a step to the plan (at the end unless a position is given)."""
    locked = _open_for(project, by)
    problems = Problems()
    cleaned = text(problems, "title", title, required=True)
    problems.raise_if_any(_("The milestone could not be saved; check the fields marked."))
    if position is None:
        position = (locked.milestones.aggregate(last=Max("position"))["last"] or 0) + 1
    milestone = locked.milestones.create(title=cleaned, due_date=due_date, position=max(position, 0))
    record_event(actor=by, action="project.add_milestone", target=locked, changes={"milestone": milestone.pk})
    return milestone


@transaction.atomic
def update_milestone(
    *, milestone: Milestone, title: dict[str, str], due_date: datetime.date | None, position: int, by: Any
) -> Milestone:
    """Rename, reschedule or move a milestone."""
    _open_for(milestone.project, by)
    problems = Problems()
    cleaned = text(problems, "title", title, required=True)
    problems.raise_if_any(_("The milestone could not be saved; check the fields marked."))
    before = {"title": milestone.title, "due_date": milestone.due_date, "position": milestone.position}
    milestone.title, milestone.due_date, milestone.position = cleaned, due_date, max(position, 0)
    milestone.save()
    record_event(
        actor=by,
        action="project.update_milestone",
        target=milestone.project,
        changes={"milestone": milestone.pk, "before": before},
    )
    return milestone


@transaction.atomic
def complete_milestone(*, milestone: Milestone, by: Any) -> Milestone:
    """Mark a milestone as reached; both sides and the help desk hear of it."""
    project = _open_for(milestone.project, by)
    fresh = Milestone.objects.select_for_update().get(pk=milestone.pk)
    if fresh.done_at is not None:
        raise Conflict(_("This milestone is already done."), code="milestone_done")
    fresh.done_at = timezone.now()
    fresh.save(update_fields=["done_at"])
    record_event(
        actor=by, action="project.complete_milestone", target=project, changes={"milestone": fresh.pk}
    )
    tell(project, "milestone_done", by, milestone=str(fresh))
    return fresh


@transaction.atomic
def add_indicator(
    *, project: Project, name: dict[str, str], unit: str, target: Any, by: Any, baseline: Any = 0
) -> ProgressIndicator:
    """Add a progress indicator: from a baseline towards a target, in a unit; it starts at the baseline."""
    locked = _open_for(project, by)
    problems = Problems()
    cleaned = text(problems, "name", name, required=True)
    if not unit.strip() or len(unit.strip()) > 60:
        problems.add("unit", _("Give a unit of at most 60 characters."))
    start, goal = number(problems, "baseline", baseline), number(problems, "target", target)
    problems.raise_if_any(_("The indicator could not be saved; check the fields marked."))
    start_value, goal_value = cast(Decimal, start), cast(Decimal, goal)
    indicator = locked.indicators.create(
        name=cleaned, unit=unit.strip(), baseline=start_value, target=goal_value, current_value=start_value
    )
    record_event(actor=by, action="project.add_indicator", target=locked, changes={"indicator": indicator.pk})
    return indicator


@transaction.atomic
def update_indicator(
    *, indicator: ProgressIndicator, current_value: Any, by: Any, target: Any = None
) -> ProgressIndicator:
    """Record the current value of an indicator (and, when given, a new target)."""
    project = _open_for(indicator.project, by)
    problems = Problems()
    value = number(problems, "current_value", current_value)
    goal = number(problems, "target", target, required=False)
    problems.raise_if_any(_("The indicator could not be saved; check the fields marked."))
    before = [str(indicator.current_value), str(indicator.target)]
    indicator.current_value = cast(Decimal, value)
    if goal is not None:
        indicator.target = goal
    indicator.save()
    record_event(
        actor=by,
        action="project.update_indicator",
        target=project,
        changes={
            "indicator": indicator.pk,
            "value": [before, [str(indicator.current_value), str(indicator.target)]],
        },
    )
    return indicator
