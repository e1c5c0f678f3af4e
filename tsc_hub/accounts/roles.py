"""The roles a person can hold, and what each role is scoped to."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A role in the TSC mechanism (MISSION.md, "Who uses it")."""

    NATIONAL_FOCAL_POINT = "national_focal_point", _("National focal point")
    INSTITUTION_MEMBER = "institution_member", _("Institution member")
    PROVIDER = "provider", _("Provider")
    HELPDESK_OFFICER = "helpdesk_officer", _("Help desk officer / centre staff")
    COORDINATION_STAFF = "coordination_staff", _("Coordination entity staff")
    ADVISORY_MEMBER = "advisory_member", _("Advisory committee member")
    APPLICATION_REVIEWER = "application_reviewer", _("Application reviewer")
    KNOWLEDGE_REVIEWER = "knowledge_reviewer", _("Knowledge hub reviewer")
    PLATFORM_ADMIN = "platform_admin", _("Platform administrator")


class ScopeKind(models.TextChoices):
    """What a role assignment is attached to."""

    PARTY = "party", _("Party")
    ORGANISATION = "organisation", _("Organisation")
    CENTRE = "centre", _("Support centre")
    GLOBAL = "global", _("Global")


ROLE_SCOPE: dict[str, str] = {
    Role.NATIONAL_FOCAL_POINT: ScopeKind.PARTY,
    Role.INSTITUTION_MEMBER: ScopeKind.ORGANISATION,
    Role.PROVIDER: ScopeKind.ORGANISATION,
    Role.HELPDESK_OFFICER: ScopeKind.CENTRE,
    Role.COORDINATION_STAFF: ScopeKind.GLOBAL,
    Role.ADVISORY_MEMBER: ScopeKind.GLOBAL,
    Role.APPLICATION_REVIEWER: ScopeKind.GLOBAL,
    Role.KNOWLEDGE_REVIEWER: ScopeKind.GLOBAL,
    Role.PLATFORM_ADMIN: ScopeKind.GLOBAL,
}

# Roles that act for the whole network or the platform must sign in with a second factor.
MFA_REQUIRED_ROLES = frozenset({Role.HELPDESK_OFFICER, Role.COORDINATION_STAFF, Role.PLATFORM_ADMIN})
