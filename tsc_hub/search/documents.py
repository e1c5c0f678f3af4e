"""What the index holds (one `Document` per language version of a record) and where documents come from.

Sources are registered by `tsc_hub.search.sources` (search sits above the apps whose records it indexes).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# Facets the engine counts. kind, subkind, language and year are derived from the document itself.
FACETS: tuple[str, ...] = (
    "kind",
    "subkind",
    "gbf_target",
    "subject",
    "region",
    "country",
    "language",
    "year",
)
DERIVED_FACETS = frozenset({"kind", "subkind", "language", "year"})
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


class InvalidDocument(ValueError):
    """A source produced a document the index cannot hold (a programming error in that source)."""


@dataclass(frozen=True, kw_only=True)
class Document:
    """One language version of a published record, as the index sees it.

    `key` is "<kind>:<object id>" and is shared by the language versions of one record; `facets` maps
    gbf_target, subject, region and country (or any other lower-case name) to values.
    """

    key: str  # "resource:12"
    kind: str  # "resource", "request", "offer", "profile", "project"
    subkind: str = ""  # e.g. the resource kind "case_study"
    language: str
    title: str
    body: str
    url: str
    date: datetime.date | None = None
    facets: dict[str, list[str]] = field(default_factory=dict)

    def facet_pairs(self) -> list[tuple[str, str]]:
        """Every (facet, value) of the document, derived facets included, without duplicates."""
        pairs = {("kind", self.kind), ("language", self.language)}
        if self.subkind:
            pairs.add(("subkind", self.subkind))
        if self.date is not None:
            pairs.add(("year", str(self.date.year)))
        for name, values in self.facets.items():
            if name not in DERIVED_FACETS:
                pairs.update((name, str(value)) for value in values if str(value))
        return sorted(pairs)

    def validate(self) -> None:
        """Raise InvalidDocument unless the document is well formed."""
        if not _NAME.match(self.kind) or not self.key.startswith(f"{self.kind}:") or len(self.key) > 200:
            raise InvalidDocument(f"key {self.key!r} must be '<kind>:<id>' for kind {self.kind!r}")
        if not re.match(r"^[a-z]{2,3}(-[a-z0-9]+)?$", self.language):
            raise InvalidDocument(f"{self.key}: language {self.language!r} is not a language code")
        for name, value in self.facet_pairs():
            if not _NAME.match(name) or len(value) > 200 or "\x00" in value:
                raise InvalidDocument(f"{self.key}: facet {name}={value!r} is not allowed")


def record_key(kind: str, object_id: int | str) -> str:
    """The key shared by the language versions of one record."""
    return f"{kind}:{object_id}"


@dataclass(frozen=True)
class Source:
    """Where the documents of one kind come from: all of them (rebuild) or one record's (reindex)."""

    kind: str
    all_documents: Callable[[], Iterable[Document]]
    documents_for: Callable[[int], list[Document]]


_SOURCES: dict[str, Source] = {}


def register_source(
    kind: str,
    all_documents: Callable[[], Iterable[Document]],
    documents_for: Callable[[int], list[Document]],
) -> None:
    """Make a kind of record searchable. Call from AppConfig.ready(); registering a kind again replaces it.

    `all_documents()` yields every published document of the kind; `documents_for(object_id)` returns the
    current documents of one record ([] when it is no longer published).
    """
    if not _NAME.match(kind):
        raise InvalidDocument(f"kind {kind!r} must be lower-case letters, digits and underscores")
    _SOURCES[kind] = Source(kind, all_documents, documents_for)


def sources() -> list[Source]:
    """The registered sources, by kind."""
    return [_SOURCES[kind] for kind in sorted(_SOURCES)]


def source_for(kind: str) -> Source | None:
    """The source of a kind, if registered."""
    return _SOURCES.get(kind)
