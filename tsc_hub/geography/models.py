"""Parties to the Convention and the regions (CHM region terms) that group them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.geography.querysets import PartyQuerySet, RegionQuerySet


class CbdRegionalGroup(models.TextChoices):
    """The five UN regional groups used by the CBD."""

    AFRICA = "africa", _("Africa")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    CENTRAL_EASTERN_EUROPE = "cee", _("Central and Eastern Europe")
    LATIN_AMERICA_CARIBBEAN = "grulac", _("Latin America and the Caribbean")
    WESTERN_EUROPE_OTHERS = "weog", _("Western Europe and others")


class M49Region(models.TextChoices):
    """The UN M49 regions that hold Parties (labels for filters and pages; the field stores the code)."""

    AFRICA = "002", _("Africa")
    AMERICAS = "019", _("Americas")
    ASIA = "142", _("Asia")
    EUROPE = "150", _("Europe")
    OCEANIA = "009", _("Oceania")


class M49Subregion(models.TextChoices):
    """The classic UN M49 subregions the CHM uses (no Sub-Saharan Africa or Latin America aggregates)."""

    EASTERN_AFRICA = "014", _("Eastern Africa")
    MIDDLE_AFRICA = "017", _("Middle Africa")
    NORTHERN_AFRICA = "015", _("Northern Africa")
    SOUTHERN_AFRICA = "018", _("Southern Africa")
    WESTERN_AFRICA = "011", _("Western Africa")
    CARIBBEAN = "029", _("Caribbean")
    CENTRAL_AMERICA = "013", _("Central America")
    NORTHERN_AMERICA = "021", _("Northern America")
    SOUTH_AMERICA = "005", _("South America")
    CENTRAL_ASIA = "143", _("Central Asia")
    EASTERN_ASIA = "030", _("Eastern Asia")
    SOUTHERN_ASIA = "034", _("Southern Asia")
    SOUTH_EASTERN_ASIA = "035", _("South-Eastern Asia")
    WESTERN_ASIA = "145", _("Western Asia")
    NORTHERN_EUROPE = "154", _("Northern Europe")
    SOUTHERN_EUROPE = "039", _("Southern Europe")
    WESTERN_EUROPE = "155", _("Western Europe")
    EASTERN_EUROPE = "151", _("Eastern Europe")
    AUSTRALIA_NEW_ZEALAND = "053", _("Australia and New Zealand")
    MELANESIA = "054", _("Melanesia")
    MICRONESIA = "057", _("Micronesia")
    POLYNESIA = "061", _("Polynesia")


class Party(models.Model):
    """A Party to the CBD (195 states and the European Union), keyed as the CHM writes it."""

    # Lowercase ISO 3166-1 alpha-2, or "eu".
    code = models.CharField(_("code"), max_length=2, primary_key=True)
    names = models.JSONField(_("names"), default=dict)  # {"ar": ..., "en": ..., ...}
    m49_code = models.CharField(_("UN M49 code"), max_length=3, blank=True)
    m49_region = models.CharField(_("UN M49 region"), max_length=3, blank=True)
    m49_subregion = models.CharField(_("UN M49 subregion"), max_length=3, blank=True)
    cbd_group = models.CharField(
        _("CBD regional group"), max_length=20, choices=CbdRegionalGroup.choices, blank=True
    )
    is_ldc = models.BooleanField(_("least developed country"), default=False)
    is_sids = models.BooleanField(_("small island developing State"), default=False)

    objects = PartyQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("Party")
        verbose_name_plural = _("Parties")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.names).text or self.code.upper()

    @property
    def m49_region_label(self) -> str:
        """The name of the Party's UN M49 region in the reader's language ("" for the EU)."""
        return str(M49Region(self.m49_region).label) if self.m49_region in M49Region.values else ""

    @property
    def m49_subregion_label(self) -> str:
        """The name of the Party's UN M49 subregion in the reader's language ("" for the EU)."""
        known = self.m49_subregion in M49Subregion.values
        return str(M49Subregion(self.m49_subregion).label) if known else ""

    def party_codes(self) -> set[str]:
        """Scope keys for the role policy: a Party is in its own scope."""
        return {self.code}


class RegionKind(models.TextChoices):
    """How a region term groups Parties."""

    GLOBAL = "global", _("Global")
    M49_REGION = "m49_region", _("UN M49 region")
    M49_SUBREGION = "m49_subregion", _("UN M49 subregion")
    CBD_GROUP = "cbd_group", _("CBD regional group")
    CBD_SUBGROUP = "cbd_subgroup", _("CBD regional sub-group")
    CATEGORY = "category", _("Country category")
    POLITICAL = "political", _("Political grouping")


class Region(models.Model):
    """A CHM region term (a GUID) resolved to its member Parties."""

    identifier = models.CharField(_("CHM identifier"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=RegionKind.choices)
    labels = models.JSONField(_("labels"), default=dict)
    # How membership was decided (e.g. "UN M49 subregion 014"), shown to people who check it.
    rule = models.CharField(_("membership rule"), max_length=200, blank=True)
    members = models.ManyToManyField(Party, related_name="regions", blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "identifier"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.labels).text or self.identifier
