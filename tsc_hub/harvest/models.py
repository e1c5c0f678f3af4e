"""Sources of records on other portals, and the report of every harvest of them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tsc_hub.harvest.querysets import HarvestRunQuerySet, HarvestSourceQuerySet
from tsc_hub.harvest.states import Protocol, RunState, Schedule
from tsc_hub.knowledge.states import ResourceKind

DEFAULT_METADATA_PREFIX = "oai_dc"


class HarvestSource(models.Model):
    """Another portal whose records are read into tsc-hub, by OAI-PMH or as CHM JSON."""

    # The name is the `source` of every resource harvested from here: it names their provenance.
    name = models.CharField(_("name"), max_length=100, unique=True)
    protocol = models.CharField(_("protocol"), max_length=20, choices=Protocol.choices)
    base_url = models.URLField(_("address"), max_length=500)
    # CHM JSON: more documents read after the first one, one address a line.
    extra_urls = models.TextField(_("further addresses"), blank=True)
    oai_set = models.CharField(_("OAI set"), max_length=200, blank=True)
    metadata_prefix = models.CharField(
        _("metadata format"), max_length=50, default=DEFAULT_METADATA_PREFIX, blank=True
    )
    default_kind = models.CharField(
        _("kind of records of unknown type"),
        max_length=30,
        choices=ResourceKind.choices,
        default=ResourceKind.PUBLICATION,
    )
    # CHM JSON: records whose organisation is not known are filed under this one.
    fallback_organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation for records whose organisation is not known"),
    )
    publish_on_import = models.BooleanField(_("publish new records at once"), default=False)
    active = models.BooleanField(_("active"), default=True)
    schedule = models.CharField(
        _("schedule"), max_length=10, choices=Schedule.choices, default=Schedule.DAILY
    )
    # The `from` of the next harvest: set by the last successful harvest (the source's own clock).
    last_harvested_from = models.DateTimeField(_("next harvest reads changes from"), null=True, blank=True)
    last_scheduled_at = models.DateTimeField(_("last put on the schedule"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HarvestSourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("harvest source")
        verbose_name_plural = _("harvest sources")

    def __str__(self) -> str:
        return self.name

    def urls(self) -> list[str]:
        """Every address read: the base address, then the further ones (CHM JSON)."""
        extra = [line.strip() for line in self.extra_urls.splitlines() if line.strip()]
        return [self.base_url, *extra]

    @property
    def job_kind(self) -> str:
        """The kind of the core Job of a harvest of this source (one queued or running at a time)."""
        return f"harvest.source:{self.pk}"


class HarvestRun(models.Model):
    """One harvest of a source: the dates asked for, what happened to the records, what was wrong."""

    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="runs")
    job = models.ForeignKey(
        "core.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="harvest_runs"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=RunState.choices, default=RunState.RUNNING)
    started_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    from_datestamp = models.DateTimeField(_("changes from"), null=True, blank=True)
    until_datestamp = models.DateTimeField(_("changes until"), null=True, blank=True)
    next_from = models.DateTimeField(_("next harvest from"), null=True, blank=True)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    withdrawn = models.PositiveIntegerField(_("withdrawn"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    # [{"identifier": ..., "reason": ...}] for the skipped records (the first MAX_PROBLEMS of them).
    problems = models.JSONField(_("problems"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)

    objects = HarvestRunQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("harvest run")
        verbose_name_plural = _("harvest runs")

    def __str__(self) -> str:
        return f"{self.source_id} {self.started_at:%Y-%m-%d %H:%M} ({self.state})"

    @property
    def read(self) -> int:
        """How many records the run read."""
        return self.created + self.updated + self.unchanged + self.withdrawn + self.skipped

    @property
    def problems_cut(self) -> bool:
        """Whether more records were skipped than the problems list keeps."""
        return self.skipped > len(self.problems)
