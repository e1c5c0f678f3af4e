"""A country's page for national portals (its requests, projects, resources, opportunities, focal points and
support centre) and an embeddable widget a Bioland site can paste: the latest opportunities and resources
for the country, in the language of the URL."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt

from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.centres.models import SupportCentre
from tsc_hub.geography.models import Party
from tsc_hub.knowledge.models import Resource
from tsc_hub.offers.models import Offer
from tsc_hub.projects.models import Project

LATEST = 10
WIDGET_LATEST = 5


def _party(code: str) -> Party:
    party = Party.objects.filter(code=code.strip().lower()).first()
    if party is None:
        raise Http404(_("No such Party."))
    return party


def _opportunities(party: Party, count: int) -> list[Any]:
    return list(
        Offer.objects.open()
        .serving(party.code)
        .select_related("primary_organisation")
        .order_by("application_deadline", "-updated_at")[:count]
    )


def _resources(party: Party, count: int) -> list[Any]:
    return list(Resource.objects.published().for_country(party.code).order_by("-published_at", "-id")[:count])


def country_page(request: HttpRequest, code: str) -> HttpResponse:
    """Everything the platform holds about one Party, as the reader may see it."""
    party = _party(code)
    focal_points = (
        RoleAssignment.objects.active()
        .filter(role="national_focal_point", party=party)
        .select_related("user")
        .order_by("user__display_name")
    )
    context = {
        "party": party,
        "requests": AssistanceRequest.objects.visible_to(request.user)
        .filter(country=party)
        .order_by("-created_at")[:LATEST],
        "projects": Project.objects.visible_to(request.user)
        .filter(request__country=party)
        .select_related("request")
        .order_by("-id")[:LATEST],
        "resources": _resources(party, LATEST),
        "opportunities": _opportunities(party, LATEST),
        "focal_points": [assignment.user for assignment in focal_points],
        "centres": SupportCentre.objects.filter(parties_served=party).order_by("pk"),
        "widget_url": f"{settings.SITE_URL.rstrip('/')}/{get_language()}/countries/{party.code}/widget/",
    }
    return render(request, "portal/country.html", context)


@xframe_options_exempt
def country_widget(request: HttpRequest, code: str) -> HttpResponse:
    """A small page meant for an iframe on a national portal: public records only, links open the site."""
    party = _party(code)
    context = {
        "party": party,
        "opportunities": _opportunities(party, WIDGET_LATEST),
        "resources": _resources(party, WIDGET_LATEST),
        "site": settings.SITE_URL.rstrip("/"),
    }
    return render(request, "portal/widget.html", context)
