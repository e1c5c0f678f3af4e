"""API shapes of notifications."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema


class NotificationOut(Schema):
    id: int
    text: str
    url: str
    target_type: str
    target_id: str
    created_at: datetime.datetime
    read_at: datetime.datetime | None

    @staticmethod
    def resolve_text(obj: Any) -> str:
        return str(obj.text())


class PreferenceIn(Schema):
    email_mode: str


class PreferenceOut(Schema):
    email_mode: str
