"""The search page: one box over resources, requests, offers, providers and projects, with facets."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.languages import NATIVE_NAMES, pick_text
from tsc_hub.geography.models import CbdRegionalGroup, Party
from tsc_hub.knowledge.states import ResourceKind
from tsc_hub.search.backends import search
from tsc_hub.search.documents import FACETS
from tsc_hub.search.interface import SearchQuery, SearchResults
from tsc_hub.vocabularies.models import Term

MAX_QUERY = 500
KIND_LABELS = {
    "resource": _("Resources"),
    "request": _("Requests for assistance"),
    "offer": _("Opportunities"),
    "profile": _("Providers"),
    "project": _("Projects"),
}
FACET_LABELS = {
    "kind": _("Kind"),
    "subkind": _("Kind of resource"),
    "gbf_target": _("GBF target"),
    "subject": _("CBD subject"),
    "region": _("Regional group"),
    "country": _("Country"),
    "language": _("Language"),
    "year": _("Year"),
}


def content_language() -> str:
    language = (get_language() or "en").lower()
    return "zh" if language.startswith("zh") else language[:2]


def query_from(request: HttpRequest) -> SearchQuery:
    """The query in the URL: q, facet filters (repeatable), sort, page, all (search in all languages)."""
    params = request.GET
    filters = {facet: params.getlist(facet)[:20] for facet in FACETS if params.getlist(facet)}
    every = params.get("all") == "1"
    page = params.get("page", "1")
    return SearchQuery(
        text=params.get("q", "")[:MAX_QUERY],
        filters=filters,
        languages=None if every else [content_language()],
        all_languages=every,
        sort="date" if params.get("sort") == "date" else "relevance",
        page=int(page) if page.isdigit() and len(page) < 6 else 1,
    )


def _label(facet: str, value: str, names: dict[str, str]) -> str:
    """A facet value as a person reads it, in the page's language (the value itself when unknown)."""
    if facet == "kind":
        return str(KIND_LABELS.get(value, value))
    if facet == "subkind" and value in ResourceKind.values:
        return str(ResourceKind(value).label)
    if facet == "region" and value in CbdRegionalGroup.values:
        return str(CbdRegionalGroup(value).label)
    if facet == "language":
        return NATIVE_NAMES.get(value, value)
    return names.get(value, value)


def _names(results: SearchResults) -> dict[str, str]:
    """Names of the vocabulary terms and countries among the facet values, in the page's language."""
    values = {value for pairs in results.facets.values() for value, _count in pairs}
    names = {
        term.identifier: pick_text(term.short_labels or term.labels).text
        for term in Term.objects.filter(identifier__in=values)
    }
    countries = {value for value, _count in results.facets.get("country", [])}
    names.update({party.code: str(party) for party in Party.objects.filter(code__in=countries)})
    return names


def facet_rows(results: SearchResults, query: SearchQuery, base: dict[str, Any]) -> list[dict[str, Any]]:
    """Each facet's values with counts, whether chosen, and the link that toggles them."""
    names = _names(results)
    rows = []
    for facet in FACETS:
        chosen = set(query.filters.get(facet, []))
        values = []
        for value, count in results.facets.get(facet, [])[:12]:
            selected = value in chosen
            toggled = sorted(chosen - {value}) if selected else sorted(chosen | {value})
            link = {**base, facet: toggled, "page": "1"}
            values.append(
                {"value": value, "label": _label(facet, value, names), "count": count, "selected": selected,
                 "url": "?" + urlencode(link, doseq=True)}
            )  # fmt: skip
        if values:
            rows.append({"facet": facet, "label": FACET_LABELS.get(facet, facet), "values": values})
    return rows


def search_page(request: HttpRequest) -> HttpResponse:
    """Results for the query in the URL, facets, highlighted snippets, sorting and paging."""
    query = query_from(request)
    results = search(query) if query.text.strip() or query.filters else None
    base: dict[str, Any] = {"q": query.text, **{f: list(v) for f, v in query.filters.items()}}
    if query.all_languages:
        base["all"] = "1"
    if query.sort == "date":
        base["sort"] = "date"
    context = {
        "query": query,
        "results": results,
        "facets": facet_rows(results, query, base) if results else [],
        "kind_labels": {key: str(label) for key, label in KIND_LABELS.items()},
        "base": urlencode(base, doseq=True),
        "page_base": urlencode({k: v for k, v in base.items() if k != "page"}, doseq=True),
    }
    return render(request, "search/results.html", context)
