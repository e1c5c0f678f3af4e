"""Managing the answer templates the help desk writes with."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tsc_hub.accounts.models import User
from tsc_hub.core.audit import diff_fields, record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import clean_multilingual
from tsc_hub.helpdesk.models import AnswerTemplate

PLACEHOLDERS = frozenset({"requester", "title", "centre"})
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _clean_body(body: Any, problems: dict[str, list[str]]) -> dict[str, str]:
    try:
        cleaned = clean_multilingual(body, required=True)
    except ValueError as error:
        problems["body"] = [str(error)]
        return {}
    unknown = sorted(
        {name for text in cleaned.values() for name in _PLACEHOLDER.findall(text)} - PLACEHOLDERS
    )
    if unknown:
        problems["body"] = [
            _("Unknown placeholders: %(names)s. Use {requester}, {title} or {centre}.")
            % {"names": ", ".join(f"{{{name}}}" for name in unknown)}
        ]
    return cleaned


def _check(code: str, title: Any, body: Any, position: int) -> tuple[dict[str, str], dict[str, str]]:
    """The cleaned title and body, or InvalidInput with every problem at once."""
    problems: dict[str, list[str]] = {}
    if not code or slugify(code) != code or len(code) > 60:
        problems["code"] = [_("Use up to 60 lowercase letters, digits and hyphens.")]
    try:
        clean_title = clean_multilingual(title, required=True)
    except ValueError as error:
        problems["title"], clean_title = [str(error)], {}
    clean_body = _clean_body(body, problems)
    if position < 0:
        problems["position"] = [_("Give a position of 0 or more.")]
    if problems:
        raise InvalidInput(_("The answer template has problems."), fields=problems)
    return clean_title, clean_body


@transaction.atomic
def save_answer_template(
    *,
    code: str,
    title: dict[str, str],
    body: dict[str, str],
    by: User,
    active: bool = True,
    position: int = 0,
) -> AnswerTemplate:
    """Create or change the template with this code (coordination staff and administrators)."""
    if not by.has_perm("helpdesk.manage_templates"):
        raise PermissionDenied(_("Only coordination staff and administrators manage answer templates."))
    clean_title, clean_body = _check(code, title, body, position)
    template = AnswerTemplate.objects.select_for_update().filter(code=code).first()
    before = {} if template is None else _values(template)
    template = template or AnswerTemplate(code=code)
    template.title, template.body = clean_title, clean_body
    template.active, template.position = active, position
    template.save()
    record_event(
        actor=by,
        action="helpdesk.save_template",
        target=template,
        changes=diff_fields(before, _values(template)),
    )
    return template


def _values(template: AnswerTemplate) -> dict[str, Any]:
    return {
        "title": template.title,
        "body": template.body,
        "active": template.active,
        "position": template.position,
    }
