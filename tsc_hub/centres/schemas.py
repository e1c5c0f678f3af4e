"""API shapes of the centres app."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema

from tsc_hub.core.languages import pick_text


class ContactOut(Schema):
    name: str
    role: str = ""
    email: str = ""


class CentreOut(Schema):
    id: int
    code: str
    name: str
    names: dict[str, str]
    kind: str
    status: str
    subregion: str | None
    host: int | None
    co_hosts: list[int]
    partners: list[int]
    contacts: list[ContactOut]
    start_date: datetime.date | None
    parties_served: list[str]

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return pick_text(obj.names).text

    @staticmethod
    def resolve_host(obj: Any) -> int | None:
        return obj.host_id

    @staticmethod
    def resolve_subregion(obj: Any) -> str | None:
        return obj.subregion.code if obj.subregion_id else None

    @staticmethod
    def resolve_co_hosts(obj: Any) -> list[int]:
        return [organisation.pk for organisation in obj.co_hosts.all()]

    @staticmethod
    def resolve_partners(obj: Any) -> list[int]:
        return [organisation.pk for organisation in obj.partners.all()]

    @staticmethod
    def resolve_parties_served(obj: Any) -> list[str]:
        return [party.code for party in obj.parties_served.all()]


class SubregionOut(Schema):
    code: str
    name: str
    names: dict[str, str]
    members: list[str]

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return pick_text(obj.names).text

    @staticmethod
    def resolve_members(obj: Any) -> list[str]:
        return [party.code for party in obj.members.all()]
