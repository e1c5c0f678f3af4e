"""Who may describe and change resources (the workflow table says who may move them), and the scope
a resource not yet saved has for these rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from tsc_hub.accounts.policy import Reach, Rule
from tsc_hub.accounts.roles import Role

ADD_RESOURCE = "knowledge.add_resource"
CHANGE_RESOURCE = "knowledge.change_resource"

# Reviewers, coordination staff and administrators anywhere; the others inside their scope: providers and
# institution members for their organisation's resources, national focal points for resources tagged with
# their country or owned by one of its organisations, help desk officers for the Parties their centre serves.
_REACHES: tuple[tuple[str, Reach], ...] = (
    (Role.PLATFORM_ADMIN, "any"),
    (Role.COORDINATION_STAFF, "any"),
    (Role.KNOWLEDGE_REVIEWER, "any"),
    (Role.HELPDESK_OFFICER, "own"),
    (Role.NATIONAL_FOCAL_POINT, "own"),
    (Role.PROVIDER, "own"),
    (Role.INSTITUTION_MEMBER, "own"),
)

RULES: tuple[Rule, ...] = tuple(
    Rule(permission, role, reach)
    for permission in (ADD_RESOURCE, CHANGE_RESOURCE)
    for role, reach in _REACHES
)


@dataclass(frozen=True)
class ResourceScope:
    """The scope keys of a resource as described (before or instead of what is saved)."""

    parties: frozenset[str] = field(default_factory=frozenset)
    organisations: frozenset[int] = field(default_factory=frozenset)

    def party_codes(self) -> set[str]:
        return set(self.parties)

    def organisation_ids(self) -> set[int]:
        return set(self.organisations)
