"""A request for assistance, with the fields of the CHM `bbiRequest` record and tsc-hub's own."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.assistance.querysets import AssistanceRequestQuerySet
from tsc_hub.assistance.states import RequestState, Urgency, Visibility


def _terms(verbose: Any, related: str) -> models.ManyToManyField:  # type: ignore[type-arg]
    return models.ManyToManyField("vocabularies.Term", blank=True, related_name=related, verbose_name=verbose)


class AssistanceRequest(models.Model):
    """A Party's request for technical and scientific cooperation."""

    # Who asks (CHM: country, organization, contact, coverage).
    country = models.ForeignKey(
        "geography.Party", on_delete=models.PROTECT, related_name="assistance_requests"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="assistance_requests"
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    coverage_parties = models.ManyToManyField("geography.Party", blank=True, related_name="+")
    coverage_regions = models.ManyToManyField("geography.Region", blank=True, related_name="+")
    # What is asked (multilingual texts keyed by UN language).
    title = models.JSONField(_("title"), default=dict)
    problem = models.JSONField(_("problem"), default=dict)
    objectives = models.JSONField(_("objectives"), default=dict, blank=True)
    addressed_priorities = models.JSONField(_("national priorities addressed"), default=dict)
    types_details = models.JSONField(_("details of the assistance"), default=dict, blank=True)
    existing_initiatives = models.JSONField(_("existing initiatives"), default=dict, blank=True)
    co_financing = models.JSONField(_("co-financing"), default=dict, blank=True)
    assistance_types = _terms(_("types of assistance"), "+")
    gbf_targets = _terms(_("GBF targets"), "+")
    cbd_subjects = _terms(_("CBD subjects"), "+")
    beneficiary_types = _terms(_("beneficiaries"), "+")
    jurisdiction = models.ForeignKey(
        "vocabularies.Term", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    # tsc-hub's own fields.
    national_priority_reference = models.CharField(_("NBSAP or national target reference"), max_length=300)
    urgency = models.CharField(_("urgency"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL)
    working_languages = models.JSONField(_("working languages"), default=list)
    involves_traditional_knowledge = models.BooleanField(
        _("involves indigenous or traditional knowledge"), default=False
    )
    pic_recorded_at = models.DateTimeField(_("prior informed consent recorded"), null=True, blank=True)
    pic_reference = models.CharField(_("prior informed consent reference"), max_length=300, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    original_language = models.CharField(_("original language"), max_length=2, default="en")
    # Workflow.
    state = models.CharField(
        _("state"), max_length=30, choices=RequestState.choices, default=RequestState.DRAFT
    )
    state_changed_at = models.DateTimeField(_("in this state since"), auto_now_add=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True)
    centre = models.ForeignKey(
        "centres.SupportCentre",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assistance_requests",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    priority_score = models.PositiveSmallIntegerField(_("priority score"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    outcome = models.JSONField(_("outcome"), default=dict, blank=True)
    feedback = models.JSONField(_("feedback"), default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)
    chm_identifier = models.CharField(max_length=100, unique=True, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssistanceRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("request for assistance")
        verbose_name_plural = _("requests for assistance")
        constraints = [
            models.CheckConstraint(
                name="request_dates_ordered",
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
        return {self.country_id}

    def organisation_ids(self) -> set[int]:
        """Scope keys for the role policy: the requesting organisation."""
        return {self.organisation_id}

    @property
    def needs_consent(self) -> bool:
        """Traditional knowledge is involved and no prior informed consent is recorded yet."""
        return self.involves_traditional_knowledge and self.pic_recorded_at is None
