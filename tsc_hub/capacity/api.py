"""API of the capacity app: needs under /needs, activities under /activities, the gap matrix at /gaps.

Reads are public; writes need a signed-in person whose roles allow them. Errors are problem+json.
"""

from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts.auth import ANYONE, SIGNED_IN, signed_in_user
from tsc_hub.capacity import services
from tsc_hub.capacity.filters import filter_activities, filter_needs
from tsc_hub.capacity.gaps import build_gap_matrix
from tsc_hub.capacity.models import CapacityActivity, CapacityNeed
from tsc_hub.capacity.schemas import (
    CapacityActivityIn,
    CapacityActivityOut,
    CapacityActivityUpdateIn,
    CapacityCloseIn,
    CapacityGapMatrixOut,
    CapacityNeedIn,
    CapacityNeedOut,
    CapacityNeedUpdateIn,
)
from tsc_hub.core.exceptions import NotFound

router = Router(tags=["capacity"])


def _need(request: HttpRequest, need_id: int) -> Any:
    found = CapacityNeed.objects.visible_to(request.user).with_related().filter(pk=need_id).first()
    if found is None:
        raise NotFound(_("No such capacity need."))
    return found


def _activity(request: HttpRequest, activity_id: int) -> Any:
    found = CapacityActivity.objects.visible_to(request.user).with_related().filter(pk=activity_id).first()
    if found is None:
        raise NotFound(_("No such capacity-building activity."))
    return found


@router.get("/needs", response=list[CapacityNeedOut], auth=ANYONE, summary="Capacity needs, filtered")
@paginate(LimitOffsetPagination)
def list_needs(
    request: HttpRequest,
    party: str | None = None,
    gbf_target: str | None = None,
    cbd_subject: str | None = None,
    status: str | None = None,
    priority: str | None = None,
    capacity_type: str | None = None,
    cbd_group: str | None = None,
    m49_subregion: str | None = None,
    q: str | None = None,
) -> Any:
    params = {
        "party": party,
        "gbf_target": gbf_target,
        "cbd_subject": cbd_subject,
        "status": status,
        "priority": priority,
        "capacity_type": capacity_type,
        "cbd_group": cbd_group,
        "m49_subregion": m49_subregion,
        "q": q,
    }
    return filter_needs(CapacityNeed.objects.visible_to(request.user).with_related(), params)


@router.get("/needs/{need_id}", response=CapacityNeedOut, auth=ANYONE, summary="One capacity need")
def get_need(request: HttpRequest, need_id: int) -> Any:
    return _need(request, need_id)


@router.post("/needs", response={201: CapacityNeedOut}, auth=SIGNED_IN, summary="Record a capacity need")
def create_need(request: HttpRequest, payload: CapacityNeedIn) -> Status[Any]:
    need = services.create_need(data=services.NeedData(**payload.dict()), by=signed_in_user(request))
    return Status(201, _need(request, need.pk))


@router.put("/needs/{need_id}", response=CapacityNeedOut, auth=SIGNED_IN, summary="Replace a capacity need")
def update_need(request: HttpRequest, need_id: int, payload: CapacityNeedUpdateIn) -> Any:
    values = payload.dict()
    version = values.pop("version")
    services.update_need(
        need=_need(request, need_id),
        data=services.NeedData(**values),
        expected_version=version,
        by=signed_in_user(request),
    )
    return _need(request, need_id)


@router.post("/needs/{need_id}/close", response=CapacityNeedOut, auth=SIGNED_IN, summary="Mark a need as met")
def close_need(request: HttpRequest, need_id: int, payload: CapacityCloseIn) -> Any:
    services.close_need(
        need=_need(request, need_id), expected_version=payload.version, by=signed_in_user(request)
    )
    return _need(request, need_id)


@router.get(
    "/activities", response=list[CapacityActivityOut], auth=ANYONE, summary="Capacity-building activities"
)
@paginate(LimitOffsetPagination)
def list_activities(
    request: HttpRequest,
    organisation: int | None = None,
    country: str | None = None,
    gbf_target: str | None = None,
    cbd_subject: str | None = None,
    status: str | None = None,
    cbd_group: str | None = None,
    m49_subregion: str | None = None,
    q: str | None = None,
) -> Any:
    params = {
        "organisation": organisation,
        "country": country,
        "gbf_target": gbf_target,
        "cbd_subject": cbd_subject,
        "status": status,
        "cbd_group": cbd_group,
        "m49_subregion": m49_subregion,
        "q": q,
    }
    return filter_activities(CapacityActivity.objects.visible_to(request.user).with_related(), params)


@router.get("/activities/{activity_id}", response=CapacityActivityOut, auth=ANYONE, summary="One activity")
def get_activity(request: HttpRequest, activity_id: int) -> Any:
    return _activity(request, activity_id)


@router.post("/activities", response={201: CapacityActivityOut}, auth=SIGNED_IN, summary="Record an activity")
def create_activity(request: HttpRequest, payload: CapacityActivityIn) -> Status[Any]:
    data = services.ActivityData(**payload.dict())
    activity = services.create_activity(data=data, by=signed_in_user(request))
    return Status(201, _activity(request, activity.pk))


@router.put(
    "/activities/{activity_id}", response=CapacityActivityOut, auth=SIGNED_IN, summary="Replace an activity"
)
def update_activity(request: HttpRequest, activity_id: int, payload: CapacityActivityUpdateIn) -> Any:
    values = payload.dict()
    version = values.pop("version")
    services.update_activity(
        activity=_activity(request, activity_id),
        data=services.ActivityData(**values),
        expected_version=version,
        by=signed_in_user(request),
    )
    return _activity(request, activity_id)


@router.post(
    "/activities/{activity_id}/close",
    response=CapacityActivityOut,
    auth=SIGNED_IN,
    summary="Mark an activity as completed",
)
def close_activity(request: HttpRequest, activity_id: int, payload: CapacityCloseIn) -> Any:
    services.close_activity(
        activity=_activity(request, activity_id), expected_version=payload.version, by=signed_in_user(request)
    )
    return _activity(request, activity_id)


@router.get(
    "/gaps",
    response=CapacityGapMatrixOut,
    auth=ANYONE,
    url_name="capacity_gaps",
    summary="Open needs against activities, offers and providers, by GBF target and region",
)
def gap_matrix(request: HttpRequest, by: Literal["cbd_group", "m49_subregion"] = "cbd_group") -> Any:
    return build_gap_matrix(grouping=by)
