"""Pages of the support centres."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tsc_hub.centres.models import SupportCentre


def centre_list(request: HttpRequest) -> HttpResponse:
    """Every centre with its host and the Parties it serves."""
    centres = (
        SupportCentre.objects.visible_to(request.user)
        .select_related("host", "host__country")
        .prefetch_related("parties_served")
    )
    return render(request, "centres/list.html", {"centres": centres})
