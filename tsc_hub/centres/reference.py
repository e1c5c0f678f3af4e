"""Loading the subregions the project ships (data/subregions.json): upserted by code, members set from the
`select` rules (any rule, each as in geography's regions.json). Works with the live models and with the
historical models of a data migration."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from django.db import models, transaction

from tsc_hub.geography.reference import read_parties, select_members


def read_subregions() -> list[dict[str, Any]]:
    text = resources.files("tsc_hub.centres").joinpath("data", "subregions.json").read_text(encoding="utf-8")
    subregions: list[dict[str, Any]] = json.loads(text)["subregions"]
    return subregions


def subregion_members(entry: dict[str, Any], parties: list[dict[str, Any]]) -> set[str]:
    """The Party codes any of the entry's rules selects."""
    return set().union(*(select_members(rule, parties) for rule in entry["select"]))


@transaction.atomic
def load_subregions(subregion_model: type[models.Model] | None = None) -> int:
    """Create or update every shipped subregion and its members; returns how many there are."""
    if subregion_model is None:
        from tsc_hub.centres.models import Subregion

        subregion_model = Subregion
    parties = read_parties()
    manager: Any = subregion_model._default_manager
    entries = read_subregions()
    for entry in entries:
        subregion, _ = manager.update_or_create(code=entry["code"], defaults={"names": entry["names"]})
        subregion.members.set(sorted(subregion_members(entry, parties)))
    return len(entries)
