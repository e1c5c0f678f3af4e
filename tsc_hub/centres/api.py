"""Read API of the support-centre network (public)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.centres.models import Subregion, SupportCentre
from tsc_hub.centres.schemas import CentreOut, SubregionOut
from tsc_hub.core.exceptions import NotFound

router = Router(tags=["centres"])
RELATED = ("parties_served", "co_hosts", "partners")


@router.get("", response=list[CentreOut], summary="Support centres")
@paginate(LimitOffsetPagination)
def list_centres(request: HttpRequest, serving: str | None = None) -> Any:
    centres = (
        SupportCentre.objects.visible_to(request.user).select_related("subregion").prefetch_related(*RELATED)
    )
    if serving:
        centres = centres.serving(serving)
    return centres


@router.get("/subregions", response=list[SubregionOut], summary="Subregions of the network")
def list_subregions(request: HttpRequest) -> Any:
    return Subregion.objects.visible_to(request.user).prefetch_related("members")


@router.get("/{code}", response=CentreOut, summary="One support centre")
def get_centre(request: HttpRequest, code: str) -> Any:
    centre = (
        SupportCentre.objects.visible_to(request.user)
        .select_related("subregion")
        .prefetch_related(*RELATED)
        .filter(code=code)
        .first()
    )
    if centre is None:
        raise NotFound(_("No such support centre."))
    return centre
