"""Read API of support centres (public)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.centres.models import SupportCentre
from tsc_hub.centres.schemas import CentreOut
from tsc_hub.core.exceptions import NotFound

router = Router(tags=["centres"])


@router.get("", response=list[CentreOut], summary="Support centres")
@paginate(LimitOffsetPagination)
def list_centres(request: HttpRequest, serving: str | None = None) -> Any:
    centres = SupportCentre.objects.visible_to(request.user).prefetch_related("parties_served")
    if serving:
        centres = centres.serving(serving)
    return centres


@router.get("/{code}", response=CentreOut, summary="One support centre")
def get_centre(request: HttpRequest, code: str) -> Any:
    centre = (
        SupportCentre.objects.visible_to(request.user)
        .prefetch_related("parties_served")
        .filter(code=code)
        .first()
    )
    if centre is None:
        raise NotFound(_("No such support centre."))
    return centre
