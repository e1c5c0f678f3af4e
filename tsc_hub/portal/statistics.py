"""Figures for the public statistics page, computed from live records (no cached numbers)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q

from tsc_hub.centres.models import SupportCentre
from tsc_hub.geography.models import CbdRegionalGroup, Party
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term


@dataclass(frozen=True)
class GroupRow:
    """One CBD regional group: its Parties, how many a centre serves, how many organisations it has."""

    code: str
    label: str
    parties: int
    ldc: int
    sids: int
    served: int
    organisations: int


def _served() -> Exists:
    return Exists(SupportCentre.parties_served.through.objects.filter(party_id=OuterRef("pk")))


def rows_by_group(user: Any) -> list[GroupRow]:
    """Parties, LDC, SIDS, Parties served by a centre and organisations, per CBD regional group."""
    parties = Party.objects.visible_to(user).annotate(served=_served())
    figures = {
        row["cbd_group"]: row
        for row in parties.values("cbd_group").annotate(
            total=Count("pk"),
            ldc=Count("pk", filter=Q(is_ldc=True)),
            sids=Count("pk", filter=Q(is_sids=True)),
            served_count=Count("pk", filter=Q(served=True)),
        )
    }
    organisations = dict(
        Organisation.objects.visible_to(user)
        .values_list("country__cbd_group")
        .annotate(total=Count("pk"))
        .values_list("country__cbd_group", "total")
    )
    groups = [*CbdRegionalGroup.choices, ("", "—")]
    return [
        GroupRow(
            code=code,
            label=str(label),
            parties=figures.get(code, {}).get("total", 0),
            ldc=figures.get(code, {}).get("ldc", 0),
            sids=figures.get(code, {}).get("sids", 0),
            served=figures.get(code, {}).get("served_count", 0),
            organisations=organisations.get(code, 0),
        )
        for code, label in groups
        if figures.get(code) or organisations.get(code)
    ]


def organisations_by_type(user: Any) -> list[tuple[Any, int]]:
    """Organisation types with the number of organisations of each, most first."""
    counts = dict(
        Organisation.objects.visible_to(user)
        .values_list("organisation_type")
        .annotate(total=Count("pk"))
        .values_list("organisation_type", "total")
    )
    types = Term.objects.filter(pk__in=counts)
    return sorted(((term, counts[term.pk]) for term in types), key=lambda pair: -pair[1])
