"""API shapes of the help desk: conversations, answer templates, enquiries and the FAQ."""

import datetime
from typing import Any

from django.utils import timezone
from ninja import Schema
from pydantic import Field

from tsc_hub.core.languages import pick_text
from tsc_hub.helpdesk.states import AWAITING_ANSWER


def _name(person: Any) -> str | None:
    return str(person) if person is not None else None


class MessageIn(Schema):
    body: str
    internal: bool = Field(default=False, description="An internal note of the help desk.")
    language: str | None = Field(default=None, description="ar, en, es, fr, ru or zh (default: yours).")


class FromTemplateIn(Schema):
    code: str = Field(description="The code of an active answer template.")
    internal: bool = False


class MessageOut(Schema):
    id: int
    request: int
    author: str | None
    body: str
    internal: bool
    language: str
    template_code: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_request(obj: Any) -> int:
        return int(obj.request_id)

    @staticmethod
    def resolve_author(obj: Any) -> str | None:
        return _name(obj.author)


class TemplateIn(Schema):
    title: dict[str, str]
    body: dict[str, str] = Field(description="Texts by language; may use {requester}, {title}, {centre}.")
    active: bool = True
    position: int = 0


class TemplateOut(Schema):
    code: str
    title: str
    titles: dict[str, str]
    body: dict[str, str]
    active: bool
    position: int
    text: str | None = Field(default=None, description="Filled for the request given, in its language.")
    text_language: str | None = None

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return pick_text(obj.title).text

    @staticmethod
    def resolve_titles(obj: Any) -> dict[str, str]:
        return dict(obj.title)


class EnquiryIn(Schema):
    subject: str
    body: str
    category: str = Field(description="mechanism, how_to_request, becoming_provider, technical or other.")
    language: str = "en"
    name: str = Field(default="", description="Required without an account.")
    email: str = Field(default="", description="Required without an account: where the answer goes.")
    party: str | None = Field(default=None, description="Party code; routes the enquiry to its centre.")


class ReplyIn(Schema):
    body: str
    internal: bool = False


class ReplyOut(Schema):
    id: int
    author: str | None
    body: str
    internal: bool
    created_at: datetime.datetime

    @staticmethod
    def resolve_author(obj: Any) -> str | None:
        return _name(obj.author)


class EnquiryStepOut(Schema):
    action: str
    from_state: str
    to_state: str
    at: datetime.datetime
    reason: str


class EnquiryTransitionIn(Schema):
    action: str
    reason: str = ""


class AssignIn(Schema):
    officer_id: int


class EnquiryOut(Schema):
    id: int
    subject: str
    category: str
    language: str
    name: str
    email: str
    party: str | None
    centre: str | None
    owner: str | None
    state: str
    state_changed_at: datetime.datetime
    due_at: datetime.datetime
    first_answered_at: datetime.datetime | None
    created_at: datetime.datetime
    overdue: bool

    @staticmethod
    def resolve_party(obj: Any) -> str | None:
        return obj.party_id

    @staticmethod
    def resolve_centre(obj: Any) -> str | None:
        return obj.centre.code if obj.centre_id else None

    @staticmethod
    def resolve_owner(obj: Any) -> str | None:
        return _name(obj.owner)

    @staticmethod
    def resolve_overdue(obj: Any) -> bool:
        return obj.state in AWAITING_ANSWER and obj.due_at < timezone.now()


class EnquiryDetailOut(EnquiryOut):
    body: str
    allowed_actions: list[str] = []
    replies: list[ReplyOut] = []
    steps: list[EnquiryStepOut] = []

    @staticmethod
    def resolve_replies(obj: Any) -> list[Any]:
        return list(getattr(obj, "visible_replies", []))

    @staticmethod
    def resolve_steps(obj: Any) -> list[Any]:
        return list(obj.steps.all())


class FaqIn(Schema):
    question: dict[str, str]
    answer: dict[str, str]
    category: str
    original_language: str = "en"
    position: int = 0
    enquiry_id: int | None = Field(default=None, description="The enquiry whose answer this publishes.")


class FaqPublishedIn(Schema):
    published: bool


class FaqOut(Schema):
    id: int
    category: str
    question: str
    answer: str
    questions: dict[str, str]
    answers: dict[str, str]
    original_language: str
    published: bool
    position: int

    @staticmethod
    def resolve_question(obj: Any) -> str:
        return pick_text(obj.question, original=obj.original_language).text

    @staticmethod
    def resolve_answer(obj: Any) -> str:
        return pick_text(obj.answer, original=obj.original_language).text

    @staticmethod
    def resolve_questions(obj: Any) -> dict[str, str]:
        return dict(obj.question)

    @staticmethod
    def resolve_answers(obj: Any) -> dict[str, str]:
        return dict(obj.answer)
