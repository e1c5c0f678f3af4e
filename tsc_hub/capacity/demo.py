"""Demo capacity needs and activities for the Parties and organisations of the demo data set.

A record whose title (in its original language) is already there for the same Party or organisation is
left as it is, so running the seed again creates nothing. Records go through the services as the system.
Activities of demo organisations that do not exist (yet) are skipped.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from tsc_hub.capacity.models import CapacityActivity, CapacityNeed
from tsc_hub.capacity.services import (
    ActivityData,
    NeedData,
    close_activity,
    close_need,
    create_activity,
    create_need,
)
from tsc_hub.organisations.models import Organisation

DATA = Path(__file__).resolve().parent / "data" / "demo.json"
# Demo organisations as the demo app writes them: (country, original language, name in that language).
ORGANISATIONS = {
    "kws": ("ke", "en", "Kenya Wildlife Service"),
    "humboldt": ("co", "es", "Instituto de Investigación de Recursos Biológicos Alexander von Humboldt"),
    "kib": ("cn", "zh", "中国科学院昆明植物研究所"),
    "ird": ("fr", "fr", "Institut de recherche pour le développement"),
    "rscn": ("jo", "ar", "الجمعية الملكية لحماية الطبيعة"),
    "cse": ("sn", "fr", "Centre de suivi écologique"),
    "sprep": ("ws", "en", "Secretariat of the Pacific Regional Environment Programme"),
    "wcmc": ("gb", "en", "UN Environment Programme World Conservation Monitoring Centre"),
    "birdlife": ("gb", "en", "BirdLife International"),
    "ib-kg": ("kg", "ru", "Институт биологии Национальной академии наук Кыргызской Республики"),
}


def _load(name: str) -> list[dict[str, Any]]:
    return list(json.loads(DATA.read_text(encoding="utf-8"))[name])


def _need_data(spec: dict[str, Any]) -> NeedData:
    start, end = spec["years"]
    status = spec.get("status", "open")
    return NeedData(
        party=spec["party"],
        title={spec["lang"]: spec["title"]},
        description={spec["lang"]: spec["description"]},
        gbf_targets=spec["targets"],
        cbd_subjects=spec["subjects"],
        priority=spec["priority"],
        capacity_type=spec["type"],
        start_year=start,
        end_year=end,
        status="open" if status == "met" else status,  # a need is met by closing it
        original_language=spec["lang"],
    )


def _seed_needs() -> int:
    created = 0
    for spec in _load("needs"):
        key = {"party_id": spec["party"], f"title__{spec['lang']}": spec["title"]}
        if CapacityNeed.objects.filter(**key).exists():
            continue
        need = create_need(data=_need_data(spec), by=None)
        if spec.get("status") == "met":
            close_need(need=need, expected_version=need.version, by=None)
        created += 1
    return created


def _organisation(key: str) -> Organisation | None:
    country, language, name = ORGANISATIONS[key]
    return Organisation.objects.filter(country_id=country, **{f"names__{language}": name}).first()


def _activity_data(spec: dict[str, Any], organisation: Organisation, language: str) -> ActivityData:
    today = timezone.localdate()
    start, end = (today + datetime.timedelta(days=offset) for offset in spec["days"])
    return ActivityData(
        organisation=organisation.pk,
        title=spec["title"],
        description=spec["description"],
        gbf_targets=spec["targets"],
        countries=spec.get("countries", []),
        regions=spec.get("regions", []),
        status="ongoing" if spec["status"] == "completed" else spec["status"],
        start_date=start,
        end_date=end,
        beneficiaries=spec.get("beneficiaries", {}),
        link=spec.get("link", ""),
        original_language=language,
    )


def _seed_activities() -> int:
    created = 0
    for spec in _load("activities"):
        organisation = _organisation(spec["org"])
        language = next(iter(spec["title"]))
        if organisation is None:
            continue
        key = {f"title__{language}": spec["title"][language]}
        if CapacityActivity.objects.filter(organisation=organisation, **key).exists():
            continue
        activity = create_activity(data=_activity_data(spec, organisation, language), by=None)
        if spec["status"] == "completed":
            close_activity(activity=activity, expected_version=activity.version, by=None)
        created += 1
    return created


@transaction.atomic
def seed_capacity() -> dict[str, int]:
    """Create the demo capacity needs and activities that are missing; returns how many of each."""
    return {"capacity_needs": _seed_needs(), "capacity_activities": _seed_activities()}
