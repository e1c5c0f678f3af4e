"""The support-centre network: subregions, the subregional centres and the global coordination entity."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.centres.querysets import SubregionQuerySet, SupportCentreQuerySet


class Subregion(models.Model):
    """A subregion of the network (reference data: tsc_hub/centres/data/subregions.json); each Party is in
    exactly one."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    names = models.JSONField(_("name"), default=dict)
    members = models.ManyToManyField(
        "geography.Party", related_name="tsc_subregions", blank=True, verbose_name=_("member Parties")
    )

    objects = SubregionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("subregion")
        verbose_name_plural = _("subregions")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.names).text or self.code


class CentreKind(models.TextChoices):
    SUBREGIONAL = "subregional", _("Subregional support centre")
    REGIONAL = "regional", _("Regional support centre")
    GLOBAL = "global", _("Global coordination entity")


class CentreStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    CLOSED = "closed", _("Closed")


class SupportCentre(models.Model):
    """A support centre hosted by an organisation (with co-hosts and partners) serving Parties, which may go
    beyond its subregion; or the global coordination entity, which serves the network."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    names = models.JSONField(_("name"), default=dict)
    kind = models.CharField(
        _("kind"), max_length=20, choices=CentreKind.choices, default=CentreKind.SUBREGIONAL
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CentreStatus.choices, default=CentreStatus.ACTIVE
    )
    subregion = models.ForeignKey(
        Subregion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="centres",
        verbose_name=_("subregion"),
    )
    host = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("host organisation"),
    )
    co_hosts = models.ManyToManyField(
        "organisations.Organisation", related_name="+", blank=True, verbose_name=_("co-hosts")
    )
    partners = models.ManyToManyField(
        "organisations.Organisation", related_name="+", blank=True, verbose_name=_("partners")
    )
    # [{"name": ..., "role": ..., "email": ...}]: the people to write to, who need not have an account.
    contacts = models.JSONField(_("contacts"), default=list, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    parties_served = models.ManyToManyField(
        "geography.Party", related_name="support_centres", blank=True, verbose_name=_("Parties served")
    )

    objects = SupportCentreQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("support centre")
        verbose_name_plural = _("support centres")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.names).text or self.code
