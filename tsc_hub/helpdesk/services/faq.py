"""The public FAQ: answers the help desk publishes once, for everyone, in six languages."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.accounts.models import User
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import UN_LANGUAGES, clean_multilingual
from tsc_hub.helpdesk.models import Enquiry, FaqEntry
from tsc_hub.helpdesk.services.people import enquiry_roles
from tsc_hub.helpdesk.states import EnquiryCategory
from tsc_hub.helpdesk.workflow import HELPDESK


def may_publish_faq(user: Any, enquiry: Enquiry | None = None) -> bool:
    """Coordination and administrators publish any entry; an officer the answer of its centre's enquiry."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.has_perm("helpdesk.manage_faq"):
        return True
    return enquiry is not None and HELPDESK in enquiry_roles(user, enquiry)


def _texts(values: dict[str, Any], problems: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    cleaned: dict[str, dict[str, str]] = {}
    for field, value in values.items():
        try:
            cleaned[field] = clean_multilingual(value, required=True)
        except ValueError as error:
            problems[field] = [str(error)]
    return cleaned


def _check_fields(
    category: str, language: str, position: int, code: str | None, problems: dict[str, list[str]]
) -> None:
    if category not in EnquiryCategory.values:
        problems["category"] = [_("Choose a category from the list.")]
    if language not in UN_LANGUAGES:
        problems["original_language"] = [_("Choose one of the six UN languages.")]
    if position < 0:
        problems["position"] = [_("Give a position of 0 or more.")]
    if code and FaqEntry.objects.filter(code=code).exists():
        problems["code"] = [_("An FAQ entry with this code exists already.")]


@transaction.atomic
def publish_faq(
    *,
    question: dict[str, str],
    answer: dict[str, str],
    category: str,
    by: User,
    enquiry: Enquiry | None = None,
    original_language: str = "en",
    position: int = 0,
    code: str | None = None,
) -> FaqEntry:
    """Publish a question and its answer on the public FAQ, optionally from an answered enquiry."""
    if not may_publish_faq(by, enquiry):
        raise PermissionDenied(_("Only the help desk publishes FAQ entries."))
    problems: dict[str, list[str]] = {}
    texts = _texts({"question": question, "answer": answer}, problems)
    _check_fields(category, original_language, position, code, problems)
    if problems:
        raise InvalidInput(_("The FAQ entry has problems; see the fields."), fields=problems)
    entry = FaqEntry.objects.create(
        question=texts["question"],
        answer=texts["answer"],
        category=category,
        original_language=original_language,
        published=True,
        position=position,
        enquiry=enquiry,
        code=code or None,
        created_by=by,
    )
    record_event(
        actor=by,
        action="faq.publish",
        target=entry,
        changes={"category": category, "enquiry": enquiry.pk if enquiry else None},
    )
    return entry


@transaction.atomic
def set_faq_published(*, entry: FaqEntry, published: bool, by: User) -> FaqEntry:
    """Show or hide an entry on the public FAQ (coordination staff and administrators)."""
    if not by.has_perm("helpdesk.manage_faq"):
        raise PermissionDenied(_("Only coordination staff and administrators change the FAQ."))
    locked = FaqEntry.objects.select_for_update().get(pk=entry.pk)
    before, locked.published = locked.published, published
    locked.save(update_fields=["published", "updated_at"])
    record_event(
        actor=by, action="faq.set_published", target=locked, changes={"published": [before, published]}
    )
    return locked
