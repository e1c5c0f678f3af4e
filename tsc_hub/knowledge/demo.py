"""Demo resources: about thirty published records of every kind, written in the six UN languages.

Each has a CHM identifier such as "demo-resource-01"; a record already there is left as it is, so seeding
again creates nothing. Records go through `save_imported_resource` as the system, published at once.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.services import save_imported_resource
from tsc_hub.knowledge.validation import ResourceData
from tsc_hub.organisations.models import Organisation

DATA = Path(__file__).resolve().parent / "data" / "demo_resources.json"
SOURCE = "tsc-hub-demo"


def _entries() -> list[dict[str, Any]]:
    return list(json.loads(DATA.read_text(encoding="utf-8"))["resources"])


def _owner(spec: list[str] | None) -> int | None:
    """The demo organisation with this acronym in this country, when the demo organisations are there."""
    if not spec:
        return None
    acronym, country = spec
    found = Organisation.objects.filter(acronym=acronym, country_id=country).values_list("pk", flat=True)
    return found.first()


def _day(entry: dict[str, Any], name: str, today: datetime.date) -> datetime.date | None:
    offset = entry.get(f"{name}_in_days")
    return today + datetime.timedelta(days=offset) if offset is not None else None


def _data(entry: dict[str, Any], today: datetime.date) -> ResourceData:
    identifier = entry["id"]
    return ResourceData(
        kind=entry["kind"],
        title=entry["title"],
        summary=entry.get("summary", {}),
        authors=entry.get("authors", []),
        owner=_owner(entry.get("org")),
        publication_date=datetime.date.fromisoformat(entry["date"]) if entry.get("date") else None,
        links=[{"url": f"https://example.org/knowledge/{identifier}", "name": "", "language": entry["lang"]}],
        resource_languages=entry.get("languages", []),
        cbd_subjects=entry.get("subjects", []),
        gbf_targets=entry.get("targets", []),
        countries=entry.get("countries", []),
        regions=entry.get("regions", []),
        keywords=entry.get("keywords", []),
        rights=entry.get("rights", ""),
        start_date=_day(entry, "start", today),
        end_date=_day(entry, "end", today),
        deadline=_day(entry, "deadline", today),
        source=SOURCE,
        original_identifier=identifier,
        chm_identifier=identifier,
        original_language=entry["lang"],
    )


@transaction.atomic
def seed_resources() -> int:
    """Create the demo resources that are not there yet; returns how many were created."""
    today = timezone.localdate()
    existing = set(Resource.objects.filter(source=SOURCE).values_list("chm_identifier", flat=True))
    created = 0
    for entry in _entries():
        if entry["id"] in existing:
            continue
        save_imported_resource(data=_data(entry, today), publish=True)
        created += 1
    return created
