"""Loading the performance criteria shipped in data/criteria.json (idempotent: by code)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CRITERIA_FILE = Path(__file__).resolve().parent / "data" / "criteria.json"


def shipped_criteria() -> list[dict[str, Any]]:
    """The criteria as shipped: code, weight, position, names and descriptions."""
    loaded: list[dict[str, Any]] = json.loads(CRITERIA_FILE.read_text(encoding="utf-8"))
    return loaded


def load_criteria(model: Any = None) -> int:
    """Create or update the shipped criteria; returns how many were written. `model` lets a data
    migration pass its historical model."""
    if model is None:
        from tsc_hub.network.models import PerformanceCriterion

        model = PerformanceCriterion
    for row in shipped_criteria():
        defaults = {key: row.get(key, {}) for key in ("names", "descriptions")}
        defaults.update(weight=row["weight"], position=row["position"], active=True)
        model.objects.update_or_create(code=row["code"], defaults=defaults)
    return len(shipped_criteria())
