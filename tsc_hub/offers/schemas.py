"""API shapes of profiles (CHM `bbiProfile`) and offers (CHM `bbiOpportunity`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from ninja import Schema
from pydantic import Field

from tsc_hub.core.languages import pick_text

TEXTS = "Texts keyed by UN language code (ar, en, es, fr, ru, zh)."
PARTIES = "Party codes, lowercase ISO 3166-1 alpha-2 or 'eu'."
REGIONS = "CHM region identifiers; a region covers its member Parties."


def _identifiers(related: Any) -> list[str]:
    return [str(item.identifier) for item in related.all()]


class ProfileIn(Schema):
    organisation: int = Field(description="Id of the organisation that provides assistance.")
    title: dict[str, str] = Field(description=TEXTS)
    coverage_parties: list[str] = Field(default=[], description=PARTIES)
    coverage_regions: list[str] = Field(default=[], description=REGIONS)
    cbd_subjects: list[str] = Field(description="One to three CBD-SUBJECTS identifiers.")
    assistance_types: list[str] = Field(description="One to three ASSISTANCE-TYPES identifiers.")
    assistance_types_free: dict[str, str] = {}
    expertise: dict[str, str] = {}
    collaboration_areas: dict[str, str] = {}
    working_languages: list[str] = []
    capacity: int = Field(default=1, description="Cooperations the provider can take on at once.")
    gbf_targets: list[str] = Field(default=[], description="GBF-TARGET-01 … GBF-TARGET-23.")
    contact_name: str = ""
    contact_email: str = ""
    original_language: str = "en"
    chm_identifier: str | None = Field(default=None, description="CHM header.identifier, when known.")


class ProfileUpdateIn(ProfileIn):
    version: int = Field(description="The version the change was made from; a newer one answers 409.")


class OfferIn(Schema):
    primary_organisation: int = Field(description="Id of the organisation that offers.")
    organisations: list[int] = Field(default=[], description="Ids of partner organisations.")
    title: dict[str, str] = Field(description=TEXTS)
    description: dict[str, str] = Field(description=TEXTS)
    eligibility: dict[str, str] = Field(description=TEXTS)
    application_process: dict[str, str] = Field(description=TEXTS)
    areas_benefited_parties: list[str] = Field(default=[], description=PARTIES)
    areas_benefited_regions: list[str] = Field(default=[], description=REGIONS)
    assistance_types: list[str] = Field(description="One to three ASSISTANCE-TYPES identifiers.")
    primary_beneficiaries: list[str] = Field(default=[], description="BENEFICIARY-TYPES identifiers.")
    potential_outcomes: dict[str, str] = {}
    application_deadline: datetime.date | None = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    cbd_subjects: list[str] = []
    gbf_targets: list[str] = []
    working_languages: list[str] = []
    contact_name: str = ""
    contact_email: str = ""
    original_language: str = "en"
    chm_identifier: str | None = Field(default=None, description="CHM header.identifier, when known.")


class OfferUpdateIn(OfferIn):
    version: int = Field(description="The version the change was made from; a newer one answers 409.")


class TransitionIn(Schema):
    action: str = Field(description="submit, publish, return, withdraw.")
    reason: str = Field(default="", description="Required to return a record to its provider.")


class _RecordOut(Schema):
    id: int
    state: str
    version: int
    chm_identifier: str | None
    display_title: str = Field(description="The title in the reader's language, else the original.")
    title: dict[str, str]
    assistance_types: list[str]
    cbd_subjects: list[str]
    gbf_targets: list[str]
    working_languages: list[str]
    contact_name: str
    contact_email: str
    original_language: str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_display_title(obj: Any) -> str:
        return pick_text(obj.title, original=obj.original_language).text

    @staticmethod
    def resolve_assistance_types(obj: Any) -> list[str]:
        return _identifiers(obj.assistance_types)

    @staticmethod
    def resolve_cbd_subjects(obj: Any) -> list[str]:
        return _identifiers(obj.cbd_subjects)

    @staticmethod
    def resolve_gbf_targets(obj: Any) -> list[str]:
        return _identifiers(obj.gbf_targets)


class ProfileOut(_RecordOut):
    organisation: int
    organisation_name: str
    coverage_parties: list[str]
    coverage_regions: list[str]
    assistance_types_free: dict[str, str]
    expertise: dict[str, str]
    collaboration_areas: dict[str, str]
    capacity: int

    @staticmethod
    def resolve_organisation(obj: Any) -> int:
        return int(obj.organisation_id)

    @staticmethod
    def resolve_organisation_name(obj: Any) -> str:
        return str(obj.organisation)

    @staticmethod
    def resolve_coverage_parties(obj: Any) -> list[str]:
        return [party.code for party in obj.coverage_parties.all()]

    @staticmethod
    def resolve_coverage_regions(obj: Any) -> list[str]:
        return _identifiers(obj.coverage_regions)


class OfferOut(_RecordOut):
    primary_organisation: int
    primary_organisation_name: str
    organisations: list[int]
    description: dict[str, str]
    eligibility: dict[str, str]
    application_process: dict[str, str]
    areas_benefited_parties: list[str]
    areas_benefited_regions: list[str]
    primary_beneficiaries: list[str]
    potential_outcomes: dict[str, str]
    application_deadline: datetime.date | None
    start_date: datetime.date | None
    end_date: datetime.date | None
    is_open: bool = Field(description="Published, and the application deadline (if any) not passed.")

    @staticmethod
    def resolve_primary_organisation(obj: Any) -> int:
        return int(obj.primary_organisation_id)

    @staticmethod
    def resolve_primary_organisation_name(obj: Any) -> str:
        return str(obj.primary_organisation)

    @staticmethod
    def resolve_organisations(obj: Any) -> list[int]:
        return [organisation.pk for organisation in obj.organisations.all()]

    @staticmethod
    def resolve_areas_benefited_parties(obj: Any) -> list[str]:
        return [party.code for party in obj.areas_benefited_parties.all()]

    @staticmethod
    def resolve_areas_benefited_regions(obj: Any) -> list[str]:
        return _identifiers(obj.areas_benefited_regions)

    @staticmethod
    def resolve_primary_beneficiaries(obj: Any) -> list[str]:
        return _identifiers(obj.primary_beneficiaries)

    @staticmethod
    def resolve_is_open(obj: Any) -> bool:
        deadline = obj.application_deadline
        return bool(obj.state == "published" and (deadline is None or deadline >= timezone.localdate()))


class ProfileDetailOut(ProfileOut):
    actions: list[str] = Field(default=[], description="The workflow steps the caller may take now.")


class OfferDetailOut(OfferOut):
    actions: list[str] = Field(default=[], description="The workflow steps the caller may take now.")
