"""API shapes of knowledge-hub resources (CHM `resource`; see docs/knowledge.md for the Dublin Core names)."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from tsc_hub.core.languages import pick_text

TEXTS = "Texts keyed by UN language code (ar, en, es, fr, ru, zh)."
KINDS = (
    "technology, case_study, best_practice, training, event, funding, publication, dataset, network, "
    "incubator, capacity_initiative, national_capacity_plan, thematic_action_plan."
)


def _identifiers(related: Any) -> list[str]:
    return [str(item.identifier) for item in related.all()]


class ResourceLink(Schema):
    url: str = Field(description="An http(s) address (dc:identifier).")
    name: str = ""
    language: str = Field(default="", description="ISO 639-1 code of the linked document, if known.")


class ResourceIn(Schema):
    kind: str = Field(description=KINDS)
    title: dict[str, str] = Field(description=TEXTS + " At least one.")
    summary: dict[str, str] = Field(default={}, description=TEXTS)
    authors: list[str] = Field(default=[], description="Names as written (dc:creator).")
    organisations: list[int] = Field(default=[], description="Ids of other organisations (dc:contributor).")
    owner: int | None = Field(default=None, description="Id of the responsible organisation (dc:publisher).")
    publication_date: datetime.date | None = None
    links: list[ResourceLink] = []
    resource_languages: list[str] = Field(default=[], description="ISO 639-1 codes (dc:language).")
    cbd_subjects: list[str] = Field(default=[], description="CBD-SUBJECTS identifiers.")
    gbf_targets: list[str] = Field(default=[], description="GBF-TARGET-01 … GBF-TARGET-23.")
    countries: list[str] = Field(default=[], description="Party codes, lowercase ISO 3166-1 alpha-2 or 'eu'.")
    regions: list[str] = Field(default=[], description="CHM region identifiers; a region covers its members.")
    keywords: list[str] = []
    rights: str = ""
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    deadline: datetime.date | None = None
    source: str = Field(default="tsc-hub", description="Where the record comes from.")
    original_identifier: str = Field(default="", description="Its identifier in that source.")
    harvested_from: str = ""
    harvested_at: datetime.datetime | None = None
    chm_identifier: str | None = Field(default=None, description="CHM header.identifier, when known.")
    original_language: str = "en"


class ResourceUpdateIn(ResourceIn):
    version: int = Field(description="The version the change was made from; a newer one answers 409.")
    note: str = Field(default="", description="What was changed, kept with the revision.")


class TransitionIn(Schema):
    action: str = Field(description="submit, publish, return, withdraw.")
    reason: str = Field(default="", description="Required to return a resource to its submitters.")


class ResourceOut(Schema):
    id: int
    kind: str
    state: str
    version: int
    display_title: str = Field(description="The title in the reader's language, else the original.")
    title: dict[str, str]
    summary: dict[str, str]
    authors: list[str]
    owner: int | None
    owner_name: str
    organisations: list[int]
    publication_date: datetime.date | None
    links: list[ResourceLink]
    resource_languages: list[str]
    cbd_subjects: list[str]
    gbf_targets: list[str]
    countries: list[str]
    regions: list[str]
    keywords: list[str]
    rights: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    deadline: datetime.date | None
    source: str
    original_identifier: str
    harvested_from: str
    harvested_at: datetime.datetime | None
    chm_identifier: str | None
    original_language: str
    published_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_display_title(obj: Any) -> str:
        return pick_text(obj.title, original=obj.original_language).text

    @staticmethod
    def resolve_owner(obj: Any) -> int | None:
        return int(obj.owner_id) if obj.owner_id is not None else None

    @staticmethod
    def resolve_owner_name(obj: Any) -> str:
        return str(obj.owner) if obj.owner_id is not None else ""

    @staticmethod
    def resolve_organisations(obj: Any) -> list[int]:
        return [organisation.pk for organisation in obj.organisations.all()]

    @staticmethod
    def resolve_cbd_subjects(obj: Any) -> list[str]:
        return _identifiers(obj.cbd_subjects)

    @staticmethod
    def resolve_gbf_targets(obj: Any) -> list[str]:
        return _identifiers(obj.gbf_targets)

    @staticmethod
    def resolve_countries(obj: Any) -> list[str]:
        return [party.code for party in obj.countries.all()]

    @staticmethod
    def resolve_regions(obj: Any) -> list[str]:
        return _identifiers(obj.regions)


class ResourceDetailOut(ResourceOut):
    actions: list[str] = Field(default=[], description="The workflow steps the caller may take now.")


class RevisionOut(Schema):
    version: int
    at: datetime.datetime
    note: str
    content: dict[str, Any] = Field(description="The resource's content after this change.")
