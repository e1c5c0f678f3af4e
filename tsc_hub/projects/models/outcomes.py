"""What a project produced (typed outputs feeding the indicators) and how each side rated it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.projects.states import OutputKind, RatingSide

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _party(related: str) -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        "geography.Party", null=True, blank=True, on_delete=models.PROTECT, related_name=related
    )


def _centre(related: str) -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        "centres.SupportCentre", null=True, blank=True, on_delete=models.PROTECT, related_name=related
    )


def _count(label: StrOrPromise) -> models.PositiveIntegerField:  # type: ignore[type-arg]
    return models.PositiveIntegerField(label, null=True, blank=True)


class ProjectOutput(models.Model):
    """One output of a project; which fields apply depends on `kind` (checked by the service)."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="outputs")
    kind = models.CharField(_("kind"), max_length=40, choices=OutputKind.choices)
    # Title of joint research or a joint venture, name of an expert network.
    title = models.JSONField(_("title or name"), default=dict, blank=True)
    description = models.JSONField(_("description"), default=dict, blank=True)
    from_country = _party("+")
    to_country = _party("+")
    experts_count = _count(_("number of experts"))
    participants_women = _count(_("women trained"))
    participants_men = _count(_("men trained"))
    participants_other = _count(_("other participants trained"))
    from_centre = _centre("+")
    to_centre = _centre("+")
    members_count = _count(_("number of members"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("project output")
        verbose_name_plural = _("project outputs")

    def __str__(self) -> str:
        return f"{self.project_id}: {self.kind}"

    @property
    def participants_total(self) -> int:
        """Everyone trained, for training outputs."""
        return sum(n or 0 for n in (self.participants_women, self.participants_men, self.participants_other))


class ProjectRating(models.Model):
    """One side's rating of a finished project, 1 (poor) to 5 (excellent); each side rates once."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="ratings")
    side = models.CharField(_("side"), max_length=20, choices=RatingSide.choices)
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["side"]
        verbose_name = _("project rating")
        verbose_name_plural = _("project ratings")
        constraints = [
            models.UniqueConstraint(fields=["project", "side"], name="project_rated_once_per_side"),
            models.CheckConstraint(
                name="project_rating_1_to_5", condition=models.Q(score__gte=1, score__lte=5)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.side}: {self.score}"
