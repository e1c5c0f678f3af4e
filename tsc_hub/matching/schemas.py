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


# --- The matching engine --------------------------------------------------------------------------------


class ReasonOut(Schema):
    signal: str = Field(description="semantic, gbf_targets, cbd_subjects, assistance_types, language, …")
    label: str = Field(description="The signal in words, in the reader's language.")
    value: float = Field(description="The signal's value, in [0, 1].")
    contribution: float = Field(
        description="What the signal added to the score (its value times its weight)."
    )
    share: int = Field(description="Percent of the score.")


class CandidateOut(Schema):
    kind: str = Field(description="offer or profile")
    id: int
    title: str
    provider_organisation: int
    url: str


class SuggestionOut(Schema):
    candidate: CandidateOut
    score: float
    reasons: list[ReasonOut]
    match_id: int | None = Field(description="The open match of this pair, if there is one.")
    match_state: str | None
    may_decide: bool = Field(
        description="An engine suggestion waiting for the help desk: confirm or dismiss."
    )


class SuggestionsOut(Schema):
    request_id: int
    suggestions: list[SuggestionOut]
    excluded: int = Field(description="Published items left out by a hard constraint.")
    request_vector_missing: bool
    missing_vectors: int
    degraded: bool = Field(description="The fallback embedder is in use: similarity is less precise.")
    weights_version: int


class WhyNotOut(Schema):
    candidate: CandidateOut
    codes: list[str] = Field(
        description="Broken constraints: outside_coverage, deadline_passed, at_capacity."
    )
    problems: list[str] = Field(description="Why it is not suggested, in words.")
    published: bool
    in_catalogue: bool = Field(description="Whether the engine ranks it at all (published and open).")
    score: float
    reasons: list[ReasonOut]
    rank: int | None = Field(description="Its place among the items that fit the request.")


class DismissIn(Schema):
    reason_code: str = Field(default="", description="A DeclineReason code (required).")
    reason_text: str = ""


class OpportunityOut(Schema):
    request_id: int
    title: str
    party: str
    party_name: str
    score: float
    reasons: list[ReasonOut]
    candidate: CandidateOut = Field(description="Your offer or profile that fits best.")


class AssignmentIn(Schema):
    min_share: float = Field(default=0.1, ge=0, le=0.2, description="Minimum share per regional group.")
    priority_bonus: float = Field(default=0.1, ge=0, le=1, description="Priority for LDC and SIDS.")


class JobOut(Schema):
    id: int
    kind: str
    state: str
    done: int
    total: int
    percent: int
    finished: bool
    message: str
    result: dict[str, Any]
    created_at: datetime.datetime
    updated_at: datetime.datetime


class GroupOut(Schema):
    group: str
    label: str
    fair: int
    unconstrained: int
    quota: int


class PairOut(Schema):
    request_id: int
    kind: str
    candidate_id: int
    quality: float


class AssignmentRunOut(Schema):
    id: int
    created_at: datetime.datetime
    min_share: float
    priority_bonus: float
    solver: str
    seconds: float
    requests: int
    providers: int
    assigned: int
    total_quality: float
    unconstrained_quality: float
    fairness_cost: float
    fairness_cost_percent: float
    groups: list[GroupOut]
    pairs: list[PairOut]
    suggestions_created: int
