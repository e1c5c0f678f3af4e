"""Working on an enquiry: steps of its life (workflow.py), replies, and the officer who holds it."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.accounts.models import User
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.helpdesk.models import Enquiry, EnquiryReply
from tsc_hub.helpdesk.services.enquiries import due_from
from tsc_hub.helpdesk.services.people import enquiry_helpdesk, enquiry_roles
from tsc_hub.helpdesk.services.thread import check_text
from tsc_hub.helpdesk.states import AWAITING_ANSWER, EnquiryState
from tsc_hub.helpdesk.workflow import ENQUIRER, ENQUIRY_WORKFLOW, STAFF
from tsc_hub.notifications.services import notify

NOTICES = {
    "start": gettext_noop("The help desk is working on your enquiry “%(subject)s”."),
    "answer": gettext_noop("The help desk answered your enquiry “%(subject)s”."),
    "close": gettext_noop("Enquiry “%(subject)s” was closed."),
    "reopen": gettext_noop("Enquiry “%(subject)s” was reopened."),
    "reply": gettext_noop("The enquirer wrote again about “%(subject)s”."),
    "internal": gettext_noop("An internal note was added to enquiry “%(subject)s”."),
    "assign": gettext_noop("You now hold enquiry “%(subject)s”."),
}


def _lock(enquiry: Enquiry) -> Enquiry:
    return Enquiry.objects.select_for_update().get(pk=enquiry.pk)


def _tell(enquiry: Enquiry, notice: str, by: Any, *, to_enquirer: bool) -> None:
    """Signed-in enquirers and the help desk are notified; anonymous enquirers get replies by e-mail."""
    if to_enquirer:
        if enquiry.requester is None:
            return
        recipients: set[Any] = {enquiry.requester}
    else:
        recipients = enquiry_helpdesk(enquiry)
    notify(
        recipients=recipients,
        exclude=by,
        target=enquiry,
        url=f"/helpdesk/enquiries/{enquiry.pk}/",
        template=NOTICES[notice],
        params={"subject": enquiry.subject},
    )


def _apply(enquiry: Enquiry, action: str, target: str, by: Any, reason: str = "") -> None:
    source, now = enquiry.state, timezone.now()
    enquiry.state, enquiry.state_changed_at = target, now
    is_staff = by is not None and bool(enquiry_roles(by, enquiry) & STAFF)
    if action in ("start", "answer") and enquiry.owner_id is None and is_staff:
        enquiry.owner = by
    if target == EnquiryState.ANSWERED and enquiry.first_answered_at is None:
        enquiry.first_answered_at = now
    if action == "reopen":
        enquiry.due_at = due_from(enquiry.category, now)
    enquiry.save()
    enquiry.steps.create(action=action, from_state=source, to_state=target, by=by, reason=reason)
    changes: dict[str, Any] = {"state": [source, target]}
    if reason:
        changes["reason"] = reason
    record_event(actor=by, action=f"enquiry.{action}", target=enquiry, changes=changes)


@transaction.atomic
def transition_enquiry(*, enquiry: Enquiry, action: str, by: User, reason: str = "") -> Enquiry:
    """Take a step (workflow.py) if the state allows it and the person's roles for the enquiry do;
    closing an enquiry that was never answered needs a reason."""
    locked = _lock(enquiry)
    step = ENQUIRY_WORKFLOW.find(locked.state, action)
    roles = enquiry_roles(by, locked)
    if not step.roles & roles:
        raise PermissionDenied(_("Your roles do not allow this action on this enquiry."))
    if step.needs_reason and not reason.strip():
        message = _("Give a reason for this action.")
        raise InvalidInput(message, fields={"reason": [message]})
    _apply(locked, action, step.target, by, reason.strip())
    _tell(locked, action, by, to_enquirer=bool(roles & STAFF))
    return locked


@transaction.atomic
def reply_to_enquiry(*, enquiry: Enquiry, body: str, by: User, internal: bool = False) -> EnquiryReply:
    """The help desk replies (or notes internally) and the enquiry is answered; the enquirer writes
    back and an answered enquiry reopens. Nobody writes publicly on a closed enquiry."""
    locked = _lock(enquiry)
    roles = enquiry_roles(by, locked)
    staff = bool(roles & STAFF)
    if not staff and ENQUIRER not in roles:
        raise PermissionDenied(_("Only the help desk and the enquirer can write on this enquiry."))
    if internal and not staff:
        raise PermissionDenied(
            _("Only the help desk can write internal notes."), code="internal_note_refused"
        )
    text = check_text(body)
    if locked.state == EnquiryState.CLOSED and not internal:
        raise Conflict(_("This enquiry is closed; reopen it to write again."), code="enquiry_closed")
    reply = EnquiryReply.objects.create(enquiry=locked, author=by, body=text, internal=internal)
    record_event(
        actor=by, action="enquiry.reply", target=locked, changes={"reply": reply.pk, "internal": internal}
    )
    if internal:
        _tell(locked, "internal", by, to_enquirer=False)
    elif staff:
        if locked.state in AWAITING_ANSWER:
            _apply(locked, "answer", EnquiryState.ANSWERED, by)
        _send_answer(locked, reply, by)
    else:
        if locked.state == EnquiryState.ANSWERED:
            _apply(locked, "reopen", EnquiryState.IN_PROGRESS, by)
        _tell(locked, "reply", by, to_enquirer=False)
    return reply


def _send_answer(enquiry: Enquiry, reply: EnquiryReply, by: User) -> None:
    if enquiry.requester_id is None:
        from tsc_hub.helpdesk.tasks import send_enquiry_reply

        transaction.on_commit(partial(send_enquiry_reply.enqueue, reply_id=reply.pk))
    else:
        _tell(enquiry, "answer", by, to_enquirer=True)


@transaction.atomic
def assign_enquiry(*, enquiry: Enquiry, officer: User, by: User) -> Enquiry:
    """Give the enquiry to a person of its help desk (its centre's officers, or coordination)."""
    locked = _lock(enquiry)
    if not enquiry_roles(by, locked) & STAFF:
        raise PermissionDenied(_("Only the help desk can assign enquiries."))
    if not enquiry_roles(officer, locked) & STAFF:
        message = _("This person is not on the help desk of this enquiry.")
        raise InvalidInput(message, fields={"officer": [message]})
    before, locked.owner = locked.owner_id, officer
    locked.save()
    locked.steps.create(action="assign", from_state=locked.state, to_state=locked.state, by=by)
    record_event(actor=by, action="enquiry.assign", target=locked, changes={"owner": [before, officer.pk]})
    notify(
        recipients=[officer],
        exclude=by,
        target=locked,
        url=f"/helpdesk/enquiries/{locked.pk}/",
        template=NOTICES["assign"],
        params={"subject": locked.subject},
    )
    return locked
