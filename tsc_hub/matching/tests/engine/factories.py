"""CHM records for the engine tests, as plain dicts."""

from __future__ import annotations

from typing import Any


def request(identifier: str = "REQ-1", country: str = "ke", **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "header": {"identifier": identifier, "schema": "bbiRequest", "languages": ["en"]},
        "country": {"identifier": country},
        "title": {"en": "Mangrove restoration"},
        "problem": {"en": "Our coastal mangroves are degraded and we need restoration methods."},
    }
    record.update(fields)
    return record


def offer(identifier: str = "OFF-1", areas: tuple[str, ...] = ("ke",), **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "header": {"identifier": identifier, "schema": "bbiOpportunity", "languages": ["en"]},
        "title": {"en": "Mangrove restoration training"},
        "description": {"en": "Training on coastal mangrove restoration methods."},
        "areasBenifited": [{"identifier": area} for area in areas],
    }
    record.update(fields)
    return record


def profile(identifier: str = "PRO-1", areas: tuple[str, ...] = ("ke",), **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "header": {"identifier": identifier, "schema": "bbiProfile", "languages": ["en"]},
        "title": {"en": "Coastal ecology experts"},
        "suggestedExpertise": {"en": "Mangrove ecology and restoration"},
        "coverageAreas": [{"identifier": area} for area in areas],
    }
    record.update(fields)
    return record
