"""What the committee's services share: who may act and gathered field errors."""

from __future__ import annotations

from typing import Any

from tsc_hub.advisory.permissions import is_coordination
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied


class Problems:
    """Field errors gathered before raising one InvalidInput."""

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.fields.setdefault(name, []).append(message)

    def raise_if_any(self, message: str) -> None:
        if self.fields:
            raise InvalidInput(message, fields=self.fields)


def require_coordination(by: Any, message: str) -> None:
    """Only coordination entity staff (or the system, `by=None`): they are the committee's secretariat."""
    if by is not None and not is_coordination(by):
        raise PermissionDenied(message)
