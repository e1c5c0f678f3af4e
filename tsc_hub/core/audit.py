"""Writing to the audit log. Every service calls `record_event` inside its transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from tsc_hub.core.models import AuditEvent


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, models.Model):
        return str(value.pk)
    return str(value)


def diff_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The fields whose values differ, as {"field": [old, new]}."""
    return {
        key: [_jsonable(before.get(key)), _jsonable(after.get(key))]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def record_event(
    *, actor: Any, action: str, target: models.Model, changes: dict[str, Any] | None = None
) -> AuditEvent:
    """Append one event: `actor` (a user or None for the system) did `action` to `target`."""
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if is_person else None,
        actor_label=(getattr(actor, "email", "") or str(actor)) if is_person else "system",
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:255],
        changes=_jsonable(changes or {}),
    )
