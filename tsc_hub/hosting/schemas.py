"""API shapes of host selection."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from ninja import Schema
from pydantic import Field

TEXTS = "Texts keyed by UN language code (ar, en, es, fr, ru, zh)."


class CallIn(Schema):
    kind: str = Field(description="subregional or global.")
    title: dict[str, str] = Field(description=TEXTS + " At least one.")
    description: dict[str, str] = Field(default={}, description=TEXTS)
    framework: str = Field(description="Code of an evaluation framework of the same kind.")
    deadline: datetime.datetime = Field(description="With its time zone.")
    original_language: str = "en"
    phase1_aggregation: str = Field(default="mean", description="mean or zscore.")
    phase2_aggregation: str = Field(default="mean", description="mean or zscore.")


class CallUpdateIn(CallIn):
    version: int | None = Field(default=None, description="The version the change was made from.")


class CriterionOut(Schema):
    phase: int
    code: str
    names: dict[str, str]
    guidance: dict[str, str]
    weight: Decimal

    @staticmethod
    def resolve_phase(obj: Any) -> int:
        return int(obj.phase.number)


class CallOut(Schema):
    id: int
    kind: str
    title: dict[str, str]
    description: dict[str, str]
    original_language: str
    framework: str
    deadline: datetime.datetime
    state: str
    phase1_aggregation: str
    phase2_aggregation: str
    version: int

    @staticmethod
    def resolve_framework(obj: Any) -> str:
        return str(obj.framework.code)


class CallDetailOut(CallOut):
    criteria: list[CriterionOut] = []
    scale: list[int] = []
    actions: list[str] = []


class TransitionIn(Schema):
    action: str
    reason: str = ""


class ReasonIn(Schema):
    reason: str = ""


class ApplicationIn(Schema):
    organisation: int = Field(description="Id of the applying organisation (you must be one of its members).")
    subregion: str | None = Field(default=None, description="Subregion code; required for subregional calls.")
    parties_served: list[str] = Field(
        default=[], description="Party codes; they may go beyond the subregion."
    )
    mandate: str = ""
    willing_to_cooperate: bool = False
    cooperation: str = ""
    willing_to_cohost: bool = False
    cohosting: str = ""
    capacities: dict[str, str] = Field(
        default={},
        description="Texts per capacity area: technical, technology, capacity_building, knowledge, staff, "
        "finance, languages.",
    )


class ApplicationUpdateIn(ApplicationIn):
    version: int | None = Field(default=None, description="The version the change was made from.")


class ApplicationOut(Schema):
    id: int
    call: int
    organisation: int
    organisation_type: str
    subregion: str | None
    parties_served: list[str]
    mandate: str
    willing_to_cooperate: bool
    cooperation: str
    willing_to_cohost: bool
    cohosting: str
    capacities: dict[str, str]
    state: str
    version: int
    submitted_at: datetime.datetime | None
    phase1_score: Decimal | None = None
    phase2_score: Decimal | None = None
    rank: int | None = None

    @staticmethod
    def resolve_call(obj: Any) -> int:
        return int(obj.call_id)

    @staticmethod
    def resolve_organisation(obj: Any) -> int:
        return int(obj.organisation_id)

    @staticmethod
    def resolve_organisation_type(obj: Any) -> str:
        return str(obj.organisation.organisation_type.identifier)

    @staticmethod
    def resolve_subregion(obj: Any) -> str | None:
        return obj.subregion.code if obj.subregion else None

    @staticmethod
    def resolve_parties_served(obj: Any) -> list[str]:
        return sorted(p.pk for p in obj.parties_served.all())


class AssignIn(Schema):
    reviewer: int = Field(description="Id of a person holding the application reviewer role.")


class AssignmentOut(Schema):
    id: int
    application: int
    reviewer: int
    assigned_at: datetime.datetime
    conflict_declared_at: datetime.datetime | None
    conflict_reason: str

    @staticmethod
    def resolve_application(obj: Any) -> int:
        return int(obj.application_id)

    @staticmethod
    def resolve_reviewer(obj: Any) -> int:
        return int(obj.reviewer_id)


class ConflictIn(Schema):
    reason: str


class ScoreIn(Schema):
    criterion: str = Field(description="Criterion code of the phase under way.")
    value: Decimal
    reason: str


class ScoreOut(Schema):
    assignment: int
    reviewer: int
    application: int
    phase: int
    criterion: str
    value: Decimal
    reason: str

    @staticmethod
    def resolve_assignment(obj: Any) -> int:
        return int(obj.assignment_id)

    @staticmethod
    def resolve_reviewer(obj: Any) -> int:
        return int(obj.assignment.reviewer_id)

    @staticmethod
    def resolve_application(obj: Any) -> int:
        return int(obj.assignment.application_id)

    @staticmethod
    def resolve_phase(obj: Any) -> int:
        return int(obj.criterion.phase.number)

    @staticmethod
    def resolve_criterion(obj: Any) -> str:
        return str(obj.criterion.code)


class ScenarioIn(Schema):
    ks: list[int] = Field(default=[13, 15, 19], description="Minimum numbers of centres, one scenario each.")
    max_per_subregion: int = 1
    min_score: float = 0.0


class ScenarioOut(Schema):
    min_centres: int
    feasible: bool
    error: str
    selected: list[int] = Field(description="Application ids chosen.")
    covered: int
    uncovered: list[str] = Field(description="Party codes no chosen host would serve.")
    overlap: int
    mean_score: float
    by_subregion: dict[str, list[int]]


class SelectionIn(Schema):
    min_centres: int
    max_per_subregion: int = 1
    min_score: float = 0.0
    note: str = ""


class SelectionOut(Schema):
    id: int
    min_centres: int
    max_per_subregion: int
    min_score: Decimal
    covered: int
    overlap: int
    applications: list[int]

    @staticmethod
    def resolve_applications(obj: Any) -> list[int]:
        return sorted(a.pk for a in obj.applications.all())
