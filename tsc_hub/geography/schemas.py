"""API shapes of Parties and region terms."""

from __future__ import annotations

from ninja import Schema

from tsc_hub.core.languages import pick_text
from tsc_hub.geography.models import Party, Region


class PartyOut(Schema):
    """A Party: its names in six languages and `name` in the language asked for (Accept-Language)."""

    code: str
    name: str
    names: dict[str, str]
    m49_code: str
    m49_region: str
    m49_subregion: str
    cbd_group: str
    is_ldc: bool
    is_sids: bool

    @staticmethod
    def resolve_name(obj: Party) -> str:
        return pick_text(obj.names).text


class RegionSummary(Schema):
    """A CHM region term, briefly."""

    identifier: str
    kind: str
    label: str
    labels: dict[str, str]

    @staticmethod
    def resolve_label(obj: Region) -> str:
        return pick_text(obj.labels).text


class PartyDetail(PartyOut):
    """A Party with the region terms that cover it."""

    regions: list[RegionSummary]

    @staticmethod
    def resolve_regions(obj: Party) -> list[Region]:
        return list(obj.regions.all())


class RegionOut(RegionSummary):
    """A CHM region term with the rule that decides its members and how many there are."""

    rule: str
    member_count: int


class RegionDetail(RegionOut):
    """A CHM region term with the codes of its member Parties."""

    members: list[str]

    @staticmethod
    def resolve_members(obj: Region) -> list[str]:
        return sorted(party.code for party in obj.members.all())
