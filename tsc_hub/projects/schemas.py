"""API shapes of projects, their plan, funds, outputs and ratings."""

import datetime
from decimal import Decimal
from typing import Any

from ninja import Schema
from pydantic import Field

from tsc_hub.core.languages import pick_text


class PartnerIn(Schema):
    organisation_id: int
    role: str = Field(description="requester, provider, co_funder or other.")
    party: str | None = Field(default=None, description="Party code; by default the organisation's country.")


class ProjectTextsIn(Schema):
    title: dict[str, str]
    summary: dict[str, str] = {}
    original_language: str = "en"
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None


class ProjectIn(ProjectTextsIn):
    match_ids: list[int] = Field(description="Agreed matches of one request.")
    partners: list[PartnerIn] = Field(
        default=[],
        description="Co-funders and other partners; the requester and the matched providers are added.",
    )


class ProjectUpdateIn(ProjectTextsIn):
    final_report: dict[str, str] = {}
    version: int = Field(description="The version you edited; a newer one on the server answers 409.")


class PartnersIn(Schema):
    partners: list[PartnerIn]
    version: int = Field(description="The version you edited; a newer one on the server answers 409.")


class ProjectTransitionIn(Schema):
    action: str
    reason: str = Field(default="", description="Needed to cancel.")


class MilestoneIn(Schema):
    title: dict[str, str]
    due_date: datetime.date | None = None
    position: int | None = None


class MilestoneUpdateIn(Schema):
    title: dict[str, str]
    due_date: datetime.date | None = None
    position: int = 0


class IndicatorIn(Schema):
    name: dict[str, str]
    unit: str
    target: Decimal
    baseline: Decimal = Decimal(0)


class IndicatorUpdateIn(Schema):
    current_value: Decimal
    target: Decimal | None = None


class FundingIn(Schema):
    amount: Decimal = Field(description="More than zero, in `currency`.")
    currency: str = Field(description="ISO 4217 code, e.g. EUR.")
    source: str = Field(
        description="gef, gbf_fund, kunming_fund, bilateral, multilateral, private, domestic, other."
    )
    date: datetime.date
    evidence_url: str = ""
    evidence_text: str = ""


class OutputIn(Schema):
    kind: str = Field(description="See the kinds of output; each needs its own fields.")
    title: dict[str, str] = {}
    description: dict[str, str] = {}
    from_country: str | None = None
    to_country: str | None = None
    experts_count: int | None = None
    participants_women: int | None = None
    participants_men: int | None = None
    participants_other: int | None = None
    from_centre: str | None = Field(default=None, description="Support centre code.")
    to_centre: str | None = Field(default=None, description="Support centre code.")
    members_count: int | None = None


class RatingIn(Schema):
    side: str = Field(description="requester or provider: the side you rate for.")
    score: int = Field(description="1 (poor) to 5 (excellent).")
    comment: str = ""


class PartnerOut(Schema):
    organisation: int
    name: str
    party: str
    role: str

    @staticmethod
    def resolve_organisation(obj: Any) -> int:
        return int(obj.organisation_id)

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.organisation)

    @staticmethod
    def resolve_party(obj: Any) -> str:
        return str(obj.party_id)


class HistoryOut(Schema):
    action: str
    from_state: str
    to_state: str
    at: datetime.datetime
    by: str | None
    reason: str

    @staticmethod
    def resolve_by(obj: Any) -> str | None:
        return str(obj.by) if obj.by_id else None


class MilestoneOut(Schema):
    id: int
    title: dict[str, str]
    due_date: datetime.date | None
    done_at: datetime.datetime | None
    position: int


class IndicatorOut(Schema):
    id: int
    name: dict[str, str]
    unit: str
    baseline: Decimal
    target: Decimal
    current_value: Decimal
    updated_at: datetime.datetime


class FundingOut(Schema):
    id: int
    amount: Decimal
    currency: str
    source: str
    date: datetime.date
    evidence_url: str
    evidence_text: str
    amount_usd: Decimal
    usd_rate: Decimal
    rate_date: datetime.date


class OutputOut(Schema):
    id: int
    kind: str
    title: dict[str, str]
    description: dict[str, str]
    from_country: str | None
    to_country: str | None
    experts_count: int | None
    participants_women: int | None
    participants_men: int | None
    participants_other: int | None
    from_centre: str | None
    to_centre: str | None
    members_count: int | None
    created_at: datetime.datetime

    @staticmethod
    def resolve_from_country(obj: Any) -> str | None:
        return obj.from_country_id

    @staticmethod
    def resolve_to_country(obj: Any) -> str | None:
        return obj.to_country_id

    @staticmethod
    def resolve_from_centre(obj: Any) -> str | None:
        return obj.from_centre.code if obj.from_centre_id else None

    @staticmethod
    def resolve_to_centre(obj: Any) -> str | None:
        return obj.to_centre.code if obj.to_centre_id else None


class RatingOut(Schema):
    side: str
    score: int
    comment: str
    created_at: datetime.datetime


class ProjectSummaryOut(Schema):
    id: int
    title: str
    request: int
    state: str
    cooperation_type: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    partners: list[PartnerOut]
    version: int
    created_at: datetime.datetime

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return pick_text(obj.title, original=obj.original_language).text

    @staticmethod
    def resolve_request(obj: Any) -> int:
        return int(obj.request_id)

    @staticmethod
    def resolve_partners(obj: Any) -> list[Any]:
        return list(obj.partners.all())


class ProjectOut(ProjectSummaryOut):
    titles: dict[str, str]
    summary: dict[str, str]
    original_language: str
    final_report: dict[str, str]
    matches: list[int]
    allowed_actions: list[str] = []
    milestones: list[MilestoneOut]
    indicators: list[IndicatorOut]
    funding: list[FundingOut]
    total_usd: Decimal = Decimal(0)
    outputs: list[OutputOut]
    ratings: list[RatingOut]
    history: list[HistoryOut]

    @staticmethod
    def resolve_titles(obj: Any) -> dict[str, str]:
        return dict(obj.title)

    @staticmethod
    def resolve_matches(obj: Any) -> list[int]:
        return [match.pk for match in obj.matches.all()]

    @staticmethod
    def resolve_milestones(obj: Any) -> list[Any]:
        return list(obj.milestones.all())

    @staticmethod
    def resolve_indicators(obj: Any) -> list[Any]:
        return list(obj.indicators.all())

    @staticmethod
    def resolve_funding(obj: Any) -> list[Any]:
        return list(obj.funding.all())

    @staticmethod
    def resolve_outputs(obj: Any) -> list[Any]:
        return list(obj.outputs.all())

    @staticmethod
    def resolve_ratings(obj: Any) -> list[Any]:
        return list(obj.ratings.all())

    @staticmethod
    def resolve_history(obj: Any) -> list[Any]:
        return list(obj.transitions.all())
