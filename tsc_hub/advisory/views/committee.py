"""The committee's overview, its members (with contacts) and the composition check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tsc_hub.advisory.access import require_committee
from tsc_hub.advisory.models import Forum, Meeting, Subcommittee
from tsc_hub.advisory.permissions import current_term, is_coordination
from tsc_hub.advisory.services import check_composition
from tsc_hub.advisory.views.common import domain_pages
from tsc_hub.advisory.views.members import members_page
from tsc_hub.geography.models import CbdRegionalGroup


@login_required
@domain_pages
def index(request: HttpRequest) -> HttpResponse:
    """Where a member starts: forums, subcommittees, meetings."""
    require_committee(request.user)
    context = {
        "forums": Forum.objects.visible_to(request.user).select_related("subcommittee"),
        "subcommittees": Subcommittee.objects.all(),
        "meetings": Meeting.objects.visible_to(request.user).select_related("subcommittee")[:10],
        "term": current_term(request.user),
        "coordination": is_coordination(request.user),
    }
    return render(request, "advisory/index.html", context)


@login_required
@domain_pages
def members(request: HttpRequest) -> HttpResponse:
    """The current members with their contacts, nominators, regions, terms and subcommittees; for the
    coordination also former members and the appointment form."""
    require_committee(request.user)
    return members_page(request)


@login_required
@domain_pages
def composition(request: HttpRequest) -> HttpResponse:
    """The composition check: Parties against organisations, regional and gender balance."""
    require_committee(request.user)
    result = check_composition()
    regions = [(CbdRegionalGroup(code).label, count) for code, count in result.regions.items()]
    return render(request, "advisory/composition.html", {"result": result, "regions": regions})
