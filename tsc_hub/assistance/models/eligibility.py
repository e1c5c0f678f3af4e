"""The help desk's configurable eligibility and priority checklist."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EligibilityCriterion(models.Model):
    """One item of the checklist, with its weight in the priority score."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    labels = models.JSONField(_("labels"), default=dict)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("eligibility criterion")
        verbose_name_plural = _("eligibility criteria")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.labels).text or self.code


class EligibilityAssessment(models.Model):
    """Whether a request meets one criterion, as the help desk judged it."""

    request = models.ForeignKey(
        "assistance.AssistanceRequest", on_delete=models.CASCADE, related_name="assessments"
    )
    criterion = models.ForeignKey(EligibilityCriterion, on_delete=models.PROTECT, related_name="+")
    met = models.BooleanField(_("met"))
    note = models.TextField(_("note"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["criterion__position"]
        verbose_name = _("eligibility assessment")
        verbose_name_plural = _("eligibility assessments")
        constraints = [
            models.UniqueConstraint(fields=["request", "criterion"], name="one_assessment_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.request_id}/{self.criterion_id}: {self.met}"
