"""A project proposal: what the requester and the provider plan to do, assembled by the help desk."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Proposal(models.Model):
    """One proposal per request. Lists are JSON: partners, activities with milestones, indicators, budget."""

    request = models.OneToOneField(
        "assistance.AssistanceRequest", on_delete=models.CASCADE, related_name="proposal"
    )
    match = models.ForeignKey(
        "matching.Match", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=2)
    title = models.CharField(_("title"), max_length=300)
    problem = models.TextField(_("problem"))
    objectives = models.TextField(_("objectives"), blank=True)
    # [{"name": ..., "country": "ke", "role": "requester" | "provider" | "partner"}]
    partners = models.JSONField(_("partners"), default=list)
    # [{"title": ..., "milestone": "YYYY-MM-DD"}]
    activities = models.JSONField(_("activities and milestones"), default=list)
    # [{"name": ..., "target": ...}]
    indicators = models.JSONField(_("indicators"), default=list)
    # [{"item": ..., "amount": "1000.00", "currency": "USD"}]
    budget = models.JSONField(_("budget"), default=list)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("project proposal")
        verbose_name_plural = _("project proposals")

    def __str__(self) -> str:
        return self.title
