"""API shapes of the accounts app."""

from __future__ import annotations

import datetime

from ninja import Schema
from pydantic import Field


class RoleOut(Schema):
    id: int
    role: str
    role_label: str
    scope_kind: str
    scope: str
    party: str | None
    organisation: int | None
    centre: int | None
    valid_from: datetime.date
    valid_until: datetime.date | None
    active: bool


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    preferred_language: str
    roles: list[RoleOut]
    mfa_enabled: bool


class PersonOut(Schema):
    id: int
    email: str
    display_name: str
    is_active: bool


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=100)
    expires_at: datetime.datetime | None = None


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime.datetime
    expires_at: datetime.datetime | None
    last_used_at: datetime.datetime | None


class TokenCreatedOut(TokenOut):
    token: str = Field(description="The secret; shown only in this response.")


class RoleGrantIn(Schema):
    user_id: int
    role: str
    party: str | None = None
    organisation: int | None = None
    centre: int | None = None
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None


class AuditEventOut(Schema):
    id: int
    at: datetime.datetime
    actor: str = Field(alias="actor_label")
    action: str
    target_type: str
    target_id: str
    target_label: str
    changes: dict[str, object]
