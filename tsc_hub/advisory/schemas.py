"""Pydantic schemas of the advisory committee API."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema


class SubcommitteeOut(Schema):
    code: str
    names: dict[str, str]


class TermOut(Schema):
    number: int
    start: datetime.date
    end: datetime.date
    ended_on: datetime.date | None
    co_chair: bool


class MemberOut(Schema):
    id: int
    name: str
    email: str
    nominated_by: str
    nominator_kind: str
    party: str | None
    organisation_id: int | None
    region: str
    gender: str
    affiliation: str
    terms: list[TermOut]
    subcommittees: list[str]

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.user)

    @staticmethod
    def resolve_email(obj: Any) -> str:
        return str(obj.user.email)

    @staticmethod
    def resolve_nominated_by(obj: Any) -> str:
        return str(obj.nominator)

    @staticmethod
    def resolve_party(obj: Any) -> str | None:
        return obj.party_id

    @staticmethod
    def resolve_terms(obj: Any) -> list[Any]:
        return list(obj.terms.all())

    @staticmethod
    def resolve_subcommittees(obj: Any) -> list[str]:
        return [s.code for s in obj.subcommittees.all()]


class MemberIn(Schema):
    user_id: int
    start: datetime.date
    end: datetime.date | None = None
    party: str = ""
    organisation_id: int | None = None
    region: str = ""
    gender: str = "not_stated"
    affiliation: str = ""
    co_chair: bool = False
    subcommittees: list[str] = []


class TermIn(Schema):
    start: datetime.date
    end: datetime.date | None = None
    co_chair: bool = False


class WarningOut(Schema):
    code: str
    message: str


class CompositionOut(Schema):
    on: datetime.date
    total: int
    nominated_by_parties: int
    from_organisations: int
    organisations_outnumber_parties: bool
    regions: dict[str, int]
    genders: dict[str, int]
    co_chairs: int
    warnings: list[WarningOut]


class ForumOut(Schema):
    id: int
    names: dict[str, str]
    subcommittee: str | None

    @staticmethod
    def resolve_subcommittee(obj: Any) -> str | None:
        return obj.subcommittee.code if obj.subcommittee_id else None


class ThreadIn(Schema):
    title: str
    body: str


class ReplyIn(Schema):
    body: str


class ModerationIn(Schema):
    action: str
    reason: str = ""


class ReplyOut(Schema):
    id: int
    author: str
    body: str
    created_at: datetime.datetime
    hidden: bool
    moderation_reason: str

    @staticmethod
    def resolve_author(obj: Any) -> str:
        return str(obj.author or "")

    @staticmethod
    def resolve_body(obj: Any) -> str:
        # A hidden reply's text reaches moderators only (the API hands them the full queryset).
        return "" if obj.hidden and not getattr(obj, "shown_to_moderator", False) else str(obj.body)


class ThreadOut(Schema):
    id: int
    forum_id: int
    title: str
    body: str
    author: str
    created_at: datetime.datetime
    last_activity_at: datetime.datetime
    locked: bool
    hidden: bool
    moderation_reason: str

    @staticmethod
    def resolve_author(obj: Any) -> str:
        return str(obj.author or "")


class ThreadDetailOut(ThreadOut):
    replies: list[ReplyOut]

    @staticmethod
    def resolve_replies(obj: Any) -> list[Any]:
        return list(getattr(obj, "replies_list", []))


class SubscriptionIn(Schema):
    forum_id: int | None = None
    thread_id: int | None = None


class SubscriptionOut(Schema):
    id: int
    forum_id: int | None
    thread_id: int | None


class AgendaItemOut(Schema):
    number: int
    title: dict[str, str]


class DocumentOut(Schema):
    id: int
    title: str
    name: str
    size: int
    content_type: str


class MeetingIn(Schema):
    title: dict[str, str]
    date: datetime.date
    place: str = ""
    online: bool = False
    subcommittee: str = ""
    agenda: list[dict[str, str]] = []


class MinutesIn(Schema):
    minutes: dict[str, str]


class MeetingOut(Schema):
    id: int
    title: dict[str, str]
    date: datetime.date
    place: str
    online: bool
    subcommittee: str | None
    published_at: datetime.datetime | None
    agenda: list[AgendaItemOut]
    documents: list[DocumentOut]
    minutes: dict[str, str]

    @staticmethod
    def resolve_subcommittee(obj: Any) -> str | None:
        return obj.subcommittee.code if obj.subcommittee_id else None

    @staticmethod
    def resolve_agenda(obj: Any) -> list[Any]:
        return list(obj.agenda_items.all())

    @staticmethod
    def resolve_documents(obj: Any) -> list[Any]:
        return list(obj.documents.all())

    @staticmethod
    def resolve_minutes(obj: Any) -> dict[str, str]:
        return obj.minutes if obj.minutes_published_at else {}
