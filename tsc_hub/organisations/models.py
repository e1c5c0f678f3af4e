"""Organisations, with the fields of the CHM `organization` record."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.organisations.querysets import OrganisationQuerySet


class Organisation(models.Model):
    """An organisation that requests, provides or hosts cooperation."""

    names = models.JSONField(_("name"), default=dict)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    organisation_type = models.ForeignKey(
        "vocabularies.Term", on_delete=models.PROTECT, related_name="+", verbose_name=_("type")
    )
    country = models.ForeignKey(
        "geography.Party", on_delete=models.PROTECT, related_name="organisations", verbose_name=_("country")
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    websites = models.JSONField(_("websites"), default=list, blank=True)  # [{"url": ..., "name": ...}]
    emails = models.JSONField(_("e-mail addresses"), default=list, blank=True)
    descriptions = models.JSONField(_("description"), default=dict, blank=True)
    operational_languages = models.JSONField(_("operational languages"), default=list, blank=True)
    operational_regions = models.ManyToManyField(
        "geography.Region", blank=True, related_name="+", verbose_name=_("operational regions")
    )
    gbf_targets = models.ManyToManyField(
        "vocabularies.Term", blank=True, related_name="organisations", verbose_name=_("GBF targets of work")
    )
    original_language = models.CharField(_("original language"), max_length=2, default="en")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        name = pick_text(self.names, original=self.original_language).text
        return f"{name} ({self.acronym})" if self.acronym and self.acronym not in name else name

    def party_codes(self) -> set[str]:
        """Scope keys for the role policy: the organisation's country."""
        return {self.country_id}

    def organisation_ids(self) -> set[int]:
        """Scope keys for the role policy: the organisation itself."""
        return {self.pk} if self.pk else set()
