"""Writes about people: roles, tokens, profiles. Each runs in one transaction and is audited."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from typing import Any

from allauth.mfa.models import Authenticator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.accounts.models import PersonalToken, RoleAssignment, User
from tsc_hub.accounts.roles import MFA_REQUIRED_ROLES, ROLE_SCOPE, Role, ScopeKind
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, NotFound, PermissionDenied

TOKEN_PREFIX = "tsc_"


def needs_mfa_enrolment(user: User) -> bool:
    """True when the person holds a role that requires MFA and has no TOTP authenticator."""
    holds_role = user.role_assignments.active().filter(role__in=MFA_REQUIRED_ROLES).exists()
    if not holds_role:
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def _check_scope(role: str, scope: dict[str, Any]) -> str:
    kind = ROLE_SCOPE.get(role)
    if kind is None:
        raise InvalidInput(
            _("Unknown role “%(role)s”.") % {"role": role}, fields={"role": [_("Unknown role.")]}
        )
    given = {key for key, value in scope.items() if value is not None}
    expected = set() if kind == ScopeKind.GLOBAL else {kind}
    if given != expected:
        if kind == ScopeKind.GLOBAL:
            message = _("This role is global and takes no Party, organisation or centre.")
        else:
            message = _("This role must be held for exactly one %(scope)s.") % {
                "scope": ScopeKind(kind).label
            }
        raise InvalidInput(message, fields={"scope": [message]})
    return kind


@transaction.atomic
def grant_role(
    *,
    user: User,
    role: str,
    by: User | None,
    party: Any = None,
    organisation: Any = None,
    centre: Any = None,
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
) -> RoleAssignment:
    """Give a person a role for a scope and a period. `by=None` is the system (seeding, migrations)."""
    if by is not None and not by.has_perm("accounts.grant_role"):
        raise PermissionDenied(_("Only platform administrators can grant roles."))
    kind = _check_scope(role, {"party": party, "organisation": organisation, "centre": centre})
    start = valid_from or timezone.localdate()
    if valid_until is not None and valid_until < start:
        message = _("The end date cannot be before the start date.")
        raise InvalidInput(message, fields={"valid_until": [message]})
    assignment = RoleAssignment.objects.create(
        user=user,
        role=role,
        scope_kind=kind,
        party=party,
        organisation=organisation,
        centre=centre,
        valid_from=start,
        valid_until=valid_until,
        granted_by=by,
    )
    if role == Role.PLATFORM_ADMIN and not user.is_staff:
        # The Django admin is the administrators' tool; the flag follows the role.
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    record_event(
        actor=by,
        action="grant_role",
        target=assignment,
        changes={
            "user": user.email,
            "role": role,
            "scope": assignment.scope_label,
            "valid_from": start.isoformat(),
            "valid_until": valid_until.isoformat() if valid_until else None,
        },
    )
    return assignment


@transaction.atomic
def revoke_role(*, assignment: RoleAssignment, by: User) -> RoleAssignment:
    """End a role assignment now; the record stays for the history."""
    if not by.has_perm("accounts.revoke_role"):
        raise PermissionDenied(_("Only platform administrators can revoke roles."))
    if assignment.revoked_at is not None:
        raise InvalidInput(_("This role was already revoked."))
    assignment.revoked_at = timezone.now()
    assignment.save(update_fields=["revoked_at"])
    record_event(actor=by, action="revoke_role", target=assignment, changes={"role": assignment.role})
    return assignment


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def create_personal_token(
    *, user: User, name: str, expires_at: datetime.datetime | None = None
) -> tuple[PersonalToken, str]:
    """Create an API token; the raw value is returned once and never stored."""
    name = (name or "").strip()
    if not name:
        message = _("Give the token a name so you can recognise it later.")
        raise InvalidInput(message, fields={"name": [message]})
    if len(name) > 100:
        message = _("The name can have at most 100 characters.")
        raise InvalidInput(message, fields={"name": [message]})
    if expires_at is not None and expires_at <= timezone.now():
        message = _("The expiry date must be in the future.")
        raise InvalidInput(message, fields={"expires_at": [message]})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalToken.objects.create(
        user=user, name=name, prefix=raw[:12], digest=_digest(raw), expires_at=expires_at
    )
    record_event(actor=user, action="create_personal_token", target=token, changes={"name": name})
    return token, raw


@transaction.atomic
def revoke_personal_token(*, token_id: int, by: User) -> PersonalToken:
    """Revoke one of the person's own tokens."""
    token = PersonalToken.objects.visible_to(by).filter(pk=token_id, revoked_at__isnull=True).first()
    if token is None:
        raise NotFound(_("No such token."))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_event(actor=by, action="revoke_personal_token", target=token)
    return token


def authenticate_token(raw: str) -> User | None:
    """The active person a raw token belongs to, or None. Records when it was last used."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = PersonalToken.objects.usable().select_related("user").filter(digest=_digest(raw)).first()
    if token is None or not token.user.is_active:
        return None
    PersonalToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


@transaction.atomic
def update_profile(*, user: User, display_name: str, preferred_language: str) -> User:
    """Change a person's name and preferred language."""
    from django.conf import settings

    codes = {code for code, _name in settings.LANGUAGES}
    if preferred_language not in codes:
        message = _("Choose one of the six UN languages.")
        raise InvalidInput(message, fields={"preferred_language": [message]})
    before = {"display_name": user.display_name, "preferred_language": user.preferred_language}
    user.display_name = display_name.strip()[:150]
    user.preferred_language = preferred_language
    user.save(update_fields=["display_name", "preferred_language"])
    after = {"display_name": user.display_name, "preferred_language": user.preferred_language}
    from tsc_hub.core.audit import diff_fields

    record_event(actor=user, action="update_profile", target=user, changes=diff_fields(before, after))
    return user
