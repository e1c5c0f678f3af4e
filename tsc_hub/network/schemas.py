"""Pydantic schemas of the network API."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from ninja import Schema


class ActivityIn(Schema):
    title: dict[str, str]
    budget_amount: Decimal | None = None
    budget_currency: str = "USD"


class IndicatorIn(Schema):
    name: dict[str, str]
    baseline: Decimal
    target: Decimal
    unit: str = ""


class OutcomeIn(Schema):
    title: dict[str, str]
    activities: list[ActivityIn] = []
    indicators: list[IndicatorIn] = []


class PlanIn(Schema):
    start_year: int
    end_year: int
    title: dict[str, str]
    summary: dict[str, str] = {}
    original_language: str = "en"
    outcomes: list[OutcomeIn] = []


class PlanCreateIn(PlanIn):
    centre: str


class ActivityOut(Schema):
    title: dict[str, str]
    budget_amount: Decimal | None
    budget_currency: str


class IndicatorOut(Schema):
    name: dict[str, str]
    baseline: Decimal
    target: Decimal
    unit: str


class OutcomeOut(Schema):
    title: dict[str, str]
    activities: list[ActivityOut]
    indicators: list[IndicatorOut]

    @staticmethod
    def resolve_activities(obj: Any) -> Any:
        return list(obj.activities.all())

    @staticmethod
    def resolve_indicators(obj: Any) -> Any:
        return list(obj.indicators.all())


class PlanOut(Schema):
    id: int
    centre: str
    start_year: int
    end_year: int
    title: dict[str, str]
    summary: dict[str, str]
    original_language: str
    state: str
    approved_at: datetime.datetime | None
    version: int
    outcomes: list[OutcomeOut]
    allowed_actions: list[str] = []

    @staticmethod
    def resolve_centre(obj: Any) -> str:
        return str(obj.centre.code)

    @staticmethod
    def resolve_outcomes(obj: Any) -> Any:
        return list(obj.outcomes.all())

    @staticmethod
    def resolve_allowed_actions(obj: Any) -> list[str]:
        return [a["name"] for a in getattr(obj, "actions", [])]


class TransitionIn(Schema):
    action: str
    reason: str = ""


class ReportCreateIn(Schema):
    centre: str
    year: int
    narrative: dict[str, str] = {}
    original_language: str = "en"


class NarrativeIn(Schema):
    narrative: dict[str, str]
    original_language: str | None = None


class ReportOut(Schema):
    id: int
    centre: str
    year: int
    state: str
    figures: dict[str, Any]
    figures_at: datetime.datetime | None
    narrative: dict[str, str]
    original_language: str
    published_at: datetime.datetime | None
    allowed_actions: list[str] = []

    @staticmethod
    def resolve_centre(obj: Any) -> str:
        return str(obj.centre.code)

    @staticmethod
    def resolve_allowed_actions(obj: Any) -> list[str]:
        return [a["name"] for a in getattr(obj, "actions", [])]


class CriterionOut(Schema):
    code: str
    names: dict[str, str]
    descriptions: dict[str, str]
    weight: int


class ScoreIn(Schema):
    criterion: str
    score: int
    comment: str = ""


class ScoringIn(Schema):
    centre: str
    year: int
    scores: list[ScoreIn]
    comment: str = ""


class ScoreOut(Schema):
    criterion: str
    score: int
    comment: str

    @staticmethod
    def resolve_criterion(obj: Any) -> str:
        return str(obj.criterion.code)


class ScoringOut(Schema):
    id: int
    centre: str
    year: int
    total: Decimal
    version: int
    comment: str
    scores: list[ScoreOut]

    @staticmethod
    def resolve_centre(obj: Any) -> str:
        return str(obj.centre.code)

    @staticmethod
    def resolve_scores(obj: Any) -> Any:
        return list(obj.scores.select_related("criterion"))


class ExchangeIn(Schema):
    from_centre: str
    to_centre: str
    title: dict[str, str]
    date: datetime.date
    kind: str = "tool"
    description: dict[str, str] = {}
    link: str = ""
    project_output_id: int | None = None


class ExchangeOut(Schema):
    id: int
    from_centre: str
    to_centre: str
    kind: str
    title: dict[str, str]
    date: datetime.date
    project_output_id: int | None

    @staticmethod
    def resolve_from_centre(obj: Any) -> str:
        return str(obj.from_centre.code)

    @staticmethod
    def resolve_to_centre(obj: Any) -> str:
        return str(obj.to_centre.code)


class MeetingOut(Schema):
    id: int
    title: dict[str, str]
    date: datetime.date
    place: str
    participants: list[str]
    agenda: dict[str, str]
    minutes: dict[str, str]


class TicketIn(Schema):
    centre: str
    subject: str
    body: str
    category: str


class ReplyIn(Schema):
    body: str


class TicketOut(Schema):
    id: int
    centre: str
    subject: str
    body: str
    category: str
    state: str
    first_response_due: datetime.datetime
    resolution_due: datetime.datetime
    first_responded_at: datetime.datetime | None
    resolved_at: datetime.datetime | None
    overdue: bool = False
    allowed_actions: list[str] = []

    @staticmethod
    def resolve_centre(obj: Any) -> str:
        return str(obj.centre.code)

    @staticmethod
    def resolve_overdue(obj: Any) -> bool:
        from tsc_hub.network.services import is_overdue

        return is_overdue(obj)

    @staticmethod
    def resolve_allowed_actions(obj: Any) -> list[str]:
        return [a["name"] for a in getattr(obj, "actions", [])]
