"""One filter for request lists, used by the pages and the API."""

from __future__ import annotations

from typing import Any

from tsc_hub.assistance.querysets import AssistanceRequestQuerySet


def filter_requests(requests: AssistanceRequestQuerySet, params: dict[str, Any]) -> AssistanceRequestQuerySet:
    """State, country, centre, GBF target, overdue only."""
    if params.get("state"):
        requests = requests.in_state(str(params["state"]))
    if params.get("country"):
        requests = requests.for_country(str(params["country"]))
    if params.get("centre"):
        requests = requests.filter(centre__code=params["centre"])
    if params.get("gbf_target"):
        requests = requests.filter(gbf_targets__identifier=params["gbf_target"]).distinct()
    if params.get("overdue"):
        requests = requests.filter(pk__in=requests.overdue().values("pk"))
    return requests
