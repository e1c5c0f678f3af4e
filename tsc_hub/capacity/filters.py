"""One filter per model, used by the pages and by the API; the gap view links to these filters."""

from __future__ import annotations

from typing import Any

from tsc_hub.capacity.querysets import CURRENT_ACTIVITY_STATES, GROUPINGS

# The activity status filter also takes "current": planned or ongoing (what the gap view counts).
CURRENT = "current"


def _common(records: Any, params: dict[str, Any]) -> Any:
    if params.get("q"):
        records = records.filter(title__icontains=str(params["q"]).strip())
    if params.get("gbf_target"):
        records = records.with_gbf_target(str(params["gbf_target"]))
    if params.get("cbd_subject"):
        records = records.with_cbd_subject(str(params["cbd_subject"]))
    return records


def filter_needs(needs: Any, params: dict[str, Any]) -> Any:
    """Text in the title, Party, GBF target, CBD subject, status, priority, type, and the region of the
    Party (`cbd_group` or `m49_subregion`)."""
    needs = _common(needs, params)
    if params.get("party"):
        needs = needs.of_party(str(params["party"]))
    for name in ("status", "priority", "capacity_type"):
        if params.get(name):
            needs = needs.filter(**{name: str(params[name])})
    for grouping in GROUPINGS:
        if params.get(grouping):
            needs = needs.in_group(grouping, str(params[grouping]))
    return needs


def filter_activities(activities: Any, params: dict[str, Any]) -> Any:
    """Text in the title, organisation, GBF target, CBD subject, status ("current" is planned or ongoing),
    country covered (directly or through a region), and region covered (`cbd_group` or `m49_subregion`)."""
    activities = _common(activities, params)
    if params.get("organisation"):
        activities = activities.of_organisation(int(params["organisation"]))
    if params.get("country"):
        activities = activities.covering(str(params["country"]))
    status = str(params.get("status") or "")
    if status == CURRENT:
        activities = activities.in_status(*CURRENT_ACTIVITY_STATES)
    elif status:
        activities = activities.in_status(status)
    for grouping in GROUPINGS:
        if params.get(grouping):
            activities = activities.covering_group(grouping, str(params[grouping]))
    return activities
