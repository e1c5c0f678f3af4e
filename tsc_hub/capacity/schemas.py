"""API shapes of capacity needs, capacity-building activities and the gap matrix."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from tsc_hub.core.languages import pick_text

TEXTS = "Texts keyed by UN language code (ar, en, es, fr, ru, zh)."
TARGETS = "GBF-TARGETS identifiers (GBF-TARGET-01 … GBF-TARGET-23); at least one."
SUBJECTS = "CBD-SUBJECTS identifiers."


def _identifiers(related: Any) -> list[str]:
    return [str(item.identifier) for item in related.all()]


class CapacityNeedIn(Schema):
    party: str = Field(description="Party code, lowercase ISO 3166-1 alpha-2 or 'eu'.")
    title: dict[str, str] = Field(description=TEXTS)
    description: dict[str, str] = Field(description=TEXTS)
    gbf_targets: list[str] = Field(description=TARGETS)
    cbd_subjects: list[str] = Field(default=[], description=SUBJECTS)
    priority: str = Field(default="medium", description="high, medium or low.")
    capacity_type: str = Field(description="individual, institutional or systemic.")
    start_year: int | None = None
    end_year: int | None = None
    status: str = Field(default="open", description="open or being_addressed; close a need to mark it met.")
    original_language: str = "en"


class CapacityNeedUpdateIn(CapacityNeedIn):
    version: int = Field(description="The version the change was made from; a newer one answers 409.")


class CapacityActivityIn(Schema):
    organisation: int = Field(description="Id of the organisation that runs the activity.")
    title: dict[str, str] = Field(description=TEXTS)
    description: dict[str, str] = Field(description=TEXTS)
    gbf_targets: list[str] = Field(description=TARGETS)
    countries: list[str] = Field(default=[], description="Party codes covered.")
    regions: list[str] = Field(default=[], description="CHM region identifiers; a region covers its members.")
    cbd_subjects: list[str] = Field(default=[], description=SUBJECTS)
    status: str = Field(default="planned", description="planned or ongoing; close it to mark it completed.")
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    beneficiaries: dict[str, str] = Field(default={}, description=TEXTS)
    link: str = Field(default="", description="A web page about the activity (http or https).")
    original_language: str = "en"


class CapacityActivityUpdateIn(CapacityActivityIn):
    version: int = Field(description="The version the change was made from; a newer one answers 409.")


class CapacityCloseIn(Schema):
    version: int = Field(description="The version the record was read at; a newer one answers 409.")


class _RecordOut(Schema):
    id: int
    status: str
    version: int
    display_title: str = Field(description="The title in the reader's language, else the original.")
    title: dict[str, str]
    description: dict[str, str]
    gbf_targets: list[str]
    cbd_subjects: list[str]
    original_language: str
    status_changed_at: datetime.datetime
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_display_title(obj: Any) -> str:
        return pick_text(obj.title, original=obj.original_language).text

    @staticmethod
    def resolve_gbf_targets(obj: Any) -> list[str]:
        return _identifiers(obj.gbf_targets)

    @staticmethod
    def resolve_cbd_subjects(obj: Any) -> list[str]:
        return _identifiers(obj.cbd_subjects)


class CapacityNeedOut(_RecordOut):
    party: str
    party_name: str
    priority: str
    capacity_type: str
    start_year: int | None
    end_year: int | None

    @staticmethod
    def resolve_party(obj: Any) -> str:
        return str(obj.party_id)

    @staticmethod
    def resolve_party_name(obj: Any) -> str:
        return str(obj.party)


class CapacityActivityOut(_RecordOut):
    organisation: int
    organisation_name: str
    countries: list[str]
    regions: list[str]
    start_date: datetime.date | None
    end_date: datetime.date | None
    beneficiaries: dict[str, str]
    link: str

    @staticmethod
    def resolve_organisation(obj: Any) -> int:
        return int(obj.organisation_id)

    @staticmethod
    def resolve_organisation_name(obj: Any) -> str:
        return str(obj.organisation)

    @staticmethod
    def resolve_countries(obj: Any) -> list[str]:
        return [party.code for party in obj.countries.all()]

    @staticmethod
    def resolve_regions(obj: Any) -> list[str]:
        return _identifiers(obj.regions)


class CapacityGapCellOut(Schema):
    region: str = Field(description="CBD regional group code or UN M49 subregion code.")
    needs: int = Field(description="Open needs of the region's Parties tagged with the target.")
    activities: int = Field(
        description="Planned or ongoing activities tagged with the target covering the region."
    )
    offers: int = Field(description="Open offers tagged with the target covering the region.")
    profiles: int = Field(
        description="Published provider profiles tagged with the target covering the region."
    )
    gap: bool = Field(description="Open needs, but no activity and no open offer.")


class CapacityGapRowOut(Schema):
    target: str
    notation: str
    label: str
    cells: list[CapacityGapCellOut]


class CapacityGapColumnOut(Schema):
    key: str
    label: str


class CapacityGapMatrixOut(Schema):
    grouping: str = Field(description="cbd_group or m49_subregion.")
    columns: list[CapacityGapColumnOut]
    rows: list[CapacityGapRowOut]
