"""A cooperation project started from agreed matches, its partners and its history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.projects.querysets import ProjectQuerySet
from tsc_hub.projects.states import CooperationType, PartnerRole, ProjectState


class Project(models.Model):
    """Cooperation between a requester and its providers, from agreed matches of one request."""

    request = models.ForeignKey(
        "assistance.AssistanceRequest", on_delete=models.PROTECT, related_name="projects"
    )
    matches = models.ManyToManyField("matching.Match", related_name="projects", verbose_name=_("matches"))
    title = models.JSONField(_("title"), default=dict)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    original_language = models.CharField(_("original language"), max_length=2, default="en")
    # Derived from the partners' countries whenever they change (see cooperation.py); stored to be counted.
    cooperation_type = models.CharField(
        _("cooperation type"), max_length=20, choices=CooperationType.choices, blank=True
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=ProjectState.choices, default=ProjectState.PLANNING
    )
    state_changed_at = models.DateTimeField(_("in this state since"), auto_now_add=True)
    final_report = models.JSONField(_("final report"), default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                name="project_dates_ordered",
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
            )
        ]

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title, original=self.original_language).text or f"#{self.pk}"

    def party_codes(self) -> set[str]:
        """Scope keys for the role policy: the requesting Party."""
        return {self.request.country_id}

    def organisation_ids(self) -> set[int]:
        """Scope keys for the role policy: the requesting organisation."""
        return {self.request.organisation_id}


class ProjectPartner(models.Model):
    """An organisation taking part in a project, for a Party (by default the organisation's country)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    party = models.ForeignKey("geography.Party", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)

    class Meta:
        ordering = ["role", "id"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        constraints = [
            models.UniqueConstraint(fields=["project", "organisation", "role"], name="project_partner_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.role})"


class ProjectTransition(models.Model):
    """One step of a project: who moved it from which state to which, when and why."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from"), max_length=20, choices=ProjectState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=20, choices=ProjectState.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("project transition")
        verbose_name_plural = _("project transitions")

    def __str__(self) -> str:
        return f"{self.project_id}: {self.from_state} -{self.action}-> {self.to_state}"
