"""API shapes of requests for assistance (the CHM bbiRequest fields plus tsc-hub's)."""

import datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from tsc_hub.core.languages import pick_text


class RequestIn(Schema):
    country: str = Field(description="Party code (lowercase ISO 3166-1 alpha-2, or 'eu').")
    organisation_id: int
    contact_name: str
    contact_email: str
    title: dict[str, str]
    problem: dict[str, str]
    addressed_priorities: dict[str, str]
    national_priority_reference: str
    assistance_types: list[str] = Field(description="1 to 3 identifiers of ASSISTANCE-TYPES.")
    gbf_targets: list[str]
    cbd_subjects: list[str]
    objectives: dict[str, str] = {}
    types_details: dict[str, str] = {}
    existing_initiatives: dict[str, str] = {}
    co_financing: dict[str, str] = {}
    beneficiary_types: list[str] = []
    coverage_parties: list[str] = []
    coverage_regions: list[str] = []
    jurisdiction: str | None = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    urgency: str = "normal"
    working_languages: list[str] = []
    involves_traditional_knowledge: bool = False
    visibility: str = "public"
    original_language: str = "en"


class RequestUpdateIn(RequestIn):
    version: int = Field(description="The version you edited; a newer one on the server answers 409.")


class RequestSummaryOut(Schema):
    id: int
    title: str
    country: str
    organisation: int
    state: str
    urgency: str
    visibility: str
    centre: str | None
    priority_score: int | None
    state_changed_at: datetime.datetime
    version: int

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return pick_text(obj.title, original=obj.original_language).text

    @staticmethod
    def resolve_country(obj: Any) -> str:
        return str(obj.country_id)

    @staticmethod
    def resolve_organisation(obj: Any) -> int:
        return int(obj.organisation_id)

    @staticmethod
    def resolve_centre(obj: Any) -> str | None:
        return obj.centre.code if obj.centre_id else None


class RequestOut(RequestSummaryOut):
    titles: dict[str, str]
    problem: dict[str, str]
    objectives: dict[str, str]
    addressed_priorities: dict[str, str]
    national_priority_reference: str
    assistance_types: list[str]
    gbf_targets: list[str]
    cbd_subjects: list[str]
    beneficiary_types: list[str]
    working_languages: list[str]
    involves_traditional_knowledge: bool
    consent_recorded: bool
    officer: int | None
    original_language: str
    allowed_actions: list[str] = []

    @staticmethod
    def resolve_titles(obj: Any) -> dict[str, str]:
        return dict(obj.title)

    @staticmethod
    def resolve_consent_recorded(obj: Any) -> bool:
        return obj.pic_recorded_at is not None

    @staticmethod
    def resolve_officer(obj: Any) -> int | None:
        return obj.officer_id

    @staticmethod
    def _terms(obj: Any, name: str) -> list[str]:
        return sorted(term.identifier for term in getattr(obj, name).all())

    @staticmethod
    def resolve_assistance_types(obj: Any) -> list[str]:
        return RequestOut._terms(obj, "assistance_types")

    @staticmethod
    def resolve_gbf_targets(obj: Any) -> list[str]:
        return RequestOut._terms(obj, "gbf_targets")

    @staticmethod
    def resolve_cbd_subjects(obj: Any) -> list[str]:
        return RequestOut._terms(obj, "cbd_subjects")

    @staticmethod
    def resolve_beneficiary_types(obj: Any) -> list[str]:
        return RequestOut._terms(obj, "beneficiary_types")


class TransitionIn(Schema):
    action: str
    reason: str = ""


class ReassignIn(Schema):
    centre: str | None = Field(description="Code of the support centre; null for the global help desk.")
    reason: str


class OfficerIn(Schema):
    officer_id: int


class ConsentIn(Schema):
    reference: str


class OutcomeIn(Schema):
    outcome: dict[str, str]
    feedback: dict[str, str] = {}


class AnswerIn(Schema):
    met: bool
    note: str = ""


class EligibilityIn(Schema):
    answers: dict[str, AnswerIn]


class AttachmentOut(Schema):
    id: int
    name: str
    size: int
    content_type: str
    uploaded_at: datetime.datetime


class StageOut(Schema):
    state: str
    entered_at: datetime.datetime
    left_at: datetime.datetime | None
    days: float
    overdue: bool


class NextOut(Schema):
    who: str
    what: str


class TrackerOut(Schema):
    state: str
    holder: str
    next: NextOut
    days_by_state: dict[str, float]
    stages: list[StageOut]
