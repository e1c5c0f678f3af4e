"""API of the accounts app: me, my tokens, people and roles (administrators), the audit log."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts import services
from tsc_hub.accounts.auth import SIGNED_IN, signed_in_user
from tsc_hub.accounts.models import PersonalToken, RoleAssignment, User
from tsc_hub.accounts.schemas import (
    AuditEventOut,
    MeOut,
    PersonOut,
    RoleGrantIn,
    RoleOut,
    TokenCreatedOut,
    TokenIn,
    TokenOut,
)
from tsc_hub.core.exceptions import InvalidInput, NotFound, PermissionDenied
from tsc_hub.core.models import AuditEvent

router = Router(tags=["accounts"], auth=SIGNED_IN)


def _role_out(assignment: RoleAssignment) -> RoleOut:
    today = timezone.localdate()
    active = (
        assignment.revoked_at is None
        and assignment.valid_from <= today
        and (assignment.valid_until is None or assignment.valid_until >= today)
    )
    return RoleOut(
        id=assignment.pk,
        role=assignment.role,
        role_label=str(assignment.get_role_display()),
        scope_kind=assignment.scope_kind,
        scope=assignment.scope_label,
        party=assignment.party_id,
        organisation=assignment.organisation_id,
        centre=assignment.centre_id,
        valid_from=assignment.valid_from,
        valid_until=assignment.valid_until,
        active=active,
    )


def _roles_of(user: User, viewer: Any) -> list[RoleOut]:
    assignments = (
        RoleAssignment.objects.visible_to(viewer)
        .filter(user=user)
        .select_related("party", "organisation", "centre")
    )
    return [_role_out(a) for a in assignments]


@router.get("/me", response=MeOut, summary="The signed-in person and their roles")
def me(request: HttpRequest) -> MeOut:
    user: Any = request.user
    return MeOut(
        id=user.pk,
        email=user.email,
        display_name=user.display_name,
        preferred_language=user.preferred_language,
        roles=_roles_of(user, user),
        mfa_enabled=Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
    )


@router.get("/me/tokens", response=list[TokenOut], summary="My usable personal tokens")
def list_tokens(request: HttpRequest) -> Any:
    return PersonalToken.objects.visible_to(request.user).usable()


@router.post("/me/tokens", response={201: TokenCreatedOut}, summary="Create a personal token (shown once)")
def create_token(request: HttpRequest, payload: TokenIn) -> Status[TokenCreatedOut]:
    token, raw = services.create_personal_token(
        user=signed_in_user(request), name=payload.name, expires_at=payload.expires_at
    )
    return Status(201, TokenCreatedOut(**TokenOut.from_orm(token).model_dump(), token=raw))


@router.delete("/me/tokens/{token_id}", response={204: None}, summary="Revoke one of my tokens")
def revoke_token(request: HttpRequest, token_id: int) -> Status[None]:
    services.revoke_personal_token(token_id=token_id, by=signed_in_user(request))
    return Status(204, None)


@router.get("/people", response=list[PersonOut], summary="People (administrators and coordination staff)")
@paginate(LimitOffsetPagination)
def list_people(request: HttpRequest) -> Any:
    if not request.user.has_perm("accounts.list_people"):
        raise PermissionDenied(_("Only administrators and coordination staff can list people."))
    return User.objects.visible_to(request.user).order_by("email")


@router.get("/people/{user_id}/roles", response=list[RoleOut], summary="A person's roles")
def person_roles(request: HttpRequest, user_id: int) -> list[RoleOut]:
    person = User.objects.visible_to(request.user).filter(pk=user_id).first()
    if person is None:
        raise NotFound(_("No such person."))
    return _roles_of(person, request.user)


def _scope_objects(payload: RoleGrantIn) -> dict[str, Any]:
    from django.apps import apps

    lookups = {
        "party": ("geography.Party", payload.party.lower() if payload.party else None),
        "organisation": ("organisations.Organisation", payload.organisation),
        "centre": ("centres.SupportCentre", payload.centre),
    }
    scope: dict[str, Any] = {}
    for key, (label, value) in lookups.items():
        if value is None:
            continue
        found = apps.get_model(label).objects.filter(pk=value).first()
        if found is None:
            message = _("No %(what)s with this identifier.") % {"what": key}
            raise InvalidInput(message, fields={key: [message]})
        scope[key] = found
    return scope


@router.post("/roles", response={201: RoleOut}, summary="Grant a role (platform administrators)")
def grant_role(request: HttpRequest, payload: RoleGrantIn) -> Status[RoleOut]:
    if not request.user.has_perm("accounts.grant_role"):
        raise PermissionDenied(_("Only platform administrators can grant roles."))
    person = User.objects.filter(pk=payload.user_id).first()
    if person is None:
        raise InvalidInput(_("No such person."), fields={"user_id": [_("No such person.")]})
    assignment = services.grant_role(
        user=person,
        role=payload.role,
        by=signed_in_user(request),
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
        **_scope_objects(payload),
    )
    return Status(201, _role_out(assignment))


@router.post(
    "/roles/{assignment_id}/revoke", response=RoleOut, summary="Revoke a role (platform administrators)"
)
def revoke_role(request: HttpRequest, assignment_id: int) -> RoleOut:
    if not request.user.has_perm("accounts.revoke_role"):
        raise PermissionDenied(_("Only platform administrators can revoke roles."))
    assignment = RoleAssignment.objects.visible_to(request.user).filter(pk=assignment_id).first()
    if assignment is None:
        raise NotFound(_("No such role assignment."))
    return _role_out(services.revoke_role(assignment=assignment, by=signed_in_user(request)))


@router.get("/audit", response=list[AuditEventOut], summary="The audit log (whole for staff, own otherwise)")
@paginate(LimitOffsetPagination)
def audit_log(
    request: HttpRequest,
    target_type: str | None = None,
    target_id: str | None = None,
    action: str | None = None,
) -> Any:
    events = AuditEvent.objects.visible_to(request.user)
    if target_type:
        events = events.filter(target_type=target_type)
    if target_id:
        events = events.filter(target_id=target_id)
    if action:
        events = events.filter(action=action)
    return events
