"""A centre's results-based biennial work plan: outcomes, activities with budgets, indicators."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.network.models._common import StepBase, centre, person
from tsc_hub.network.querysets import WorkPlanQuerySet
from tsc_hub.network.states import PlanState


class WorkPlan(models.Model):
    """A centre's work plan for a period (e.g. 2024–2026), approved by the coordination entity."""

    centre = centre("work_plans")
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    title = models.JSONField(_("title"), default=dict)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    original_language = models.CharField(_("original language"), max_length=2, default="en")
    state = models.CharField(_("state"), max_length=30, choices=PlanState.choices, default=PlanState.DRAFT)
    state_changed_at = models.DateTimeField(_("in this state since"), auto_now_add=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = person()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WorkPlanQuerySet.as_manager()

    class Meta:
        ordering = ["centre__code", "-start_year"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        constraints = [
            models.UniqueConstraint(fields=["centre", "start_year"], name="network_one_plan_per_period"),
            models.CheckConstraint(
                name="network_plan_years_ordered", condition=models.Q(end_year__gte=models.F("start_year"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.centre.code} {self.start_year}–{self.end_year}"

    def budget_totals(self) -> dict[str, Decimal]:
        """The budget per currency, summed over the activities."""
        totals: dict[str, Decimal] = {}
        for outcome in self.outcomes.all():
            for activity in outcome.activities.all():
                if activity.budget_amount is not None:
                    code = activity.budget_currency
                    totals[code] = totals.get(code, Decimal(0)) + activity.budget_amount
        return dict(sorted(totals.items()))


class PlanOutcome(models.Model):
    """An expected outcome of a work plan."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="outcomes")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.JSONField(_("outcome"), default=dict)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title).text


class PlanActivity(models.Model):
    """An activity leading to an outcome, with its budget."""

    outcome = models.ForeignKey(PlanOutcome, on_delete=models.CASCADE, related_name="activities")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.JSONField(_("activity"), default=dict)
    budget_amount = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    budget_currency = models.CharField(_("currency"), max_length=3, default="USD")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                name="network_budget_not_negative",
                condition=models.Q(budget_amount__isnull=True) | models.Q(budget_amount__gte=0),
            )
        ]

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title).text


class PerformanceIndicator(models.Model):
    """How progress towards an outcome is measured: a baseline and a target in a unit."""

    outcome = models.ForeignKey(PlanOutcome, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.JSONField(_("indicator"), default=dict)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("performance indicator")
        verbose_name_plural = _("performance indicators")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.name).text


class PlanStep(StepBase):
    """A workflow step of a work plan."""

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="steps")

    class Meta(StepBase.Meta):
        verbose_name = _("work plan step")
        verbose_name_plural = _("work plan steps")
