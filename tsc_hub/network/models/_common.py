"""Field builders shared by the network's models."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def person(related: str = "+", label: Any = None) -> Any:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related,
        verbose_name=label or _("by"),
    )


def centre(related: str, label: Any = None) -> Any:
    return models.ForeignKey(
        "centres.SupportCentre",
        on_delete=models.PROTECT,
        related_name=related,
        verbose_name=label or _("support centre"),
    )


class StepBase(models.Model):
    """A workflow step: who moved the record from which state to which, when and why."""

    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from"), max_length=30, blank=True)
    to_state = models.CharField(_("to"), max_length=30)
    by = person()
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state} -{self.action}-> {self.to_state}"
