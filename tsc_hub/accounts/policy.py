"""Who may do what, as data.

Each rule grants one permission to one role, either for anything ("any") or only for objects
inside the role's scope ("own": the Party, organisation or centre the role is held for).
Services ask through `allows`; Django's `user.has_perm` reaches it through
`tsc_hub.accounts.backends.RolePolicyBackend`, so lower apps can ask without importing this.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from tsc_hub.accounts.roles import Role

Reach = Literal["any", "own"]


@dataclass(frozen=True)
class Rule:
    """`role` may use `permission` on any object, or only on objects in its own scope."""

    permission: str
    role: str
    reach: Reach


A, C, H = Role.PLATFORM_ADMIN, Role.COORDINATION_STAFF, Role.HELPDESK_OFFICER
NFP, MEMBER, PROVIDER = Role.NATIONAL_FOCAL_POINT, Role.INSTITUTION_MEMBER, Role.PROVIDER

POLICY: tuple[Rule, ...] = (
    Rule("admin.view_records", A, "any"),
    Rule("core.read_audit_log", A, "any"),
    Rule("core.read_audit_log", C, "any"),
    Rule("accounts.list_people", A, "any"),
    Rule("accounts.list_people", C, "any"),
    Rule("accounts.grant_role", A, "any"),
    Rule("accounts.revoke_role", A, "any"),
    Rule("organisations.add_organisation", A, "any"),
    Rule("organisations.add_organisation", C, "any"),
    Rule("organisations.add_organisation", H, "own"),
    Rule("organisations.add_organisation", NFP, "own"),
    Rule("organisations.change_organisation", A, "any"),
    Rule("organisations.change_organisation", C, "any"),
    Rule("organisations.change_organisation", H, "own"),
    Rule("organisations.change_organisation", NFP, "own"),
    Rule("organisations.change_organisation", MEMBER, "own"),
    Rule("organisations.change_organisation", PROVIDER, "own"),
    Rule("geography.load_reference_data", A, "any"),
    Rule("vocabularies.import_terms", A, "any"),
    Rule("vocabularies.change_term", A, "any"),
    Rule("vocabularies.change_term", C, "any"),
    Rule("centres.change_centre", A, "any"),
    Rule("centres.change_centre", C, "any"),
)

# Apps above accounts keep their rules in their own permissions.py and add them here from
# AppConfig.ready(); apps below accounts cannot import it, so their rules are listed above.
_REGISTERED: list[Rule] = []


def register(rules: tuple[Rule, ...]) -> None:
    """Add an app's rules to the policy (idempotent)."""
    for rule in rules:
        if rule not in _REGISTERED and rule not in POLICY:
            _REGISTERED.append(rule)


def all_rules() -> tuple[Rule, ...]:
    """Every rule in force."""
    return (*POLICY, *_REGISTERED)


def permissions() -> frozenset[str]:
    """Every permission some role holds."""
    return frozenset(rule.permission for rule in all_rules())


def rules_for(permission: str) -> list[Rule]:
    """The rules that grant a permission."""
    return [rule for rule in all_rules() if rule.permission == permission]


def roles_allowed(permission: str) -> frozenset[str]:
    """Every role that holds a permission in at least some scope."""
    return frozenset(rule.role for rule in rules_for(permission))


def _in_scope(assignment: Any, obj: Any) -> bool:
    """Whether an object falls inside the scope of a role assignment."""
    if obj is None:
        return False
    parties: set[str] = obj.party_codes() if hasattr(obj, "party_codes") else set()
    if assignment.party_id:
        return assignment.party_id in parties
    if assignment.organisation_id:
        organisations: set[int] = obj.organisation_ids() if hasattr(obj, "organisation_ids") else set()
        return assignment.organisation_id in organisations
    if assignment.centre_id:
        return bool(parties) and assignment.centre.parties_served.filter(code__in=parties).exists()
    return False


def allows(user: Any, permission: str, obj: Any = None) -> bool:
    """Whether the person's active roles grant `permission`, for `obj` when given."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    rules = rules_for(permission)
    if not rules:
        return False
    reach_by_role = {rule.role: rule.reach for rule in rules}
    assignments = user.role_assignments.active().filter(role__in=reach_by_role).select_related("centre")
    for assignment in assignments:
        if reach_by_role[assignment.role] == "any" or _in_scope(assignment, obj):
            return True
    return False


def roles_held_for(user: Any, obj: Any) -> set[str]:
    """The roles a person holds that apply to `obj`: global roles always, scoped roles inside their scope.

    Workflows use it to decide which transitions a person may take on a record.
    """
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return set()
    held: set[str] = set()
    for assignment in user.role_assignments.active().select_related("centre"):
        if assignment.scope_kind == "global" or _in_scope(assignment, obj):
            held.add(assignment.role)
    return held
