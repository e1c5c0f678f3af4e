"""What the CHM mappings share: kept terms, the result of reading a record, the mapping interface."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from tsc_hub.core.languages import UN_LANGUAGES

OTHER_TERM = "5B6177DD-5E5E-434E-8CB7-D63D67D5EBED"
"""The CHM "Other" term; its free text is in `customValue`."""
OWN_KEY = "tschub"
"""The key holding tsc-hub's own fields, which no CHM schema has."""
CONTACT = "contact"
REQUEST, OFFER, PROFILE = "bbiRequest", "bbiOpportunity", "bbiProfile"
RESOURCE, INITIATIVE, ORGANIZATION = "resource", "capacityBuildingInitiative", "organization"
LANGUAGE_LIST = ", ".join(UN_LANGUAGES)


@dataclass(frozen=True, order=True)
class KeptTerm:
    """A CHM value tsc-hub keeps as it came: the field it was in, its identifier, any customValue."""

    field: str
    identifier: str
    custom_value: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, field_name: str, identifier: str, custom_value: Mapping[str, str] | None = None) -> KeptTerm:
        return cls(field_name, identifier, tuple(sorted((custom_value or {}).items())))

    def custom_dict(self) -> dict[str, str]:
        """The customValue as an lstring, languages in UN order."""
        return dict(self.custom_value)

    def as_chm(self) -> dict[str, Any]:
        """The CHM Term (or reference) object."""
        term: dict[str, Any] = {"identifier": self.identifier}
        if self.custom_value:
            term["customValue"] = self.custom_dict()
        return term


def sort_terms(terms: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """CHM Term objects in a stable order: by identifier, then by their custom value."""
    return sorted(terms, key=lambda term: (term["identifier"], json.dumps(term, sort_keys=True)))


def base_identifier(reference: str) -> str:
    """A CHM record reference without its revision: "ABC@3" → "ABC"."""
    return reference.split("@", 1)[0].strip()


def parse_date(value: Any) -> datetime.date:
    """A CHM date: "2025-01-31", or a timestamp whose first ten characters are one. ValueError else."""
    if not isinstance(value, str) or len(value) < 10:
        raise ValueError(value)
    return datetime.date.fromisoformat(value[:10])


def _itself(data: Any) -> Any:
    return data


@dataclass(frozen=True)
class HarvestProvenance:
    """Where a harvest read the records it imports: resources keep it as their provenance."""

    source: str  # the harvest source's name
    harvested_from: str  # its address
    harvested_at: datetime.datetime  # when the harvest started
    publish: bool = True  # new resources published at once (the source's "publish new records at once")


class RecordInvalid(Exception):
    """A record that cannot be imported; `problems` says everything that is wrong with it."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Mapped:
    """A CHM record read into tsc-hub's terms: the services' data class and the values kept aside."""

    schema: str
    identifier: str
    data: Any
    kept: tuple[KeptTerm, ...] = ()
    warnings: tuple[str, ...] = ()
    publish: bool = True  # a new record is published at once; a harvest may say otherwise

    def same_content(
        self, data: Any, kept: Iterable[KeptTerm], comparable: Callable[[Any], Any] = _itself
    ) -> bool:
        """Whether a stored record (its data and kept terms) already says what this record says."""
        return bool(comparable(self.data) == comparable(data)) and self.kept == tuple(sorted(set(kept)))


@dataclass(frozen=True)
class SchemaMapping:
    """How one CHM schema maps to one of our models, and which services write it.

    By default a record's ``header.identifier`` is its model's ``chm_identifier`` column and the schema
    holds every row of the model; the optional hooks say otherwise (a schema sharing its model with
    another, organisations named through ``chm.ExternalReference``).
    """

    name: str
    model: type[models.Model]
    read: Callable[[Any], Any]  # RecordReader -> data class
    write: Callable[[Any, Any], None]  # (RecordWriter, data class) -> None
    data_of: Callable[[Any], Any]  # stored record -> data class
    create: Callable[[Mapped], Any]
    update: Callable[[Any, Mapped], Any]
    prefetch: tuple[str, ...] = field(default=())
    records: Callable[[], models.QuerySet[Any]] | None = None  # the rows of this schema (default: all)
    find: Callable[[str], Any] | None = None  # the row a header.identifier names (default: chm_identifier)
    identifier_of: Callable[[Any, Any], str] | None = None  # (row, ExportContext) -> header.identifier
    created: Callable[[Any, Mapped], None] | None = None  # after a row is created by an import
    comparable: Callable[[Any], Any] = _itself  # what "already stored" compares (e.g. not a harvest time)

    def queryset(self) -> models.QuerySet[Any]:
        return self.records() if self.records is not None else self.model._default_manager.all()

    def stored(self, identifier: str) -> Any:
        """The row a header.identifier names, or None."""
        if self.find is not None:
            return self.find(identifier)
        return self.model._default_manager.filter(chm_identifier=identifier).first()

    @property
    def keeps_chm_identifier(self) -> bool:
        """Whether rows keep header.identifier in `chm_identifier` (export gives one to those without)."""
        return self.identifier_of is None
