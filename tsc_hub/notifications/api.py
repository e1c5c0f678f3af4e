"""API of notifications: my inbox and my e-mail preference."""

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts.auth import SIGNED_IN, signed_in_user
from tsc_hub.notifications import services
from tsc_hub.notifications.models import Notification
from tsc_hub.notifications.schemas import NotificationOut, PreferenceIn, PreferenceOut

router = Router(tags=["notifications"], auth=SIGNED_IN)


@router.get("", response=list[NotificationOut], summary="My notifications, newest first")
@paginate(LimitOffsetPagination)
def list_notifications(request: HttpRequest, unread: bool = False) -> Any:
    mine = Notification.objects.visible_to(request.user)
    return mine.unread() if unread else mine


@router.post("/{notification_id}/read", response=dict[str, int], summary="Mark one notification as read")
def read_one(request: HttpRequest, notification_id: int) -> dict[str, int]:
    return {"changed": services.mark_read(user=signed_in_user(request), notification_id=notification_id)}


@router.post("/read-all", response=dict[str, int], summary="Mark all my notifications as read")
def read_all(request: HttpRequest) -> dict[str, int]:
    return {"changed": services.mark_read(user=signed_in_user(request))}


@router.get("/preference", response=PreferenceOut, summary="How notifications reach me by e-mail")
def get_preference(request: HttpRequest) -> PreferenceOut:
    return PreferenceOut(email_mode=services.email_mode_of(signed_in_user(request)))


@router.put("/preference", response=PreferenceOut, summary="Choose immediate, daily or no e-mail")
def put_preference(request: HttpRequest, payload: PreferenceIn) -> PreferenceOut:
    preference = services.set_email_mode(user=signed_in_user(request), email_mode=payload.email_mode)
    return PreferenceOut(email_mode=preference.email_mode)
