"""Pages of the global help desk: a centre's tickets to the coordination entity."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.models import RoleAssignment, User
from tsc_hub.accounts.roles import Role
from tsc_hub.network import services
from tsc_hub.network.access import access_ticket, require_space
from tsc_hub.network.forms import AssignTicketForm, ReplyForm, TicketForm
from tsc_hub.network.models import Ticket
from tsc_hub.network.permissions import is_coordination
from tsc_hub.network.views.common import domain_pages, forbidden, my_centres, run
from tsc_hub.network.workflow import ACTION_LABELS


@login_required
@domain_pages
def ticket_list(request: HttpRequest) -> HttpResponse:
    require_space(request.user)
    tickets = list(Ticket.objects.visible_to(request.user).with_related()[:200])
    for ticket in tickets:
        ticket.late = services.is_overdue(ticket)
    return render(
        request, "network/tickets.html", {"tickets": tickets, "can_open": bool(my_centres(request.user))}
    )


@login_required
@domain_pages
def ticket_create(request: HttpRequest) -> HttpResponse:
    require_space(request.user)
    centres = my_centres(request.user)
    form = TicketForm(request.POST or None, centres=centres)
    if request.method == "POST" and form.is_valid():
        v, user = form.cleaned_data, signed_in_user(request)
        centre = next(c for c in centres if str(c.pk) == v["centre"])
        ticket = run(
            request,
            lambda: services.open_ticket(
                centre=centre, subject=v["subject"], body=v["body"], category=v["category"], by=user
            ),
            form,
        )
        if ticket is not None:
            messages.success(request, _("The coordination entity has your ticket."))
            return redirect("network:ticket", ticket.pk)
    return render(request, "network/form.html", {"form": form, "heading": _("Ask the coordination entity")})


@login_required
@domain_pages
def ticket_detail(request: HttpRequest, ticket_id: int) -> HttpResponse:
    ticket = access_ticket(request.user, ticket_id)
    context = {
        "ticket": ticket,
        "late": services.is_overdue(ticket),
        "actions": ticket.actions,
        "replies": ticket.replies.select_related("author"),
        "reply_form": ReplyForm(),
        "history": ticket.steps.select_related("by"),
        "assign_form": _assign_form(None, ticket)
        if is_coordination(request.user) and ticket.state != "closed"
        else None,
    }
    return render(request, "network/ticket.html", context)


@login_required
@require_POST
@domain_pages
def ticket_reply(request: HttpRequest, ticket_id: int) -> HttpResponse:
    ticket = access_ticket(request.user, ticket_id)
    form = ReplyForm(request.POST)
    if form.is_valid():
        user = signed_in_user(request)
        if run(
            request, lambda: services.reply_to_ticket(ticket=ticket, body=form.cleaned_data["body"], by=user)
        ):
            messages.success(request, _("Sent."))
    return redirect("network:ticket", ticket.pk)


@login_required
@require_POST
@domain_pages
def ticket_transition(request: HttpRequest, ticket_id: int) -> HttpResponse:
    ticket = access_ticket(request.user, ticket_id)
    action, reason, user = (
        request.POST.get("action", ""),
        request.POST.get("reason", ""),
        signed_in_user(request),
    )
    if run(request, lambda: services.transition_ticket(ticket=ticket, action=action, by=user, reason=reason)):
        messages.success(request, _("Done: %(action)s.") % {"action": ACTION_LABELS.get(action, action)})
    return redirect("network:ticket", ticket.pk)


def _coordination_staff() -> list[User]:
    held = RoleAssignment.objects.active().filter(role=Role.COORDINATION_STAFF)
    return list(User.objects.filter(pk__in=held.values("user_id"), is_active=True).order_by("email"))


def _assign_form(data: object, ticket: Ticket) -> AssignTicketForm:
    initial = {"assignee": str(ticket.assignee_id or "")}
    return AssignTicketForm(data, people=_coordination_staff(), initial=initial)


@login_required
@require_POST
@domain_pages
def ticket_assign(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Give the ticket to a member of the coordination staff (coordination staff)."""
    ticket = access_ticket(request.user, ticket_id)
    if not is_coordination(request.user):
        return forbidden(request, _("Only the coordination entity assigns tickets."))
    form = _assign_form(request.POST, ticket)
    if not form.is_valid():
        messages.error(request, _("Choose a member of the coordination staff."))
        return redirect("network:ticket", ticket.pk)
    assignee = User.objects.get(pk=form.cleaned_data["assignee"])
    user = signed_in_user(request)
    if run(request, lambda: services.assign_ticket(ticket=ticket, assignee=assignee, by=user)):
        messages.success(request, _("The ticket was assigned to %(person)s.") % {"person": assignee})
    return redirect("network:ticket", ticket.pk)
