"""Writes about capacity needs and activities: validate everything first, then write in one transaction,
audited. `by=None` is the system (seeding, commands): it skips the permission checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tsc_hub.accounts import policy
from tsc_hub.accounts.models import RoleAssignment, User
from tsc_hub.capacity import permissions
from tsc_hub.capacity.models import ActivityStatus, CapacityActivity, CapacityNeed, NeedStatus
from tsc_hub.capacity.validation import ActivityData, Checked, NeedData, check_activity, check_need
from tsc_hub.core.audit import diff_fields, record_event
from tsc_hub.core.exceptions import Conflict, PermissionDenied

__all__ = [
    "ActivityData",
    "NeedData",
    "close_activity",
    "close_need",
    "create_activity",
    "create_need",
    "update_activity",
    "update_need",
]


@dataclass(frozen=True)
class _Kind:
    """How the shared write steps apply to one kind of record."""

    name: str  # in audit actions: create_capacity_need ...
    model: type[CapacityNeed] | type[CapacityActivity]
    owner_field: str
    add_permission: str
    change_permission: str
    closed_status: str
    not_allowed: Promise


NEED = _Kind(
    name="capacity_need",
    model=CapacityNeed,
    owner_field="party",
    add_permission=permissions.ADD_NEED,
    change_permission=permissions.CHANGE_NEED,
    closed_status=NeedStatus.MET,
    not_allowed=gettext_lazy(
        "Your roles do not allow you to record capacity needs. National focal points (for their own "
        "Party) and coordination staff can."
    ),
)
ACTIVITY = _Kind(
    name="capacity_activity",
    model=CapacityActivity,
    owner_field="organisation",
    add_permission=permissions.ADD_ACTIVITY,
    change_permission=permissions.CHANGE_ACTIVITY,
    closed_status=ActivityStatus.COMPLETED,
    not_allowed=gettext_lazy(
        "Your roles do not allow you to record capacity-building activities. Members and providers of "
        "an organisation, help desks and coordination staff can."
    ),
)
_SKIPPED = {"id", "version", "created_by", "created_at", "updated_at", "status_changed_at"}


def _snapshot(record: models.Model) -> dict[str, Any]:
    """The record's content, with related objects as identifiers (for the audit log)."""
    values: dict[str, Any] = {}
    for model_field in record._meta.get_fields():
        if model_field.name in _SKIPPED or model_field.auto_created:
            continue
        if model_field.many_to_many:
            related = getattr(record, model_field.name).all()
            values[model_field.name] = sorted(str(getattr(item, "identifier", item.pk)) for item in related)
        elif model_field.concrete:
            values[model_field.name] = model_field.value_from_object(record)  # type: ignore[union-attr]
    return values


def _forbid_outsiders(kind: _Kind, by: User | None) -> None:
    """Refuse at once a person who holds no role granting the permission anywhere."""
    if by is None:
        return
    roles = policy.roles_allowed(kind.add_permission)
    if not RoleAssignment.objects.active().filter(user=by, role__in=roles).exists():
        raise PermissionDenied(kind.not_allowed)


def _write_relations(record: models.Model, checked: Checked) -> None:
    for name, items in checked.relations.items():
        getattr(record, name).set(items)


def _create(kind: _Kind, checked: Checked, by: User | None) -> Any:
    record = kind.model(**checked.values, created_by=by)
    if by is not None and not by.has_perm(kind.add_permission, record):
        raise PermissionDenied(_("You may not record this for that Party or organisation."))
    record.save()
    _write_relations(record, checked)
    record_event(actor=by, action=f"create_{kind.name}", target=record, changes=_snapshot(record))
    return record


def _locked(kind: _Kind, record: models.Model) -> Any:
    return kind.model._default_manager.select_for_update().select_related(kind.owner_field).get(pk=record.pk)


def _check_changeable(kind: _Kind, current: Any, by: User | None, expected_version: int) -> None:
    if by is not None and not by.has_perm(kind.change_permission, current):
        raise PermissionDenied(_("You may not change this record."))
    if current.status == kind.closed_status:
        raise Conflict(_("This record is closed and can no longer be changed."), code="record_closed")
    if current.version != expected_version:
        raise Conflict(
            _(
                "Someone changed this record after you opened it (version %(current)s, yours %(yours)s). "
                "Reload it and make your change again."
            )
            % {"current": current.version, "yours": expected_version},
            code="stale_version",
        )


def _claim_version(kind: _Kind, current: Any, expected_version: int) -> None:
    """Move the version on, or refuse when another write got there first."""
    claimed = kind.model._default_manager.filter(pk=current.pk, version=expected_version).update(
        version=expected_version + 1
    )
    if claimed != 1:
        raise Conflict(_("Someone changed this record at the same time; reload it."), code="stale_version")
    current.version = expected_version + 1


def _update(
    kind: _Kind, record: Any, check: Callable[[], Checked], expected_version: int, by: User | None
) -> Any:
    current = _locked(kind, record)
    _check_changeable(kind, current, by, expected_version)
    checked = check()  # after the permission check: outsiders learn nothing about the rules
    before = _snapshot(current)
    if checked.values.get("status") != current.status:
        current.status_changed_at = timezone.now()
    for name, value in checked.values.items():
        setattr(current, name, value)
    if by is not None and not by.has_perm(kind.change_permission, current):
        raise PermissionDenied(_("You may not give this record to that Party or organisation."))
    _claim_version(kind, current, expected_version)
    current.save()
    _write_relations(current, checked)
    changes = diff_fields(before, _snapshot(current))
    record_event(actor=by, action=f"update_{kind.name}", target=current, changes=changes)
    return current


def _close(kind: _Kind, record: Any, expected_version: int, by: User | None) -> Any:
    current = _locked(kind, record)
    _check_changeable(kind, current, by, expected_version)
    source = current.status
    _claim_version(kind, current, expected_version)
    current.status, current.status_changed_at = kind.closed_status, timezone.now()
    current.save(update_fields=["status", "status_changed_at", "version", "updated_at"])
    changes = {"status": [source, kind.closed_status]}
    record_event(actor=by, action=f"close_{kind.name}", target=current, changes=changes)
    return current


@transaction.atomic
def create_need(*, data: NeedData, by: User | None) -> CapacityNeed:
    """Record a capacity need of a Party; public at once. Its focal points and coordination staff may."""
    _forbid_outsiders(NEED, by)
    return _create(NEED, check_need(data), by)


@transaction.atomic
def update_need(
    *, need: CapacityNeed, data: NeedData, expected_version: int, by: User | None
) -> CapacityNeed:
    """Change a need not changed since `expected_version` (else Conflict, 409); a met need is closed."""
    return _update(NEED, need, lambda: check_need(data), expected_version, by)


@transaction.atomic
def close_need(*, need: CapacityNeed, expected_version: int, by: User | None) -> CapacityNeed:
    """Mark a need as met; it can no longer be changed."""
    return _close(NEED, need, expected_version, by)


@transaction.atomic
def create_activity(*, data: ActivityData, by: User | None) -> CapacityActivity:
    """Record a planned or ongoing capacity-building activity of an organisation; public at once."""
    _forbid_outsiders(ACTIVITY, by)
    return _create(ACTIVITY, check_activity(data), by)


@transaction.atomic
def update_activity(
    *, activity: CapacityActivity, data: ActivityData, expected_version: int, by: User | None
) -> CapacityActivity:
    """Change an activity not changed since `expected_version` (else Conflict, 409)."""
    return _update(ACTIVITY, activity, lambda: check_activity(data), expected_version, by)


@transaction.atomic
def close_activity(*, activity: CapacityActivity, expected_version: int, by: User | None) -> CapacityActivity:
    """Mark an activity as completed; it can no longer be changed."""
    return _close(ACTIVITY, activity, expected_version, by)
