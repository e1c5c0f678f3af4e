"""The tracker: where a request stands, who holds it, days in each stage, who acts next."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Window
from django.db.models.functions import Lead
from django.utils import timezone

from tsc_hub.assistance.models import AssistanceRequest, RequestTransition, StateTarget
from tsc_hub.assistance.states import MAIN_PATH, TERMINAL_STATES, RequestState
from tsc_hub.assistance.workflow import NEXT_STEP


@dataclass(frozen=True)
class Stage:
    """A stay in one state: when it began and ended, and how long it lasted."""

    state: str
    label: str
    entered_at: datetime.datetime
    left_at: datetime.datetime | None
    days: float
    target_days: int | None

    @property
    def overdue(self) -> bool:
        return self.target_days is not None and self.left_at is None and self.days > self.target_days


@dataclass(frozen=True)
class Tracker:
    """Everything the tracker page shows."""

    request: AssistanceRequest
    stages: list[Stage]
    days_by_state: dict[str, float]
    path: list[tuple[str, str, str]]  # (state, label, "done" | "current" | "ahead")
    holder: str
    next_who: str
    next_what: str


def stays(request: AssistanceRequest, now: datetime.datetime | None = None) -> list[Stage]:
    """Each state change with how long the request stayed (one query, a window function)."""
    moment = now or timezone.now()
    targets = dict(StateTarget.objects.values_list("state", "target_days"))
    rows = (
        RequestTransition.objects.filter(request=request)
        .exclude(from_state=F("to_state"))
        .annotate(left_at=Window(Lead("at"), order_by=[F("at").asc(), F("id").asc()]))
        .values_list("to_state", "at", "left_at")
    )
    labels = dict(RequestState.choices)
    return [
        Stage(
            state=state,
            label=str(labels[state]),
            entered_at=at,
            left_at=left,
            days=round(((left or moment) - at).total_seconds() / 86400, 2),
            target_days=targets.get(state),
        )
        for state, at, left in rows
    ]


def _path(request: AssistanceRequest, visited: set[str]) -> list[tuple[str, str, str]]:
    labels = dict(RequestState.choices)
    steps: list[str] = list(MAIN_PATH)
    if request.state not in MAIN_PATH:
        steps.append(request.state)
    return [
        (
            state,
            str(labels[state]),
            "current" if state == request.state else "done" if state in visited else "ahead",
        )
        for state in steps
    ]


def _holder(request: AssistanceRequest) -> str:
    if request.officer_id:
        return str(request.officer)
    if request.centre_id:
        return str(request.centre)
    return ""


def tracker(request: AssistanceRequest, now: datetime.datetime | None = None) -> Tracker:
    """The requester's view of the request's journey."""
    stages = stays(request, now)
    days: dict[str, float] = {}
    for stage in stages:
        days[stage.state] = round(days.get(stage.state, 0) + stage.days, 2)
    who, what = NEXT_STEP.get(request.state, ("", ""))
    return Tracker(
        request=request,
        stages=stages,
        days_by_state=days,
        path=_path(request, set(days)),
        holder=_holder(request),
        next_who="" if request.state in TERMINAL_STATES else str(who),
        next_what="" if request.state in TERMINAL_STATES else str(what),
    )


def as_dict(view: Tracker) -> dict[str, Any]:
    """The tracker for the API."""
    return {
        "state": view.request.state,
        "holder": view.holder,
        "next": {"who": view.next_who, "what": view.next_what},
        "days_by_state": view.days_by_state,
        "stages": [
            {
                "state": s.state,
                "entered_at": s.entered_at,
                "left_at": s.left_at,
                "days": s.days,
                "overdue": s.overdue,
            }
            for s in view.stages
        ],
    }
