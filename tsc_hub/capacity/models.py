"""Capacity needs recorded by Parties and capacity-building activities recorded by organisations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.capacity.querysets import ActivityQuerySet, NeedQuerySet


class Priority(models.TextChoices):
    """How urgent a need is for the Party that has it."""

    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class CapacityType(models.TextChoices):
    """The level at which capacity is lacking (the usual three levels of capacity development)."""

    INDIVIDUAL = "individual", _("Individual (skills and knowledge of people)")
    INSTITUTIONAL = "institutional", _("Institutional (organisations and their procedures)")
    SYSTEMIC = "systemic", _("Systemic (policies, laws and the enabling environment)")


class NeedStatus(models.TextChoices):
    """Where a need stands; a met need is closed."""

    OPEN = "open", _("Open")
    BEING_ADDRESSED = "being_addressed", _("Being addressed")
    MET = "met", _("Met")


class ActivityStatus(models.TextChoices):
    """Where an activity stands; a completed activity is closed."""

    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class Grouping(models.TextChoices):
    """How the gap view groups Parties into regions; each value is the name of a `Party` field."""

    CBD_GROUP = "cbd_group", _("CBD regional groups")
    M49_SUBREGION = "m49_subregion", _("UN M49 subregions")


class CapacityRecord(models.Model):
    """What needs and activities share: multilingual texts, GBF and CBD tags, version, authorship."""

    title = models.JSONField(_("title"), default=dict)
    description = models.JSONField(_("description"), default=dict)
    gbf_targets = models.ManyToManyField("vocabularies.Term", related_name="+", verbose_name=_("GBF targets"))
    cbd_subjects = models.ManyToManyField(
        "vocabularies.Term", blank=True, related_name="+", verbose_name=_("CBD subjects")
    )
    original_language = models.CharField(_("original language"), max_length=2, default="en")
    # When the status last changed, so that time in a status is a query (the audit log has every change).
    status_changed_at = models.DateTimeField(_("status changed at"), auto_now_add=True)
    # Every write adds one; an edit made from an older version is refused (optimistic locking).
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title, original=self.original_language).text or f"#{self.pk}"


class CapacityNeed(CapacityRecord):
    """A capacity need of a Party, with its priority and the GBF targets it serves. Public once saved."""

    party = models.ForeignKey(
        "geography.Party", on_delete=models.PROTECT, related_name="capacity_needs", verbose_name=_("Party")
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM, db_index=True
    )
    capacity_type = models.CharField(_("type of capacity"), max_length=20, choices=CapacityType.choices)
    start_year = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.OPEN, db_index=True
    )

    objects = NeedQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("capacity need")
        verbose_name_plural = _("capacity needs")
        constraints = [
            models.CheckConstraint(
                name="need_years_ordered",
                condition=models.Q(start_year__isnull=True)
                | models.Q(end_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
            )
        ]

    @property
    def is_closed(self) -> bool:
        return self.status == NeedStatus.MET

    def party_codes(self) -> set[str]:
        """Scope keys for the role policy: the Party that has the need."""
        return {self.party_id} if self.party_id else set()

    def organisation_ids(self) -> set[int]:
        """A need belongs to no organisation."""
        return set()


class CapacityActivity(CapacityRecord):
    """A capacity-building activity of an organisation, ongoing, planned or completed, and whom it serves."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="capacity_activities",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActivityStatus.choices,
        default=ActivityStatus.PLANNED,
        db_index=True,
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    countries = models.ManyToManyField(
        "geography.Party", blank=True, related_name="capacity_activities", verbose_name=_("countries")
    )
    regions = models.ManyToManyField(
        "geography.Region", blank=True, related_name="+", verbose_name=_("regions")
    )
    beneficiaries = models.JSONField(_("beneficiaries"), default=dict, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("capacity-building activity")
        verbose_name_plural = _("capacity-building activities")
        constraints = [
            models.CheckConstraint(
                name="activity_dates_ordered",
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
            )
        ]

    @property
    def is_closed(self) -> bool:
        return self.status == ActivityStatus.COMPLETED

    def covered_party_codes(self) -> set[str]:
        """Codes of the Parties covered, named directly or as members of a covered region."""
        codes = {party.code for party in self.countries.all()}
        for region in self.regions.all():
            codes.update(member.code for member in region.members.all())
        return codes

    def party_codes(self) -> set[str]:
        """Scope keys for the role policy: the country of the organisation (help desks serving it)."""
        return {self.organisation.country_id} if self.organisation_id else set()

    def organisation_ids(self) -> set[int]:
        """Scope keys for the role policy: the organisation that runs the activity."""
        return {self.organisation_id} if self.organisation_id else set()
