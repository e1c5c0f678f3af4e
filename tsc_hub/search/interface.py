"""The search interface: a query, its results, and the protocol every backend implements."""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from django.utils.safestring import SafeString

from tsc_hub.core.languages import NATIVE_NAMES, RTL_LANGUAGES

Sort = Literal["relevance", "date"]
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class SearchQuery:
    """What a person asked for.

    `filters` maps a facet (see documents.FACETS) to values, any of which may match; facets combine with
    AND, as do `kinds`. `languages` are the preferred languages, in order: results are in these languages
    only (None: any), and a record found in several languages is shown once, in the first preferred one.
    `all_languages` searches every language but still shows each record in its preferred language, and
    adds, after the word matches, records related in meaning in any language (tsc_hub.search.semantic).
    Without words, filters alone list the records that have them, newest first.
    """

    text: str
    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)
    kinds: Sequence[str] = ()
    languages: Sequence[str] | None = None
    sort: Sort = "relevance"
    page: int = 1
    per_page: int = 20
    all_languages: bool = False

    @property
    def safe_page(self) -> int:
        return max(1, int(self.page))

    @property
    def safe_per_page(self) -> int:
        return min(MAX_PER_PAGE, max(1, int(self.per_page)))


@dataclass(frozen=True)
class Hit:
    """One result: the record's language version that matched, with matches marked in safe HTML."""

    key: str
    kind: str
    subkind: str
    language: str
    title_html: SafeString
    snippet_html: SafeString
    url: str
    date: datetime.date | None
    score: float  # engine-specific (bm25 or ts_rank), only its order means something; 0 when sorted by date
    related: bool = False  # found by meaning, not by its words (search in all languages)

    @property
    def language_name(self) -> str:
        """The language of this version, named in itself."""
        return NATIVE_NAMES.get(self.language, self.language)

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr', for the hit's dir attribute."""
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True)
class SearchResults:
    """A page of hits, the total, and facet counts over all hits (not just the page).

    `facets` maps each facet having values among the hits to (value, count) pairs, most frequent first.

    When more than the backend's `max_hits` documents match, `total_exact` is False: `total` is a lower
    bound, and hits and facet counts come from the first `max_hits` matches in index order.
    `corrections` maps a word that matched nothing to the known words it was widened to.
    """

    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    took_ms: float
    total_exact: bool = True
    page: int = 1
    per_page: int = 20
    corrections: dict[str, list[str]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return math.ceil(self.total / self.per_page) if self.total else 0

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def start_index(self) -> int:
        """The 1-based position of the first hit on this page (0 when there is none)."""
        return (self.page - 1) * self.per_page + 1 if self.hits else 0

    @classmethod
    def empty(cls, query: SearchQuery, took_ms: float = 0.0) -> SearchResults:
        return cls(0, [], {}, took_ms, page=query.safe_page, per_page=query.safe_per_page)


class SearchBackend(Protocol):
    """A full-text engine behind the one interface."""

    vendor: str

    def search(self, query: SearchQuery) -> SearchResults:
        """Answer a query; never raises on user input."""
        ...
