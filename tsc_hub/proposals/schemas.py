"""API shapes of proposals."""

import datetime

from ninja import Schema


class ProposalIn(Schema):
    version: int
    language: str
    title: str
    problem: str
    objectives: str = ""
    partners: list[dict[str, str]] = []
    activities: list[dict[str, str]] = []
    indicators: list[dict[str, str]] = []
    budget: list[dict[str, str]] = []


class ProposalOut(Schema):
    id: int
    request_id: int
    version: int
    language: str
    title: str
    problem: str
    objectives: str
    partners: list[dict[str, str]]
    activities: list[dict[str, str]]
    indicators: list[dict[str, str]]
    budget: list[dict[str, str]]
    updated_at: datetime.datetime
