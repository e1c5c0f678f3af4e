"""API shapes of the organisations app (CHM `organization` fields)."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from tsc_hub.core.languages import pick_text


class OrganisationIn(Schema):
    names: dict[str, str] = Field(description="Name keyed by UN language code (ar, en, es, fr, ru, zh).")
    organisation_type: str = Field(description="Identifier of a term in ORGANIZATION-TYPES (CHM GUID).")
    country: str = Field(description="Party code, lowercase ISO 3166-1 alpha-2 or 'eu'.")
    acronym: str = ""
    city: str = ""
    websites: list[str] = []
    emails: list[str] = []
    descriptions: dict[str, str] = {}
    operational_languages: list[str] = []
    operational_regions: list[str] = Field(default=[], description="CHM region identifiers.")
    gbf_targets: list[str] = Field(default=[], description="GBF-TARGET-01 … GBF-TARGET-23.")
    original_language: str = "en"


class OrganisationOut(Schema):
    id: int
    name: str
    names: dict[str, str]
    acronym: str
    organisation_type: str
    country: str
    city: str
    websites: list[dict[str, str]]
    emails: list[str]
    descriptions: dict[str, str]
    operational_languages: list[str]
    operational_regions: list[str]
    gbf_targets: list[str]
    original_language: str
    updated_at: datetime.datetime

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return pick_text(obj.names, original=obj.original_language).text

    @staticmethod
    def resolve_organisation_type(obj: Any) -> str:
        return str(obj.organisation_type.identifier)

    @staticmethod
    def resolve_country(obj: Any) -> str:
        return str(obj.country_id)

    @staticmethod
    def resolve_operational_regions(obj: Any) -> list[str]:
        return [r.identifier for r in obj.operational_regions.all()]

    @staticmethod
    def resolve_gbf_targets(obj: Any) -> list[str]:
        return [t.identifier for t in obj.gbf_targets.all()]
