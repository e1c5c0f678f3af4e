"""The search API: the search page's query and answer as JSON. Public, like the published records it finds."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from tsc_hub.accounts.auth import ANYONE
from tsc_hub.search.backends import search
from tsc_hub.search.interface import SearchQuery
from tsc_hub.search.schemas import SearchIn, SearchOut

router = Router(tags=["search"])


@router.get("", response=SearchOut, auth=ANYONE, summary="Search every published record")
def search_records(request: HttpRequest, params: Query[SearchIn]) -> Any:
    """Words and facet filters as on the search page. Without words, the filters list their records,
    newest first; with neither, nothing is found."""
    results = search(
        SearchQuery(
            text=params.q,
            filters=params.filters(),
            languages=params.lang or None,
            all_languages=params.all,
            sort=params.sort,
            page=params.page,
            per_page=params.per_page,
        )
    )
    return {
        "total": results.total,
        "total_exact": results.total_exact,
        "page": results.page,
        "per_page": results.per_page,
        "took_ms": results.took_ms,
        "corrections": results.corrections,
        "facets": {
            name: [{"value": value, "count": count} for value, count in pairs]
            for name, pairs in results.facets.items()
        },
        "hits": [dataclasses.asdict(hit) for hit in results.hits],
    }
