"""API shapes of the centres app."""

from __future__ import annotations

from typing import Any

from ninja import Schema

from tsc_hub.core.languages import pick_text


class CentreOut(Schema):
    id: int
    code: str
    name: str
    names: dict[str, str]
    host: int | None
    parties_served: list[str]

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return pick_text(obj.names).text

    @staticmethod
    def resolve_host(obj: Any) -> int | None:
        return obj.host_id

    @staticmethod
    def resolve_parties_served(obj: Any) -> list[str]:
        return [party.code for party in obj.parties_served.all()]
