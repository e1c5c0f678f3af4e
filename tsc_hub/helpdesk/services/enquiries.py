"""Receiving general enquiries: validation, routing to a support centre, acknowledgement."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.accounts.models import User
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.geography.models import Party
from tsc_hub.helpdesk.models import Enquiry
from tsc_hub.helpdesk.services.people import enquiry_helpdesk
from tsc_hub.helpdesk.states import TARGET_DAYS, EnquiryCategory, EnquiryState
from tsc_hub.notifications.services import notify

MAX_BODY = 10_000


@dataclass(frozen=True)
class EnquiryData:
    """What an enquirer writes. Name and e-mail are only read for visitors without an account."""

    subject: str
    body: str
    category: str
    language: str = "en"
    name: str = ""
    email: str = ""
    party: str | None = None


def due_from(category: str, moment: datetime.datetime) -> datetime.datetime:
    """When an answer is due for an enquiry of this category received (or reopened) at `moment`."""
    return moment + datetime.timedelta(days=TARGET_DAYS.get(category, TARGET_DAYS[EnquiryCategory.OTHER]))


def _check_text(data: EnquiryData, problems: dict[str, list[str]]) -> None:
    required = _("This field is required.")
    if not data.subject.strip():
        problems["subject"] = [required]
    elif len(data.subject.strip()) > 200:
        problems["subject"] = [_("Keep the subject under 200 characters.")]
    if not data.body.strip():
        problems["body"] = [required]
    elif len(data.body) > MAX_BODY:
        problems["body"] = [_("A message can have at most %(count)s characters.") % {"count": MAX_BODY}]
    if data.category not in EnquiryCategory.values:
        problems["category"] = [_("Choose a category from the list.")]
    if data.language not in UN_LANGUAGES:
        problems["language"] = [_("Choose one of the six UN languages.")]


def _check_contact(data: EnquiryData, by: User | None, problems: dict[str, list[str]]) -> None:
    if by is not None:
        return
    if not data.name.strip():
        problems["name"] = [_("Tell us your name.")]
    try:
        validate_email(data.email.strip())
    except ValidationError:
        problems["email"] = [_("Give an e-mail address we can answer to.")]


def _party(code: str | None, problems: dict[str, list[str]]) -> Party | None:
    if not code:
        return None
    party = Party.objects.filter(code=code.strip().lower()).first()
    if party is None:
        problems["party"] = [_("No such Party.")]
    return party


@transaction.atomic
def submit_enquiry(*, data: EnquiryData, by: User | None) -> Enquiry:
    """Receive an enquiry from a person (`by`) or an anonymous visitor (None), route it to the centre
    serving its Party (none: coordination) and acknowledge it."""
    problems: dict[str, list[str]] = {}
    _check_text(data, problems)
    _check_contact(data, by, problems)
    party = _party(data.party, problems)
    if problems:
        raise InvalidInput(_("The enquiry has problems; see the fields."), fields=problems)
    now = timezone.now()
    enquiry = Enquiry.objects.create(
        subject=data.subject.strip(),
        body=data.body.strip(),
        category=data.category,
        language=data.language,
        requester=by,
        name=(by.display_name or by.email) if by else data.name.strip(),
        email=by.email if by else data.email.strip(),
        party=party,
        centre=SupportCentre.objects.serving(party.code).order_by("code").first() if party else None,
        due_at=due_from(data.category, now),
    )
    enquiry.steps.create(action="submit", from_state="", to_state=EnquiryState.NEW, by=by)
    record_event(
        actor=by,
        action="enquiry.submit",
        target=enquiry,
        changes={"category": enquiry.category, "centre": enquiry.centre_id, "party": enquiry.party_id},
    )
    _acknowledge(enquiry, by)
    return enquiry


def _acknowledge(enquiry: Enquiry, by: User | None) -> None:
    params: dict[str, Any] = {"subject": enquiry.subject}
    notify(
        recipients=enquiry_helpdesk(enquiry),
        exclude=by,
        target=enquiry,
        url=f"/helpdesk/enquiries/{enquiry.pk}/",
        template=gettext_noop("A new enquiry was received: “%(subject)s”."),
        params=params,
    )
    if by is not None:
        notify(
            recipients=[by],
            target=enquiry,
            url=f"/helpdesk/enquiries/{enquiry.pk}/",
            template=gettext_noop("Your enquiry “%(subject)s” was received; the help desk will answer soon."),
            params=params,
        )
        return
    from tsc_hub.helpdesk.tasks import send_enquiry_acknowledgement

    transaction.on_commit(partial(send_enquiry_acknowledgement.enqueue, enquiry_id=enquiry.pk))
