"""API shapes of matches."""

import datetime
from typing import Any

from ninja import Schema
from pydantic import Field


class MatchIn(Schema):
    request_id: int
    profile_id: int | None = Field(default=None, description="Suggest a provider profile …")
    offer_id: int | None = Field(default=None, description="… or one of its offers (exactly one of the two).")
    note: str = ""


class MatchTransitionIn(Schema):
    action: str
    reason_code: str = Field(default="", description="For declines and cancellations: a DeclineReason code.")
    reason_text: str = ""


class StepOut(Schema):
    action: str
    from_state: str
    to_state: str
    at: datetime.datetime
    by: str | None
    reason: str

    @staticmethod
    def resolve_by(obj: Any) -> str | None:
        return str(obj.by) if obj.by_id else None


class MatchOut(Schema):
    id: int
    request: int
    profile: int | None
    offer: int | None
    provider_organisation: int
    state: str
    source: str
    score: float | None
    decline_reason: str
    decline_text: str
    agreed_at: datetime.datetime | None
    created_at: datetime.datetime
    allowed_actions: list[str] = []
    steps: list[StepOut] = []

    @staticmethod
    def resolve_request(obj: Any) -> int:
        return int(obj.request_id)

    @staticmethod
    def resolve_profile(obj: Any) -> int | None:
        return obj.profile_id

    @staticmethod
    def resolve_offer(obj: Any) -> int | None:
        return obj.offer_id

    @staticmethod
    def resolve_provider_organisation(obj: Any) -> int:
        return int(obj.provider_organisation_id)

    @staticmethod
    def resolve_steps(obj: Any) -> list[Any]:
        return list(obj.steps.all())


class FunnelOut(Schema):
    counts: dict[str, int]
    successful: int


class SavedSearchIn(Schema):
    name: str
    parties: list[str] = []
    gbf_targets: list[str] = []
    assistance_types: list[str] = []


class SavedSearchOut(Schema):
    id: int
    name: str
    parties: list[str]
    gbf_targets: list[str]
    assistance_types: list[str]
    created_at: datetime.datetime

    @staticmethod
    def resolve_parties(obj: Any) -> list[str]:
        return [party.code for party in obj.parties.all()]

    @staticmethod
    def resolve_gbf_targets(obj: Any) -> list[str]:
        return [term.identifier for term in obj.gbf_targets.all()]

    @staticmethod
    def resolve_assistance_types(obj: Any) -> list[str]:
        return [term.identifier for term in obj.assistance_types.all()]
