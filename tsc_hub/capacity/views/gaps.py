"""The gap view: GBF targets × regions, and the lists of offers and provider profiles behind its numbers."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tsc_hub.capacity.gaps import build_gap_matrix, columns_for, offers_counted, profiles_counted
from tsc_hub.capacity.models import Grouping
from tsc_hub.core.languages import pick_text
from tsc_hub.offers.validation import GBF_TARGETS
from tsc_hub.vocabularies.models import Term


def grouping_of(value: str | None) -> str:
    """The grouping asked for, or CBD regional groups when none or an unknown one is asked for."""
    return value if value in Grouping.values else Grouping.CBD_GROUP


def gaps(request: HttpRequest) -> HttpResponse:
    """Open needs against current activities, open offers and provider profiles, by GBF target and region."""
    grouping = grouping_of(request.GET.get("by"))
    matrix = build_gap_matrix(grouping=grouping)
    rows = [
        (row, [(cell, urlencode({"gbf_target": row.target, grouping: cell.region})) for cell in row.cells])
        for row in matrix.rows
    ]
    context = {"matrix": matrix, "rows": rows, "groupings": Grouping.choices, "grouping": grouping}
    return render(request, "capacity/gaps.html", context)


def _cell(request: HttpRequest) -> dict[str, Any]:
    """The GBF target and region of a cell, from the query string; 404 when either is unknown."""
    target = (
        Term.objects.in_vocabulary(GBF_TARGETS).filter(identifier=request.GET.get("gbf_target", "")).first()
    )
    grouping = next((name for name in Grouping.values if request.GET.get(name)), None)
    if target is None or grouping is None:
        raise Http404
    column = next((c for c in columns_for(grouping) if c.key == request.GET[grouping]), None)
    if column is None:
        raise Http404
    label = f"{target.notation} {pick_text(target.short_labels or target.labels).text}".strip()
    return {"target": target, "target_label": label, "grouping": grouping, "region": column}


def gap_offers(request: HttpRequest) -> HttpResponse:
    """The open offers one cell of the gap view counts."""
    cell = _cell(request)
    offers = offers_counted(
        target=cell["target"].identifier, grouping=cell["grouping"], region=cell["region"].key
    )
    records = offers.select_related("primary_organisation")
    return render(request, "capacity/gap_records.html", {**cell, "records": records, "kind": "offers"})


def gap_profiles(request: HttpRequest) -> HttpResponse:
    """The published provider profiles one cell of the gap view counts."""
    cell = _cell(request)
    profiles = profiles_counted(
        target=cell["target"].identifier, grouping=cell["grouping"], region=cell["region"].key
    )
    records = profiles.select_related("organisation")
    return render(request, "capacity/gap_records.html", {**cell, "records": records, "kind": "profiles"})
