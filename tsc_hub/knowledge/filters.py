"""One filter for resources, used by the pages and by the API."""

from __future__ import annotations

from typing import Any

_FILTERS = {
    "q": "title_contains",
    "kind": "of_kind",
    "state": "in_state",
    "gbf_target": "tagged_gbf",
    "cbd_subject": "tagged_subject",
    "country": "for_country",
    "language": "in_language",
}


def filter_resources(resources: Any, params: dict[str, Any]) -> Any:
    """Text in the title, kind, state, GBF target, CBD subject, country (directly or through a region),
    language of the resource, organisation (owner or named)."""
    for name, method in _FILTERS.items():
        value = params.get(name)
        if value:
            resources = getattr(resources, method)(str(value))
    if params.get("organisation"):
        resources = resources.of_organisation(int(params["organisation"]))
    return resources
