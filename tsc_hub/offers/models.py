"""Provider profiles (CHM `bbiProfile`) and cooperation offers (CHM `bbiOpportunity`), with their history."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.offers.querysets import OfferQuerySet, ProfileQuerySet


class RecordState(models.TextChoices):
    """Where a profile or an offer stands in its workflow."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


# Workflow actions as people read them (the tables themselves are in workflow.py).
ACTION_LABELS = {
    "create": _("Created"),
    "submit": _("Submit for review"),
    "publish": _("Publish"),
    "return": _("Return to the provider"),
    "withdraw": _("Withdraw"),
    "expire": _("Expire"),
}


class RecordType(models.TextChoices):
    """The two kinds of record this app keeps a history for."""

    PROFILE = "profile", _("Provider profile")
    OFFER = "offer", _("Offer")


class CooperationRecord(models.Model):
    """What profiles and offers share: workflow state, optimistic version, CHM identity, languages."""

    working_languages = models.JSONField(_("working languages"), default=list, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    original_language = models.CharField(_("original language"), max_length=2, default="en")
    state = models.CharField(
        _("state"), max_length=20, choices=RecordState.choices, default=RecordState.DRAFT, db_index=True
    )
    # Every write adds one; an edit made from an older version is refused (optimistic locking).
    version = models.PositiveIntegerField(_("version"), default=1)
    chm_identifier = models.CharField(_("CHM identifier"), max_length=100, unique=True, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def working_language_names(self) -> list[str]:
        """The working languages, each named in itself."""
        from tsc_hub.core.languages import NATIVE_NAMES

        return [NATIVE_NAMES.get(code, code) for code in self.working_languages]

    def owner(self) -> Any:
        """The organisation responsible for the record."""
        raise NotImplementedError

    def coverage(self) -> tuple[Any, Any]:
        """The related managers of the Parties and regions the record covers."""
        raise NotImplementedError

    def covered_party_codes(self) -> set[str]:
        """Codes of the Parties covered, directly or as members of a covered region."""
        parties, regions = self.coverage()
        codes = {party.code for party in parties.all()}
        for region in regions.all():
            codes.update(member.code for member in region.members.all())
        return codes

    def party_codes(self) -> set[str]:
        """Scope keys for the role policy: the country of the responsible organisation."""
        owner = self.owner()
        return {owner.country_id} if owner is not None else set()

    def organisation_ids(self) -> set[int]:
        """Scope keys for the role policy: the responsible organisation."""
        owner = self.owner()
        return {owner.pk} if owner is not None and owner.pk else set()


class ProviderProfile(CooperationRecord):
    """An organisation's offer to provide assistance in general (CHM `bbiProfile`)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="provider_profiles",
        verbose_name=_("organisation"),
    )
    title = models.JSONField(_("title"), default=dict)
    coverage_parties = models.ManyToManyField(
        "geography.Party", blank=True, related_name="provider_profiles", verbose_name=_("Parties covered")
    )
    coverage_regions = models.ManyToManyField(
        "geography.Region", blank=True, related_name="+", verbose_name=_("regions covered")
    )
    cbd_subjects = models.ManyToManyField(
        "vocabularies.Term", related_name="+", verbose_name=_("CBD subjects")
    )
    assistance_types = models.ManyToManyField(
        "vocabularies.Term", related_name="+", verbose_name=_("types of assistance")
    )
    assistance_types_free = models.JSONField(_("other types of assistance"), default=dict, blank=True)
    expertise = models.JSONField(_("expertise"), default=dict, blank=True)
    collaboration_areas = models.JSONField(_("areas of collaboration"), default=dict, blank=True)
    capacity = models.PositiveIntegerField(_("simultaneous cooperations"), default=1)
    gbf_targets = models.ManyToManyField(
        "vocabularies.Term", blank=True, related_name="+", verbose_name=_("GBF targets")
    )

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("provider profile")
        verbose_name_plural = _("provider profiles")
        constraints = [
            models.CheckConstraint(name="profile_capacity_positive", condition=models.Q(capacity__gte=1))
        ]

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title, original=self.original_language).text or f"#{self.pk}"

    def owner(self) -> Any:
        return self.organisation if self.organisation_id else None

    def coverage(self) -> tuple[Any, Any]:
        return self.coverage_parties, self.coverage_regions


class Offer(CooperationRecord):
    """A concrete cooperation opportunity with eligibility and a deadline (CHM `bbiOpportunity`)."""

    primary_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="offers",
        verbose_name=_("primary organisation"),
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="partner_offers", verbose_name=_("partners")
    )
    title = models.JSONField(_("title"), default=dict)
    description = models.JSONField(_("description"), default=dict)
    areas_benefited_parties = models.ManyToManyField(
        "geography.Party", blank=True, related_name="offers", verbose_name=_("Parties benefited")
    )
    areas_benefited_regions = models.ManyToManyField(
        "geography.Region", blank=True, related_name="+", verbose_name=_("regions benefited")
    )
    assistance_types = models.ManyToManyField(
        "vocabularies.Term", related_name="+", verbose_name=_("types of assistance")
    )
    eligibility = models.JSONField(_("eligibility"), default=dict)
    application_process = models.JSONField(_("application process"), default=dict)
    primary_beneficiaries = models.ManyToManyField(
        "vocabularies.Term", blank=True, related_name="+", verbose_name=_("primary beneficiaries")
    )
    potential_outcomes = models.JSONField(_("potential outcomes"), default=dict, blank=True)
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True, db_index=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    cbd_subjects = models.ManyToManyField(
        "vocabularies.Term", blank=True, related_name="+", verbose_name=_("CBD subjects")
    )
    gbf_targets = models.ManyToManyField(
        "vocabularies.Term", blank=True, related_name="+", verbose_name=_("GBF targets")
    )

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.CheckConstraint(
                name="offer_dates_ordered",
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
            )
        ]

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title, original=self.original_language).text or f"#{self.pk}"

    def owner(self) -> Any:
        return self.primary_organisation if self.primary_organisation_id else None

    def coverage(self) -> tuple[Any, Any]:
        return self.areas_benefited_parties, self.areas_benefited_regions


class RecordTransition(models.Model):
    """One step of a profile's or an offer's workflow; the rows of a record give its time in each state."""

    record_type = models.CharField(_("record type"), max_length=20, choices=RecordType.choices)
    record_id = models.PositiveBigIntegerField(_("record id"))
    from_state = models.CharField(_("from"), max_length=20, blank=True)
    to_state = models.CharField(_("to"), max_length=20)
    action = models.CharField(_("action"), max_length=30)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        indexes = [models.Index(fields=["record_type", "record_id", "at"])]

    def __str__(self) -> str:
        return f"{self.record_type} {self.record_id}: {self.from_state or '∅'} → {self.to_state}"

    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))

    def from_state_label(self) -> str:
        return str(RecordState(self.from_state).label) if self.from_state in RecordState.values else ""

    def to_state_label(self) -> str:
        return str(RecordState(self.to_state).label) if self.to_state in RecordState.values else self.to_state
