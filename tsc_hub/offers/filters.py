"""One filter per model, used by the pages and by the API."""

from __future__ import annotations

import datetime
from typing import Any


def _common(records: Any, params: dict[str, Any]) -> Any:
    if params.get("q"):
        records = records.filter(title__icontains=str(params["q"]).strip())
    if params.get("state"):
        records = records.in_state(str(params["state"]))
    if params.get("serves"):
        records = records.serving(str(params["serves"]))
    if params.get("assistance_type"):
        records = records.with_assistance_type(str(params["assistance_type"]))
    if params.get("gbf_target"):
        records = records.with_gbf_target(str(params["gbf_target"]))
    if params.get("organisation"):
        records = records.of_organisation(int(params["organisation"]))
    return records


def filter_profiles(profiles: Any, params: dict[str, Any]) -> Any:
    """Text in the title, state, Party served (directly or through a region), assistance type, GBF target."""
    return _common(profiles, params)


def filter_offers(offers: Any, params: dict[str, Any]) -> Any:
    """As for profiles, and `open_on`: offers one can still apply to on that day."""
    offers = _common(offers, params)
    open_on = params.get("open_on")
    if isinstance(open_on, datetime.date):
        offers = offers.open(as_of=open_on)
    return offers
