"""The three subcommittees set up at the committee's first meeting (SBI/4/7 §34), and the forums of the
whole committee and of each subcommittee, loaded from data/subcommittees.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "subcommittees.json"


def load_subcommittees(subcommittee_model: Any, forum_model: Any) -> int:
    """Create or update the subcommittees and the four forums; the number of subcommittees. Idempotent."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    if not forum_model.objects.filter(subcommittee__isnull=True).exists():
        forum_model.objects.create(subcommittee=None, names=data["committee_forum"])
    for entry in data["subcommittees"]:
        subcommittee, _created = subcommittee_model.objects.update_or_create(
            code=entry["code"], defaults={"names": entry["names"], "order": entry["order"]}
        )
        forum_model.objects.update_or_create(subcommittee=subcommittee, defaults={"names": entry["names"]})
    return len(data["subcommittees"])
