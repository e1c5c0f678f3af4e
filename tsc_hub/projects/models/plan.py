"""The plan of a project: milestones and progress indicators."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Milestone(models.Model):
    """A step of the plan with a due date; `done_at` is set when it is reached."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="milestones")
    title = models.JSONField(_("title"), default=dict)
    due_date = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title).text or f"#{self.pk}"


class ProgressIndicator(models.Model):
    """A measure of the project's progress: from a baseline towards a target, in a unit."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="indicators")
    name = models.JSONField(_("name"), default=dict)
    unit = models.CharField(_("unit"), max_length=60)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, default=0)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    current_value = models.DecimalField(_("current value"), max_digits=14, decimal_places=2, default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("progress indicator")
        verbose_name_plural = _("progress indicators")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.name).text or f"#{self.pk}"

    @property
    def progress_percent(self) -> int | None:
        """How far from baseline to target the current value is, 0–100 (None when they are equal)."""
        span = self.target - self.baseline
        if not span:
            return None
        return max(0, min(100, round((self.current_value - self.baseline) * 100 / span)))
