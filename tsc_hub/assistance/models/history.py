"""Every transition of a request, and the target time for each state."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.assistance.states import RequestState


class RequestTransition(models.Model):
    """One step of a request: who moved it from which state to which, when and why.

    Reassignments and officer changes are kept here too, with the same state on both sides.
    """

    request = models.ForeignKey(
        "assistance.AssistanceRequest", on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from"), max_length=30, choices=RequestState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=30, choices=RequestState.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("request transition")
        verbose_name_plural = _("request transitions")

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_state} -{self.action}-> {self.to_state}"


class StateTarget(models.Model):
    """How many days a request should stay in a state at most; past that it is overdue."""

    state = models.CharField(_("state"), max_length=30, choices=RequestState.choices, unique=True)
    target_days = models.PositiveSmallIntegerField(_("target (days)"))

    class Meta:
        ordering = ["state"]
        verbose_name = _("target time for a state")
        verbose_name_plural = _("target times for states")

    def __str__(self) -> str:
        return f"{self.state}: {self.target_days}"
