"""Reads of the audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser, AnonymousUser


class AuditEventQuerySet(models.QuerySet[Any]):
    """Audit events; bulk updates and deletes are refused to keep the log append-only."""

    def for_target(self, target_type: str, target_id: object) -> AuditEventQuerySet:
        return self.filter(target_type=target_type, target_id=str(target_id))

    def visible_to(self, user: AbstractUser | AnonymousUser) -> AuditEventQuerySet:
        """Platform administrators and coordination staff read the whole log; others what they did."""
        # Roles live in accounts, above core: Django's has_perm reaches the role policy
        # through the accounts authentication backend without core importing it.
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("core.read_audit_log"):
            return self
        return self.filter(actor=user)

    def update(self, **kwargs: Any) -> int:
        from tsc_hub.core.models import AppendOnlyError

        raise AppendOnlyError("audit events cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        from tsc_hub.core.models import AppendOnlyError

        raise AppendOnlyError("audit events cannot be deleted")
