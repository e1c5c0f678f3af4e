"""One filter for the Party list, used by the page and the API."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tsc_hub.geography.querysets import PartyQuerySet


def filter_parties(parties: PartyQuerySet, params: Mapping[str, Any]) -> PartyQuerySet:
    """Apply the list filters: CBD group, M49 subregion, LDC, SIDS, CHM region term (a GUID).

    Empty values are ignored; `ldc` and `sids` filter only when True or False (None means either).
    """
    if params.get("cbd_group"):
        parties = parties.in_cbd_group(str(params["cbd_group"]))
    if params.get("subregion"):
        parties = parties.in_subregion(str(params["subregion"]))
    if params.get("ldc") is not None:
        parties = parties.filter(is_ldc=bool(params["ldc"]))
    if params.get("sids") is not None:
        parties = parties.filter(is_sids=bool(params["sids"]))
    if params.get("region"):
        parties = parties.in_region(str(params["region"]).strip())
    return parties
