"""The demo network: a subregional support centre in each of the 16 subregions (all 196 Parties served,
some Parties by two centres) and the global coordination entity (data/centres.json)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from tsc_hub.centres.models import CentreKind, Subregion, SupportCentre
from tsc_hub.centres.services import CentreDetails, save_centre
from tsc_hub.organisations.models import Organisation

DATA = Path(__file__).parent / "data" / "centres.json"
# "<kind of centre> — <subregion>", in each language.
CENTRE_NAME = {
    "en": "Subregional support centre — {}",
    "fr": "Centre d’appui sous-régional — {}",
    "es": "Centro de apoyo subregional — {}",
    "ru": "Субрегиональный центр поддержки — {}",
    "ar": "مركز الدعم دون الإقليمي — {}",
    "zh": "次区域支助中心 — {}",
}


def seed_centres(organisations: dict[str, Organisation]) -> tuple[dict[str, SupportCentre], int]:
    """The demo centres by code, and how many were created."""
    subregions = {s.code: s for s in Subregion.objects.prefetch_related("members")}
    centres: dict[str, SupportCentre] = {}
    created = 0
    for entry in json.loads(DATA.read_text(encoding="utf-8")):
        created += not SupportCentre.objects.filter(code=entry["code"]).exists()
        centres[entry["code"]] = _save(entry, subregions.get(entry.get("subregion", "")), organisations)
    return centres, created


def _save(
    entry: dict[str, Any], subregion: Subregion | None, organisations: dict[str, Organisation]
) -> SupportCentre:
    members = [party.code for party in subregion.members.all()] if subregion else []
    names = entry.get("names") or {
        language: pattern.format(subregion.names.get(language) or subregion.names["en"])
        for language, pattern in CENTRE_NAME.items()
        if subregion is not None
    }
    details = CentreDetails(
        kind=entry.get("kind", CentreKind.SUBREGIONAL),
        subregion=subregion.code if subregion else None,
        co_hosts=[organisations[key].pk for key in entry["co_hosts"]],
        partners=[organisations[key].pk for key in entry["partners"]],
        contacts=entry["contacts"],
        start_date=datetime.date.fromisoformat(entry["start_date"]),
    )
    return save_centre(
        code=entry["code"],
        names=names,
        host=organisations[entry["host"]],
        party_codes=sorted(set(members) | set(entry["also_serves"])),
        by=None,
        details=details,
    )
