"""The global help desk: a centre asks the coordination entity for support."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.network.models._common import StepBase, centre, person
from tsc_hub.network.querysets import TicketQuerySet
from tsc_hub.network.states import TicketCategory, TicketState


class Ticket(models.Model):
    """A centre's request for support, with target times for the first response and the resolution."""

    centre = centre("tickets")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("question"))
    category = models.CharField(_("category"), max_length=30, choices=TicketCategory.choices)
    state = models.CharField(_("state"), max_length=20, choices=TicketState.choices, default=TicketState.OPEN)
    state_changed_at = models.DateTimeField(_("in this state since"), auto_now_add=True)
    opened_by = person("+", _("opened by"))
    assignee = person("+", _("assigned to"))
    first_response_due = models.DateTimeField(_("first response due"), db_index=True)
    resolution_due = models.DateTimeField(_("resolution due"), db_index=True)
    first_responded_at = models.DateTimeField(_("first response"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = TicketQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")

    def __str__(self) -> str:
        return self.subject


class TicketReply(models.Model):
    """A message on a ticket, from the centre or the coordination entity."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="replies")
    author = person()
    body = models.TextField(_("reply"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reply to a ticket")
        verbose_name_plural = _("replies to tickets")

    def __str__(self) -> str:
        return f"{self.ticket_id}: {self.body[:60]}"


class TicketStep(StepBase):
    """A workflow step of a ticket."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="steps")

    class Meta(StepBase.Meta):
        verbose_name = _("ticket step")
        verbose_name_plural = _("ticket steps")
