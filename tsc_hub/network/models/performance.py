"""Performance criteria for centres (data) and the coordination entity's yearly scoring of each centre."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.network.models._common import centre, person
from tsc_hub.network.querysets import ScoringQuerySet

MAX_SCORE = 5


class PerformanceCriterion(models.Model):
    """A criterion the coordination entity scores every centre on, with its weight (tsc_hub/network/data)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    names = models.JSONField(_("name"), default=dict)
    descriptions = models.JSONField(_("description"), default=dict, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("performance criterion")
        verbose_name_plural = _("performance criteria")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.names).text or self.code


class PerformanceScoring(models.Model):
    """One centre's scoring for one year; changing it makes a new version, the old ones kept as revisions."""

    centre = centre("scorings")
    year = models.PositiveSmallIntegerField(_("year"))
    comment = models.TextField(_("overall comment"), blank=True)
    # Weighted mean of the criterion scores, 0–5, stored so lists need no arithmetic.
    total = models.DecimalField(_("weighted score"), max_digits=4, decimal_places=2, default=0)
    version = models.PositiveIntegerField(default=1)
    scored_by = person()
    scored_at = models.DateTimeField(_("scored"), auto_now=True)

    objects = ScoringQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "centre__code"]
        verbose_name = _("performance scoring")
        verbose_name_plural = _("performance scorings")
        constraints = [
            models.UniqueConstraint(fields=["centre", "year"], name="network_one_scoring_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.centre.code} {self.year}: {self.total}"


class CriterionScore(models.Model):
    """The score (0–5) and comment one criterion got in a scoring."""

    scoring = models.ForeignKey(PerformanceScoring, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(PerformanceCriterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion__code"]
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [
            models.UniqueConstraint(fields=["scoring", "criterion"], name="network_one_score_per_criterion"),
            models.CheckConstraint(name="network_score_0_to_5", condition=models.Q(score__lte=MAX_SCORE)),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"


class ScoringRevision(models.Model):
    """A past version of a scoring, as it was before it was changed."""

    scoring = models.ForeignKey(PerformanceScoring, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    content = models.JSONField(default=dict)
    by = person()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("scoring revision")
        verbose_name_plural = _("scoring revisions")

    def __str__(self) -> str:
        return f"{self.scoring_id} v{self.version}"
