"""Support centres. The network and its governance grow here in a later issue."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.centres.querysets import SupportCentreQuerySet


class SupportCentre(models.Model):
    """A regional or subregional support centre, hosted by an organisation, serving Parties."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    names = models.JSONField(_("name"), default=dict)
    host = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("host organisation"),
    )
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
