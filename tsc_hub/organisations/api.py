"""API of the organisations app: public reads, writes for people whose roles allow them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts.auth import ANYONE, SIGNED_IN
from tsc_hub.core.exceptions import NotFound
from tsc_hub.organisations import services
from tsc_hub.organisations.filters import filter_organisations
from tsc_hub.organisations.models import Organisation
from tsc_hub.organisations.schemas import OrganisationIn, OrganisationOut

router = Router(tags=["organisations"])


def _get(request: HttpRequest, organisation_id: int) -> Organisation:
    found = Organisation.objects.visible_to(request.user).shown_by_id(organisation_id)
    if found is None:
        raise NotFound(_("No such organisation."))
    return found


@router.get("", response=list[OrganisationOut], auth=ANYONE, summary="Organisations, filtered")
@paginate(LimitOffsetPagination)
def list_organisations(
    request: HttpRequest,
    q: str | None = None,
    country: str | None = None,
    organisation_type: str | None = None,
    gbf_target: str | None = None,
) -> Any:
    organisations = (
        Organisation.objects.visible_to(request.user).with_related().prefetch_related("operational_regions")
    )
    params = {"q": q, "country": country, "organisation_type": organisation_type, "gbf_target": gbf_target}
    return filter_organisations(organisations, params)


@router.get("/{organisation_id}", response=OrganisationOut, auth=ANYONE, summary="One organisation")
def get_organisation(request: HttpRequest, organisation_id: int) -> Organisation:
    return _get(request, organisation_id)


@router.post("", response={201: OrganisationOut}, auth=SIGNED_IN, summary="Register an organisation")
def create_organisation(request: HttpRequest, payload: OrganisationIn) -> Status[Organisation]:
    data = services.OrganisationData(**payload.dict())
    organisation = services.create_organisation(data=data, by=request.user)
    return Status(201, _get(request, organisation.pk))


@router.put("/{organisation_id}", response=OrganisationOut, auth=SIGNED_IN, summary="Replace an organisation")
def update_organisation(request: HttpRequest, organisation_id: int, payload: OrganisationIn) -> Organisation:
    organisation = _get(request, organisation_id)
    data = services.OrganisationData(**payload.dict())
    services.update_organisation(organisation=organisation, data=data, by=request.user)
    return _get(request, organisation_id)
