"""Pages of the global help desk: a centre's tickets to the coordination entity."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.network import services
from tsc_hub.network.access import access_ticket, require_space
from tsc_hub.network.forms import ReplyForm, TicketForm
from tsc_hub.network.models import Ticket
from tsc_hub.network.views.common import domain_pages, my_centres, run
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
