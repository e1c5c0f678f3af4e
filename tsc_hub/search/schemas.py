"""What the search API answers: a page of hits with highlighted HTML, facet counts and corrections."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from tsc_hub.search.documents import FACETS
from tsc_hub.search.interface import MAX_PER_PAGE
from tsc_hub.search.query import MAX_QUERY_CHARS

FACET_HELP = "Any of these values (repeat the parameter)"


class SearchIn(Schema):
    """The query string of GET /search."""

    q: str = Field("", description=f'Words; "a phrase" in quotes; cut after {MAX_QUERY_CHARS} characters')
    kind: list[str] = Field(default_factory=list, description=FACET_HELP)
    subkind: list[str] = Field(default_factory=list, description=FACET_HELP)
    gbf_target: list[str] = Field(default_factory=list, description=FACET_HELP)
    subject: list[str] = Field(default_factory=list, description=FACET_HELP)
    region: list[str] = Field(default_factory=list, description=FACET_HELP)
    country: list[str] = Field(default_factory=list, description=FACET_HELP)
    language: list[str] = Field(default_factory=list, description=FACET_HELP)
    year: list[str] = Field(default_factory=list, description=FACET_HELP)
    lang: list[str] = Field(default_factory=list, description="Preferred languages, in order (default: any)")
    all: bool = Field(False, description="Search every language and add records related in meaning")
    sort: Literal["relevance", "date"] = "relevance"
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)

    def filters(self) -> dict[str, list[str]]:
        return {name: values for name in FACETS if (values := getattr(self, name))}


class HitOut(Schema):
    key: str = Field(description='The record, "<kind>:<id>"; its language versions share it')
    kind: str = Field(description="resource, request, offer, profile or project")
    subkind: str = Field(description="The kind of resource, when the record is one")
    language: str = Field(description="The language of the version shown")
    title_html: str = Field(description="The title, HTML-escaped, matches in <mark>")
    snippet_html: str = Field(description="A passage of the text, HTML-escaped, matches in <mark>")
    url: str
    date: datetime.date | None
    score: float = Field(description="Only its order means something; 0 when sorted by date")
    related: bool = Field(description="Found by meaning in another language, not by its words")


class FacetValueOut(Schema):
    value: str
    count: int


class SearchOut(Schema):
    total: int = Field(description="How many records match (a lower bound when total_exact is false)")
    total_exact: bool
    page: int
    per_page: int
    took_ms: float
    corrections: dict[str, list[str]] = Field(description="A word that matched nothing → the words searched")
    facets: dict[str, list[FacetValueOut]] = Field(description="Per facet, its values among the matches")
    hits: list[HitOut]
