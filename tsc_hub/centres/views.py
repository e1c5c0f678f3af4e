"""Pages of the support-centre network: the centres by subregion with the Parties no active centre serves,
and one centre with its host, co-hosts, partners, contacts and Parties."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tsc_hub.centres.models import SupportCentre
from tsc_hub.geography.models import Party


def centre_list(request: HttpRequest) -> HttpResponse:
    """Every centre with its subregion, host, status and the Parties it serves; the unserved Parties."""
    centres = (
        SupportCentre.objects.visible_to(request.user)
        .select_related("host", "host__country", "subregion")
        .prefetch_related("parties_served")
        .order_by("kind", "subregion__code", "code")
    )
    served = SupportCentre.objects.visible_to(request.user).network().active().values("parties_served")
    unserved = Party.objects.exclude(code__in=served).order_by("code")
    return render(request, "centres/list.html", {"centres": centres, "unserved": unserved})


def centre_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One centre, as anyone may see it."""
    centre = (
        SupportCentre.objects.visible_to(request.user)
        .select_related("host", "subregion")
        .prefetch_related("parties_served", "co_hosts", "partners")
        .filter(code=code)
        .first()
    )
    if centre is None:
        raise Http404(_("No such support centre."))
    return render(request, "centres/detail.html", {"centre": centre})
