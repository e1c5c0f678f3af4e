"""Pages of the network: the overview, work plans, annual reports, the space, scoring, tickets."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tsc_hub.network.models import AnnualReport, WorkPlan
from tsc_hub.network.permissions import in_space, reads_all
from tsc_hub.network.views.common import my_centres


def index(request: HttpRequest) -> HttpResponse:
    """What the reader may see of the network, with the ways into the parts for staff."""
    context = {
        "plans": WorkPlan.objects.visible_to(request.user).select_related("centre")[:10],
        "reports": AnnualReport.objects.visible_to(request.user).select_related("centre")[:10],
        "in_space": in_space(request.user),
        "sees_scores": reads_all(request.user) or bool(my_centres(request.user)),
    }
    return render(request, "network/index.html", context)
