"""Who a person is for a project (help desk, requester side, provider side) and shared checks."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.languages import clean_multilingual
from tsc_hub.projects.models import Project
from tsc_hub.projects.states import OPEN_STATES, PartnerRole, RatingSide
from tsc_hub.projects.workflow import PROVIDER, REQUESTERS


def provider_organisation_ids(project: Project) -> set[int]:
    """The organisations that take part in the project as providers."""
    return {p.organisation_id for p in project.partners.all() if p.role == PartnerRole.PROVIDER}


def project_roles(user: Any, project: Project) -> set[str]:
    """Roles held for the request (help desk, requester side), plus "provider" when held for the
    organisation of a provider partner (the pattern of matching.services.match_roles)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    roles = roles_held_for(user, project.request) - PROVIDER
    providers = provider_organisation_ids(project)
    if (
        providers
        and user.is_active
        and user.role_assignments.active().filter(role="provider", organisation_id__in=providers).exists()
    ):
        roles.add("provider")
    return roles


def sides_of(roles: set[str]) -> set[str]:
    """The sides (requester, provider) that the roles speak for."""
    sides: set[str] = set()
    if roles & REQUESTERS:
        sides.add(RatingSide.REQUESTER)
    if roles & PROVIDER:
        sides.add(RatingSide.PROVIDER)
    return sides


def require(by: Any, project: Project, allowed: frozenset[str], message: str) -> set[str]:
    """The person's roles for the project, or PermissionDenied when none is allowed (None: the system)."""
    if by is None:
        return set(allowed)
    roles = project_roles(by, project)
    if not roles & allowed:
        raise PermissionDenied(message)
    return roles


def lock(project: Project) -> Project:
    """The project, locked for the rest of the transaction."""
    return Project.objects.select_for_update().get(pk=project.pk)


def require_open(project: Project) -> None:
    """Closed and cancelled projects are history: nothing more is recorded on them."""
    if project.state not in OPEN_STATES:
        raise Conflict(
            _("This project is closed; nothing more can be recorded on it."), code="project_closed"
        )


def check_version(project: Project, expected_version: int) -> None:
    """A stale version means someone else saved first: 409 version_conflict."""
    if project.version != expected_version:
        raise Conflict(
            _(
                "Someone else changed this project while you were editing it. "
                "Reload it and apply your changes again."
            ),
            code="version_conflict",
        )


class Problems(dict[str, list[str]]):
    """Field problems collected before anything is written."""

    def add(self, name: str, message: str) -> None:
        self.setdefault(name, []).append(message)

    def raise_if_any(self, message: str) -> None:
        if self:
            raise InvalidInput(message, fields=dict(self))


def text(problems: Problems, name: str, value: Any, *, required: bool = False) -> dict[str, str]:
    """A multilingual text, cleaned; a problem is noted instead of raised."""
    try:
        return clean_multilingual(value, required=required)
    except ValueError as error:
        problems.add(name, str(error))
        return {}
