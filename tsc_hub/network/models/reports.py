"""A centre's annual activity report: figures snapshotted from live data, and a narrative."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.network.models._common import StepBase, centre, person
from tsc_hub.network.querysets import AnnualReportQuerySet
from tsc_hub.network.states import ReportState


class AnnualReport(models.Model):
    """What a centre did in a year. `figures` is a snapshot taken at pre-fill (or refresh) time, so that a
    submitted or published report never changes when the live records do (docs/adr/0020)."""

    centre = centre("annual_reports")
    year = models.PositiveSmallIntegerField(_("year"))
    figures = models.JSONField(_("figures"), default=dict)
    figures_at = models.DateTimeField(_("figures computed"), null=True, blank=True)
    narrative = models.JSONField(_("narrative"), default=dict, blank=True)
    original_language = models.CharField(_("original language"), max_length=2, default="en")
    state = models.CharField(
        _("state"), max_length=30, choices=ReportState.choices, default=ReportState.DRAFT
    )
    state_changed_at = models.DateTimeField(_("in this state since"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = person()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "centre__code"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        constraints = [models.UniqueConstraint(fields=["centre", "year"], name="network_one_report_per_year")]

    def __str__(self) -> str:
        return f"{self.centre.code} {self.year}"


class ReportStep(StepBase):
    """A workflow step of an annual report."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="steps")

    class Meta(StepBase.Meta):
        verbose_name = _("annual report step")
        verbose_name_plural = _("annual report steps")
