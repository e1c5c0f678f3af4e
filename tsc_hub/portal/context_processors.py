"""Values every page needs: navigation, the language switcher, direction."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tsc_hub.core.languages import NATIVE_NAMES, content_language
from tsc_hub.notifications.models import Notification


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The language list for the switcher, in each language's own name."""
    current = content_language()
    from tsc_hub.core.languages import django_language

    user = getattr(request, "user", None)
    unread = Notification.objects.visible_to(user).unread().count() if user and user.is_authenticated else 0
    return {
        "unread_notifications": unread,
        "ui_languages": [
            {"code": django_language(code), "name": name, "content_code": code, "current": code == current}
            for code, name in NATIVE_NAMES.items()
        ],
        "content_language": current,
    }
