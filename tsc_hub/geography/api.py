"""API endpoints of the geography app: public reads of Parties and CHM region terms."""

# No `from __future__ import annotations`: django-ninja reads the parameter types at import time.
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.core.exceptions import NotFound
from tsc_hub.geography.filters import filter_parties
from tsc_hub.geography.models import CbdRegionalGroup, Party, Region, RegionKind
from tsc_hub.geography.schemas import PartyDetail, PartyOut, RegionDetail, RegionOut

router = Router(tags=["geography"])


@router.get("", response=list[PartyOut], summary="Parties to the Convention, filtered")
@paginate(LimitOffsetPagination)
def list_parties(
    request: HttpRequest,
    cbd_group: Annotated[CbdRegionalGroup | None, Query(description="CBD regional group")] = None,
    subregion: Annotated[str | None, Query(description="UN M49 subregion code, e.g. 014")] = None,
    ldc: Annotated[bool | None, Query(description="Least developed countries (true) or not")] = None,
    sids: Annotated[bool | None, Query(description="Small island developing States (true) or not")] = None,
    region: Annotated[str | None, Query(description="A CHM region term GUID: its member Parties")] = None,
) -> Any:
    """Filters combine: `region` is a CHM region term GUID, `subregion` a UN M49 code such as 014."""
    params = {"cbd_group": cbd_group, "subregion": subregion, "ldc": ldc, "sids": sids, "region": region}
    return filter_parties(Party.objects.visible_to(request.user), params)


# The region routes come before /{code} so "regions" is not read as a Party code.
@router.get("/regions", response=list[RegionOut], summary="CHM region terms")
@paginate(LimitOffsetPagination)
def list_regions(request: HttpRequest, kind: RegionKind | None = None) -> Any:
    regions = Region.objects.visible_to(request.user).with_member_count()
    return regions.filter(kind=kind) if kind else regions


@router.get("/regions/{identifier}", response=RegionDetail, summary="One CHM region term and its members")
def get_region(request: HttpRequest, identifier: str) -> Region:
    found = (
        Region.objects.visible_to(request.user)
        .by_identifier(identifier)
        .with_member_count()
        .prefetch_related("members")
        .first()
    )
    if found is None:
        raise NotFound(_("No such region."))
    return found


@router.get("/{code}", response=PartyDetail, summary="One Party and the region terms that cover it")
def get_party(request: HttpRequest, code: str) -> Party:
    found = (
        Party.objects.visible_to(request.user).filter(code=code.lower()).prefetch_related("regions").first()
    )
    if found is None:
        raise NotFound(_("No such Party."))
    return found
