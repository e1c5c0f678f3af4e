"""Knowledge-hub resources: the CHM `resource` fields (mapped to Dublin Core, see docs/knowledge.md), tags,
provenance, a review workflow and the history of every published version."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.knowledge.querysets import ResourceQuerySet
from tsc_hub.knowledge.states import ResourceKind, ResourceState


def _terms(verbose: Any) -> models.ManyToManyField:  # type: ignore[type-arg]
    return models.ManyToManyField("vocabularies.Term", blank=True, related_name="+", verbose_name=verbose)


class Resource(models.Model):
    """One record of the knowledge hub (CHM `resource`, and `capacityBuildingInitiative` for initiatives)."""

    kind = models.CharField(_("kind"), max_length=30, choices=ResourceKind.choices, db_index=True)
    title = models.JSONField(_("title"), default=dict)  # dc:title
    summary = models.JSONField(_("summary"), default=dict, blank=True)  # dc:description
    authors = models.JSONField(_("authors"), default=list, blank=True)  # dc:creator, names as written
    organisations = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="resources", verbose_name=_("organisations")
    )  # dc:publisher / contributor
    publication_date = models.DateField(_("publication date"), null=True, blank=True)  # dc:date
    links = models.JSONField(
        _("links"), default=list, blank=True
    )  # [{"url", "name", "language"}]: dc:identifier
    resource_languages = models.JSONField(
        _("languages of the resource"), default=list, blank=True
    )  # dc:language
    cbd_subjects = _terms(_("CBD subjects"))  # dc:subject
    gbf_targets = _terms(_("GBF targets"))  # dc:subject
    countries = models.ManyToManyField(
        "geography.Party", blank=True, related_name="resources", verbose_name=_("countries")
    )  # dc:coverage
    regions = models.ManyToManyField(
        "geography.Region", blank=True, related_name="+", verbose_name=_("regions")
    )  # dc:coverage
    keywords = models.JSONField(_("keywords"), default=list, blank=True)  # CHM tags: free words
    rights = models.CharField(_("rights and licence"), max_length=300, blank=True)  # dc:rights
    # Events, courses and funding calls have dates; a funding call may have a deadline.
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    # Provenance: where the record comes from and under which identifier.
    source = models.CharField(_("source"), max_length=100, default="tsc-hub")
    original_identifier = models.CharField(_("original identifier"), max_length=200, blank=True)
    harvested_from = models.URLField(_("harvested from"), max_length=500, blank=True)
    harvested_at = models.DateTimeField(_("harvested"), null=True, blank=True)
    chm_identifier = models.CharField(_("CHM identifier"), max_length=100, unique=True, null=True, blank=True)
    original_language = models.CharField(_("original language"), max_length=2, default="en")
    owner = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_resources",
        verbose_name=_("responsible organisation"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ResourceState.choices, default=ResourceState.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                name="resource_dates_ordered",
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
            ),
            models.UniqueConstraint(
                fields=["source", "original_identifier"],
                condition=~models.Q(original_identifier=""),
                name="resource_once_per_source_identifier",
            ),
        ]

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title, original=self.original_language).text or f"#{self.pk}"

    def party_codes(self) -> set[str]:
        """Scope keys for the role policy: the countries tagged, and the country of the owner."""
        codes = {party.pk for party in self.countries.all()} if self.pk else set()
        if self.owner is not None:
            codes.add(self.owner.country_id)
        return codes

    def organisation_ids(self) -> set[int]:
        """Scope keys for the role policy: the responsible organisation."""
        return {self.owner_id} if self.owner_id is not None else set()


class ResourceRevision(models.Model):
    """The content of a resource as it was after one change: what changed, by whom, when."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("resource revision")
        verbose_name_plural = _("resource revisions")
        constraints = [
            models.UniqueConstraint(fields=["resource", "version"], name="one_revision_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} v{self.version}"


class ResourceTransition(models.Model):
    """A step of the review workflow, with who took it and why."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=30)
    from_state = models.CharField(_("from"), max_length=20)
    to_state = models.CharField(_("to"), max_length=20)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("resource transition")
        verbose_name_plural = _("resource transitions")

    def __str__(self) -> str:
        return f"{self.resource_id}: {self.from_state} -{self.action}-> {self.to_state}"

    def action_label(self) -> str:
        from tsc_hub.knowledge.workflow import ACTION_LABELS

        return str(ACTION_LABELS.get(self.action, self.action))

    def from_state_label(self) -> str:
        return str(ResourceState(self.from_state).label) if self.from_state in ResourceState.values else ""

    def to_state_label(self) -> str:
        return str(ResourceState(self.to_state).label) if self.to_state in ResourceState.values else ""
