"""The global help desk: centres open tickets, the coordination entity answers within target times."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.network.models import Ticket, TicketReply, TicketStep
from tsc_hub.network.permissions import CENTRE_STAFF, COORDINATION, roles_for
from tsc_hub.network.services.common import Problems, require_centre_staff, require_coordination, step
from tsc_hub.network.states import TICKET_TARGET_HOURS, TicketCategory, TicketState
from tsc_hub.network.workflow import TICKET_WORKFLOW


@transaction.atomic
def open_ticket(
    *,
    centre: SupportCentre,
    subject: str,
    body: str,
    category: str,
    by: Any,
    now: datetime.datetime | None = None,
) -> Ticket:
    """A centre asks the coordination entity for support; the target times start now."""
    require_centre_staff(by, centre.pk, _("Only the centre's own staff open tickets for it."))
    problems = Problems()
    if not subject.strip():
        problems.add("subject", _("This field is required."))
    if not body.strip():
        problems.add("body", _("This field is required."))
    if category not in TicketCategory.values:
        problems.add("category", _("Choose a category from the list."))
    problems.raise_if_any(_("The ticket could not be opened; check the fields marked."))
    moment = now or timezone.now()
    response_hours, resolution_hours = TICKET_TARGET_HOURS[category]
    ticket = Ticket.objects.create(
        centre=centre,
        subject=subject.strip()[:200],
        body=body.strip(),
        category=category,
        opened_by=by,
        first_response_due=moment + datetime.timedelta(hours=response_hours),
        resolution_due=moment + datetime.timedelta(hours=resolution_hours),
    )
    TicketStep.objects.create(ticket=ticket, action="open", to_state=ticket.state, by=by)
    record_event(actor=by, action="network.open_ticket", target=ticket, changes={"category": category})
    return ticket


def _responded(ticket: Ticket, by: Any) -> None:
    """The coordination entity's first reply or step is the first response."""
    if ticket.first_responded_at is None and (by is None or COORDINATION in roles_for(by, None)):
        ticket.first_responded_at = timezone.now()


@transaction.atomic
def reply_to_ticket(*, ticket: Ticket, body: str, by: Any) -> TicketReply:
    """Write on a ticket: the asking centre's staff or the coordination entity."""
    current = Ticket.objects.select_for_update().get(pk=ticket.pk)
    if by is not None and not roles_for(by, current.centre_id) & {CENTRE_STAFF, COORDINATION}:
        raise PermissionDenied(_("Only the asking centre and the coordination entity write on this ticket."))
    if current.state == TicketState.CLOSED:
        raise Conflict(_("The ticket is closed."), code="record_closed")
    if not body.strip():
        message = _("Write something.")
        raise InvalidInput(message, fields={"body": [message]})
    reply = TicketReply.objects.create(ticket=current, author=by, body=body.strip())
    _responded(current, by)
    current.save(update_fields=["first_responded_at"])
    record_event(actor=by, action="network.reply_to_ticket", target=current, changes={"reply": reply.pk})
    return reply


@transaction.atomic
def transition_ticket(*, ticket: Ticket, action: str, by: Any, reason: str = "") -> Ticket:
    """Start, wait (for the centre), resume, resolve, close or reopen a ticket."""
    current = Ticket.objects.select_for_update().get(pk=ticket.pk)
    step(
        record=current,
        workflow=TICKET_WORKFLOW,
        action=action,
        by=by,
        reason=reason,
        history=TicketStep,
        link="ticket",
    )
    if action in ("start", "wait", "resolve"):
        _responded(current, by)
    if current.state == TicketState.RESOLVED:
        current.resolved_at = timezone.now()
    elif current.state == TicketState.IN_PROGRESS and action == "reopen":
        current.resolved_at = None
    if current.assignee_id is None and by is not None and COORDINATION in roles_for(by, None):
        current.assignee = by
    current.save()
    return current


@transaction.atomic
def assign_ticket(*, ticket: Ticket, assignee: Any, by: Any) -> Ticket:
    """Give a ticket to a member of the coordination staff (coordination staff)."""
    require_coordination(by, _("Only the coordination entity assigns tickets."))
    current = Ticket.objects.select_for_update().get(pk=ticket.pk)
    if current.state == TicketState.CLOSED:
        raise Conflict(_("The ticket is closed."), code="record_closed")
    if assignee is None or COORDINATION not in roles_for(assignee, None):
        message = _("Tickets are assigned to coordination staff only.")
        raise InvalidInput(message, fields={"assignee": [message]})
    before = current.assignee.email if current.assignee else ""
    current.assignee = assignee
    current.save(update_fields=["assignee"])
    record_event(
        actor=by,
        action="network.assign_ticket",
        target=current,
        changes={"assignee": [before, assignee.email]},
    )
    return current


def is_overdue(ticket: Ticket, now: datetime.datetime | None = None) -> bool:
    """The same rule as TicketQuerySet.overdue, for one ticket in hand."""
    moment = now or timezone.now()
    if ticket.state not in (TicketState.OPEN, TicketState.IN_PROGRESS, TicketState.WAITING):
        return False
    return (
        ticket.first_responded_at is None and ticket.first_response_due < moment
    ) or ticket.resolution_due < moment
