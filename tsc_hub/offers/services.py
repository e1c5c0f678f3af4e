"""Writes about provider profiles and offers: validate everything first, then write in one transaction,
audited. `by=None` is the system (seeding, scheduled jobs, commands): it skips the permission checks.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.accounts import policy
from tsc_hub.accounts.models import RoleAssignment, User
from tsc_hub.accounts.roles import Role
from tsc_hub.core.audit import diff_fields, record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.languages import pick_text
from tsc_hub.core.workflow import IllegalTransition, Transition, Workflow
from tsc_hub.notifications.services import notify
from tsc_hub.offers import permissions
from tsc_hub.offers.models import Offer, ProviderProfile, RecordTransition, RecordType
from tsc_hub.offers.validation import Checked, OfferData, ProfileData, check_offer, check_profile
from tsc_hub.offers.workflow import DRAFT, EDITABLE_STATES, OFFER_WORKFLOW, PROFILE_WORKFLOW

__all__ = [
    "OfferData",
    "ProfileData",
    "create_offer",
    "create_profile",
    "expire_due_offers",
    "transition_offer",
    "transition_profile",
    "update_offer",
    "update_profile",
]


@dataclass(frozen=True)
class _Kind:
    """How the shared write steps apply to one kind of record."""

    record_type: str
    model: type[ProviderProfile] | type[Offer]
    workflow: Workflow
    owner_field: str
    add_permission: str
    change_permission: str
    detail_url: str
    templates: dict[str, str]


PROFILE = _Kind(
    record_type=RecordType.PROFILE,
    model=ProviderProfile,
    workflow=PROFILE_WORKFLOW,
    owner_field="organisation",
    add_permission=permissions.ADD_PROFILE,
    change_permission=permissions.CHANGE_PROFILE,
    detail_url="offers:profile_detail",
    templates={
        "submit": gettext_noop("The provider profile “%(title)s” was submitted for review."),
        "publish": gettext_noop("Your provider profile “%(title)s” was published."),
        "return": gettext_noop("Your provider profile “%(title)s” was returned to you: %(reason)s"),
    },
)
OFFER = _Kind(
    record_type=RecordType.OFFER,
    model=Offer,
    workflow=OFFER_WORKFLOW,
    owner_field="primary_organisation",
    add_permission=permissions.ADD_OFFER,
    change_permission=permissions.CHANGE_OFFER,
    detail_url="offers:detail",
    templates={
        "submit": gettext_noop("The offer “%(title)s” was submitted for review."),
        "publish": gettext_noop("Your offer “%(title)s” was published."),
        "return": gettext_noop("Your offer “%(title)s” was returned to you: %(reason)s"),
        "expire": gettext_noop(
            "The application deadline of your offer “%(title)s” has passed; it has expired."
        ),
    },
)
_SKIPPED = {"id", "version", "state", "created_by", "created_at", "updated_at"}


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


def _may_at_all(by: User, permission: str) -> bool:
    """Whether the person holds, somewhere, a role granting the permission (before any data is read)."""
    return RoleAssignment.objects.active().filter(user=by, role__in=policy.roles_allowed(permission)).exists()


def _link(kind: _Kind, record: models.Model) -> str:
    """The record's page without a language prefix: the site adds the reader's language when followed."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(kind.detail_url, args=[record.pk])
    return path.removeprefix(f"/{settings.LANGUAGE_CODE}")


def _history(
    kind: _Kind, record: models.Model, step: tuple[str, str, str], by: User | None, reason: str
) -> None:
    source, target, action = step
    RecordTransition.objects.create(
        record_type=kind.record_type,
        record_id=record.pk,
        from_state=source,
        to_state=target,
        action=action,
        by=by,
        reason=reason,
    )


def _write_relations(record: models.Model, checked: Checked) -> None:
    for name, items in checked.relations.items():
        getattr(record, name).set(items)


def _create(kind: _Kind, checked: Checked, by: User | None) -> Any:
    record = kind.model(**checked.values, state=DRAFT, created_by=by)
    if by is not None and not by.has_perm(kind.add_permission, record):
        raise PermissionDenied(_("You may not create records for this organisation."))
    record.save()
    _write_relations(record, checked)
    _history(kind, record, ("", DRAFT, "create"), by, "")
    record_event(actor=by, action=f"create_{kind.record_type}", target=record, changes=_snapshot(record))
    return record


def _locked(kind: _Kind, record: models.Model) -> Any:
    return kind.model._default_manager.select_for_update().select_related(kind.owner_field).get(pk=record.pk)


def _check_editable(kind: _Kind, record: Any, by: User | None, expected_version: int) -> None:
    if by is not None and not by.has_perm(kind.change_permission, record):
        raise PermissionDenied(_("You may not change this record."))
    if record.state not in EDITABLE_STATES:
        raise Conflict(_("A withdrawn or expired record can no longer be changed."), code="record_closed")
    if record.version != expected_version:
        raise Conflict(
            _(
                "Someone changed this record after you opened it (version %(current)s, yours %(yours)s). "
                "Reload it and make your change again."
            )
            % {"current": record.version, "yours": expected_version},
            code="stale_version",
        )


def _update(kind: _Kind, current: Any, checked: Checked, expected_version: int, by: User | None) -> Any:
    before = _snapshot(current)
    for name, value in checked.values.items():
        setattr(current, name, value)
    if by is not None and not by.has_perm(kind.change_permission, current):
        raise PermissionDenied(_("You may not give this record to that organisation."))
    claimed = kind.model._default_manager.filter(pk=current.pk, version=expected_version).update(
        version=expected_version + 1
    )
    if claimed != 1:
        raise Conflict(_("Someone changed this record at the same time; reload it."), code="stale_version")
    current.version = expected_version + 1
    current.save()
    _write_relations(current, checked)
    changes = diff_fields(before, _snapshot(current))
    record_event(actor=by, action=f"update_{kind.record_type}", target=current, changes=changes)
    return current


def _reviewers_of(record: Any) -> Any:
    """Coordination staff, and the help desk officers of the centres serving the record's country."""
    country = record.owner().country_id
    held = RoleAssignment.objects.active().filter(
        Q(role=Role.COORDINATION_STAFF) | Q(role=Role.HELPDESK_OFFICER, centre__parties_served=country)
    )
    return User.objects.filter(pk__in=held.values("user_id"))


def _notify(kind: _Kind, record: Any, step: Transition, by: User | None, reason: str) -> None:
    template = kind.templates.get(step.action)
    if template is None:
        return
    if step.action == "submit":
        recipients = list(_reviewers_of(record))
    else:
        recipients = [record.created_by] if record.created_by is not None else []
    params = {"title": pick_text(record.title, original=record.original_language).text, "reason": reason}
    notify(
        recipients=recipients,
        template=template,
        params=params,
        url=_link(kind, record),
        target=record,
        exclude=by,
    )


def _transition(kind: _Kind, record: models.Model, action: str, by: User | None, reason: str) -> Any:
    current = _locked(kind, record)
    step = kind.workflow.find(current.state, action)
    if by is not None and not step.roles & policy.roles_held_for(by, current):
        raise PermissionDenied(
            _("Your roles do not allow you to “%(action)s” this record.") % {"action": action}
        )
    if step.needs_reason and not reason.strip():
        message = _("Say why, so that the provider knows what to change.")
        raise InvalidInput(message, fields={"reason": [message]})
    source = current.state
    current.state, current.version = step.target, current.version + 1
    current.save(update_fields=["state", "version", "updated_at"])
    _history(kind, current, (source, step.target, action), by, reason.strip())
    changes = {"state": [source, step.target], "reason": reason.strip()}
    record_event(actor=by, action=f"{action}_{kind.record_type}", target=current, changes=changes)
    _notify(kind, current, step, by, reason.strip())
    return current


def _forbid_outsiders(by: User | None, permission: str) -> None:
    if by is not None and not _may_at_all(by, permission):
        raise PermissionDenied(_("Your roles do not allow you to do this. Providers and help desks can."))


@transaction.atomic
def create_profile(*, data: ProfileData, by: User | None) -> ProviderProfile:
    """Describe a provider of assistance, as a draft. Its providers, help desks and staff may."""
    _forbid_outsiders(by, PROFILE.add_permission)
    return _create(PROFILE, check_profile(data), by)


@transaction.atomic
def update_profile(
    *, profile: ProviderProfile, data: ProfileData, expected_version: int, by: User | None
) -> ProviderProfile:
    """Change a profile that was not changed since `expected_version` (else Conflict, 409)."""
    current = _locked(PROFILE, profile)
    _check_editable(PROFILE, current, by, expected_version)
    checked = check_profile(data, current)
    return _update(PROFILE, current, checked, expected_version, by)


@transaction.atomic
def transition_profile(
    *, record: ProviderProfile, action: str, by: User | None, reason: str = ""
) -> ProviderProfile:
    """Move a profile along its workflow (submit, publish, return, withdraw)."""
    return _transition(PROFILE, record, action, by, reason)


@transaction.atomic
def create_offer(*, data: OfferData, by: User | None) -> Offer:
    """Describe a cooperation opportunity, as a draft. Its providers, help desks and staff may."""
    _forbid_outsiders(by, OFFER.add_permission)
    return _create(OFFER, check_offer(data), by)


@transaction.atomic
def update_offer(*, offer: Offer, data: OfferData, expected_version: int, by: User | None) -> Offer:
    """Change an offer that was not changed since `expected_version` (else Conflict, 409)."""
    current = _locked(OFFER, offer)
    _check_editable(OFFER, current, by, expected_version)
    checked = check_offer(data, current)
    return _update(OFFER, current, checked, expected_version, by)


@transaction.atomic
def transition_offer(*, record: Offer, action: str, by: User | None, reason: str = "") -> Offer:
    """Move an offer along its workflow (submit, publish, return, withdraw; expire is for the system)."""
    return _transition(OFFER, record, action, by, reason)


@transaction.atomic
def expire_due_offers(*, today: datetime.date | None = None) -> int:
    """Expire every published offer whose application deadline is before `today`; returns how many."""
    expired = 0
    for offer_id in list(Offer.objects.due_to_expire(today).order_by("pk").values_list("pk", flat=True)):
        try:
            _transition(OFFER, Offer(pk=offer_id), "expire", None, "")
        except IllegalTransition:  # withdrawn meanwhile by someone else: nothing to expire
            continue
        expired += 1
    return expired
