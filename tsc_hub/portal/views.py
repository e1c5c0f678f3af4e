"""Home page and liveness probe."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from tsc_hub.centres.models import SupportCentre
from tsc_hub.geography.models import Party
from tsc_hub.organisations.models import Organisation
from tsc_hub.portal.statistics import organisations_by_type, rows_by_group
from tsc_hub.vocabularies.models import Term


def home(request: HttpRequest) -> HttpResponse:
    """What the platform does and for whom, with the way into each area."""
    context = {
        "party_count": Party.objects.visible_to(request.user).count(),
        "organisation_count": Organisation.objects.visible_to(request.user).count(),
        "centre_count": SupportCentre.objects.visible_to(request.user).count(),
        "target_count": Term.objects.in_vocabulary("GBF-TARGETS").count(),
    }
    return render(request, "portal/home.html", context)


def statistics(request: HttpRequest) -> HttpResponse:
    """Public figures from live records: Parties and centre coverage by group, organisations by type."""
    rows = rows_by_group(request.user)
    context = {
        "rows": rows,
        "totals": {
            name: sum(getattr(row, name) for row in rows)
            for name in ("parties", "ldc", "sids", "served", "organisations")
        },
        "by_type": organisations_by_type(request.user),
    }
    return render(request, "portal/statistics.html", context)


def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up (no dependency is checked: that is readiness)."""
    return JsonResponse({"status": "ok"})
