"""Writes about resources: validate everything first, then write in one transaction, audited, with a
revision for every change of content and a transition row for every workflow step.

`by=None` is the system (importers, harvesters, seeding, commands): it skips the permission checks.
`version` counts changes of content; workflow steps do not change it (the transitions keep their own time).
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.accounts import policy
from tsc_hub.accounts.models import RoleAssignment, User
from tsc_hub.accounts.roles import Role
from tsc_hub.core.audit import diff_fields, record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.languages import pick_text
from tsc_hub.core.workflow import Transition
from tsc_hub.knowledge.models import Resource, ResourceRevision, ResourceTransition
from tsc_hub.knowledge.permissions import ADD_RESOURCE, CHANGE_RESOURCE, ResourceScope
from tsc_hub.knowledge.validation import Checked, ResourceData, check_resource
from tsc_hub.knowledge.workflow import DRAFT, EDITABLE_STATES, PUBLISHED, RESOURCE_WORKFLOW
from tsc_hub.notifications.services import notify

__all__ = [
    "ResourceData",
    "create_resource",
    "save_imported_resource",
    "transition_resource",
    "update_resource",
]

# Fields that are state, bookkeeping or provenance of a harvest rather than content.
_NOT_CONTENT = {"id", "version", "state", "published_at", "created_by", "created_at", "updated_at"}
_RELATIONS = ("organisations", "countries", "regions", "cbd_subjects", "gbf_targets")
_MESSAGES = {
    "submit": gettext_noop("The resource “%(title)s” was submitted for review."),
    "publish": gettext_noop("The resource “%(title)s” was published."),
    "return": gettext_noop("The resource “%(title)s” was returned for changes: %(reason)s"),
}


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(values, cls=DjangoJSONEncoder))
    return loaded


def _keys(items: Any) -> list[Any]:
    return sorted(getattr(item, "identifier", item.pk) for item in items)


def content_of(resource: Resource) -> dict[str, Any]:
    """The content of a saved resource as JSON: related objects as identifiers (a revision's content)."""
    values: dict[str, Any] = {}
    for model_field in Resource._meta.concrete_fields:
        if model_field.name not in _NOT_CONTENT:
            values[model_field.attname] = model_field.value_from_object(resource)
    for name in _RELATIONS:
        values[name] = _keys(getattr(resource, name).all())
    return _jsonable(values)


def _content_of_checked(checked: Checked) -> dict[str, Any]:
    """The content a resource would have once `checked` is written (compared with content_of)."""
    values = {name: value for name, value in checked.values.items() if name != "owner"}
    owner = checked.values.get("owner")
    values["owner_id"] = owner.pk if owner is not None else None
    for name in _RELATIONS:
        values[name] = _keys(checked.relations.get(name, []))
    return _jsonable(values)


def _scope_of(checked: Checked) -> ResourceScope:
    owner = checked.values.get("owner")
    parties = {party.pk for party in checked.relations.get("countries", [])}
    if owner is not None:
        parties.add(owner.country_id)
    return ResourceScope(frozenset(parties), frozenset({owner.pk} if owner is not None else ()))


def _require(by: User | None, permission: str, scope: Any, message: str) -> None:
    if by is not None and not by.has_perm(permission, scope):
        raise PermissionDenied(message)


def _forbid_outsiders(by: User | None) -> None:
    """Refuse at once (before any validation) a person whose roles never allow describing resources."""
    allowed = policy.roles_allowed(ADD_RESOURCE)
    if by is not None and not RoleAssignment.objects.active().filter(user=by, role__in=allowed).exists():
        raise PermissionDenied(
            _(
                "Your roles do not allow you to describe resources. Organisations, focal points, help desks "
                "and knowledge hub reviewers can."
            )
        )


def _revise(resource: Resource, by: User | None, note: str) -> None:
    ResourceRevision.objects.create(
        resource=resource, version=resource.version, content=content_of(resource), by=by, note=note[:300]
    )


def _history(resource: Resource, step: tuple[str, str, str], by: User | None, reason: str = "") -> None:
    source, target, action = step
    ResourceTransition.objects.create(
        resource=resource, action=action, from_state=source, to_state=target, by=by, reason=reason
    )


def _insert(checked: Checked, by: User | None, *, state: str, action: str) -> Resource:
    resource = Resource(**checked.values, state=state, created_by=by)
    if state == PUBLISHED:
        resource.published_at = timezone.now()
    resource.save()
    for name in _RELATIONS:
        getattr(resource, name).set(checked.relations.get(name, []))
    _revise(resource, by, "")
    _history(resource, ("", state, action), by)
    record_event(actor=by, action=f"{action}_resource", target=resource, changes=content_of(resource))
    return resource


def _locked(resource: Resource) -> Resource:
    return Resource.objects.select_for_update().get(pk=resource.pk)


def _check_editable(current: Resource, by: User | None, version: int) -> None:
    _require(by, CHANGE_RESOURCE, current, _("You may not change this resource."))
    if current.state not in EDITABLE_STATES:
        raise Conflict(_("A withdrawn resource can no longer be changed."), code="record_closed")
    if current.version != version:
        raise Conflict(
            _(
                "Someone changed this record after you opened it (version %(current)s, yours %(yours)s). "
                "Reload it and make your change again."
            )
            % {"current": current.version, "yours": version},
            code="stale_version",
        )


def _same_content(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Equal but for the time of the harvest, which changes every time a source is read."""
    return {**before, "harvested_at": None} == {**after, "harvested_at": None}


def _apply(current: Resource, checked: Checked, by: User | None, note: str) -> bool:
    """Write the checked content as the next version; False (nothing written) when nothing changed."""
    before = content_of(current)
    if _same_content(before, _content_of_checked(checked)):
        if checked.values.get("harvested_at") != current.harvested_at:
            Resource.objects.filter(pk=current.pk).update(harvested_at=checked.values["harvested_at"])
            current.harvested_at = checked.values["harvested_at"]
        return False
    claimed = Resource.objects.filter(pk=current.pk, version=current.version).update(
        version=current.version + 1
    )
    if claimed != 1:
        raise Conflict(_("Someone changed this record at the same time; reload it."), code="stale_version")
    for name, value in checked.values.items():
        setattr(current, name, value)
    current.version += 1
    current.save()
    for name in _RELATIONS:
        getattr(current, name).set(checked.relations.get(name, []))
    _revise(current, by, note)
    changes = diff_fields(before, content_of(current))
    record_event(actor=by, action="update_resource", target=current, changes=changes)
    return True


def _link(resource: Resource) -> str:
    """The resource's page without a language prefix: the site adds the reader's language when followed."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("knowledge:detail", args=[resource.pk])
    return path.removeprefix(f"/{settings.LANGUAGE_CODE}")


def _recipients(resource: Resource, action: str) -> Any:
    """Reviewers when a resource is submitted; otherwise its creator and its organisation's people."""
    held = RoleAssignment.objects.active()
    if action == "submit":
        parties = resource.party_codes()
        held = held.filter(
            Q(role=Role.KNOWLEDGE_REVIEWER)
            | Q(role=Role.HELPDESK_OFFICER, centre__parties_served__in=parties)
        )
    else:
        held = held.filter(
            role__in=(Role.PROVIDER, Role.INSTITUTION_MEMBER), organisation_id=resource.owner_id or -1
        )
    return User.objects.filter(Q(pk__in=held.values("user_id")) | Q(pk=resource.created_by_id or -1))


def _notify(resource: Resource, step: Transition, by: User | None, reason: str) -> None:
    template = _MESSAGES.get(step.action)
    if template is None:
        return
    recipients = _recipients(resource, step.action)
    if step.action == "submit":
        recipients = recipients.exclude(pk=resource.created_by_id or -1)
    title = pick_text(resource.title, original=resource.original_language).text
    notify(
        recipients=list(recipients.distinct()),
        template=template,
        params={"title": title, "reason": reason},
        url=_link(resource),
        target=resource,
        exclude=by,
    )


@transaction.atomic
def create_resource(*, data: ResourceData, by: User | None) -> Resource:
    """Describe a resource, as a draft (version 1, with its first revision)."""
    _forbid_outsiders(by)
    checked = check_resource(data)
    _require(
        by,
        ADD_RESOURCE,
        _scope_of(checked),
        _("You may describe resources only for your organisation or the countries you work for."),
    )
    return _insert(checked, by, state=DRAFT, action="create")


@transaction.atomic
def update_resource(
    *, resource: Resource, data: ResourceData, by: User | None, version: int, note: str = ""
) -> Resource:
    """Change a resource not changed since `version` (else Conflict, 409); a new revision keeps the change.

    A published resource stays published: its owners keep it up to date, and the history shows each change.
    """
    current = _locked(resource)
    _check_editable(current, by, version)
    checked = check_resource(data, current)
    _require(
        by,
        CHANGE_RESOURCE,
        _scope_of(checked),
        _("You may not give this resource to that organisation or those countries."),
    )
    _apply(current, checked, by, note.strip())
    return current


@transaction.atomic
def transition_resource(*, resource: Resource, action: str, by: User | None, reason: str = "") -> Resource:
    """Move a resource along its workflow (submit, publish, return with a reason, withdraw)."""
    current = _locked(resource)
    step = RESOURCE_WORKFLOW.find(current.state, action)
    if by is not None and not step.roles & policy.roles_held_for(by, current):
        raise PermissionDenied(
            _("Your roles do not allow you to “%(action)s” this resource.") % {"action": action}
        )
    if step.needs_reason and not reason.strip():
        message = _("Say why, so that the submitter knows what to change.")
        raise InvalidInput(message, fields={"reason": [message]})
    source = current.state
    current.state = step.target
    if step.target == PUBLISHED and current.published_at is None:
        current.published_at = timezone.now()
    current.save(update_fields=["state", "published_at", "updated_at"])
    _history(current, (source, step.target, action), by, reason.strip())
    changes = {"state": [source, step.target], "reason": reason.strip()}
    record_event(actor=by, action=f"{action}_resource", target=current, changes=changes)
    _notify(current, step, by, reason.strip())
    return current


def _imported_twin(data: ResourceData) -> Resource | None:
    """The resource an import updates: same CHM identifier, else same source and original identifier."""
    chm = (data.chm_identifier or "").strip()
    if chm:
        return Resource.objects.select_for_update().filter(chm_identifier=chm).first()
    original = data.original_identifier.strip()
    if original:
        source = data.source.strip() or "tsc-hub"
        found = Resource.objects.select_for_update().filter(source=source, original_identifier=original)
        return found.first()
    return None


@transaction.atomic
def save_imported_resource(
    *, data: ResourceData, by: User | None = None, publish: bool = False
) -> tuple[Resource, bool]:
    """Create or update a resource read from another system; returns (resource, created).

    Idempotent: the same record read twice changes nothing the second time. A new record is a draft, or
    published at once when `publish` (a trusted source). An update never changes the state: a resource
    withdrawn here stays withdrawn.
    """
    current = _imported_twin(data)
    if current is None:
        checked = check_resource(data)
        _require(by, ADD_RESOURCE, _scope_of(checked), _("You may not import resources for them."))
        return _insert(checked, by, state=PUBLISHED if publish else DRAFT, action="import"), True
    _require(by, CHANGE_RESOURCE, current, _("You may not change this resource."))
    checked = check_resource(data, current)
    _require(by, CHANGE_RESOURCE, _scope_of(checked), _("You may not change this resource."))
    _apply(current, checked, by, "")
    return current, False
