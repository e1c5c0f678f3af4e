"""Loading the evaluation frameworks the project ships (data/*.json): upserted by code, phases by number,
criteria by code. Works with the live models and with the historical models of a data migration."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from django.db import transaction

FRAMEWORK_FILES = ("subregional-hosts.json", "global-coordination-host.json")


def read_frameworks() -> list[dict[str, Any]]:
    """The shipped frameworks, as written in the JSON files."""
    folder = resources.files("tsc_hub.hosting").joinpath("data")
    return [json.loads(folder.joinpath(name).read_text(encoding="utf-8")) for name in FRAMEWORK_FILES]


@transaction.atomic
def load_frameworks(models: tuple[Any, Any, Any] | None = None) -> int:
    """Create or update every shipped framework (models: Framework, Phase, Criterion); returns how many."""
    if models is None:
        from tsc_hub.hosting.models import Criterion, Framework, Phase

        models = (Framework, Phase, Criterion)
    framework_model, phase_model, criterion_model = models
    entries = read_frameworks()
    for entry in entries:
        low, high = entry["scale"]
        framework, _ = framework_model._default_manager.update_or_create(
            code=entry["code"],
            defaults={
                "kind": entry["kind"],
                "names": entry["names"],
                "description": entry.get("description", {}),
                "scale_min": low,
                "scale_max": high,
            },
        )
        for phase_entry in entry["phases"]:
            phase, _ = phase_model._default_manager.update_or_create(
                framework=framework,
                number=phase_entry["number"],
                defaults={"names": phase_entry["names"], "cutoff": phase_entry["cutoff"]},
            )
            for position, item in enumerate(phase_entry["criteria"], 1):
                criterion_model._default_manager.update_or_create(
                    phase=phase,
                    code=item["code"],
                    defaults={
                        "names": item["names"],
                        "guidance": item.get("guidance", {}),
                        "weight": item["weight"],
                        "position": position,
                    },
                )
    return len(entries)
