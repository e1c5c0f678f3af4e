"""Funds mobilised by a project, and the exchange rates that convert them to US dollars."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.projects.querysets import ExchangeRateQuerySet
from tsc_hub.projects.states import FundingSource


class FundingRecord(models.Model):
    """An amount mobilised for a project, in its currency and in US dollars at the rate of its date."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="funding")
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)  # ISO 4217
    source = models.CharField(_("source"), max_length=20, choices=FundingSource.choices)
    date = models.DateField(_("date"))
    evidence_url = models.URLField(_("evidence (link)"), max_length=500, blank=True)
    evidence_text = models.TextField(_("evidence"), blank=True)
    # Stored when the record is saved, with the rate used, so totals never move when rates are added.
    amount_usd = models.DecimalField(_("amount in US dollars"), max_digits=18, decimal_places=2)
    usd_rate = models.DecimalField(_("US dollars per unit"), max_digits=20, decimal_places=10)
    rate_date = models.DateField(_("date of the rate"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("funding record")
        verbose_name_plural = _("funding records")
        constraints = [
            models.CheckConstraint(name="funding_amount_positive", condition=models.Q(amount__gt=0))
        ]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


class ExchangeRate(models.Model):
    """How many US dollars one unit of a currency was worth on a date."""

    currency = models.CharField(_("currency"), max_length=3)
    date = models.DateField(_("date"))
    usd_per_unit = models.DecimalField(_("US dollars per unit"), max_digits=20, decimal_places=10)
    source = models.CharField(_("source"), max_length=200, blank=True)

    objects = ExchangeRateQuerySet.as_manager()

    class Meta:
        ordering = ["currency", "-date"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="exchange_rate_once_a_day"),
            models.CheckConstraint(name="exchange_rate_positive", condition=models.Q(usd_per_unit__gt=0)),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.date}: {self.usd_per_unit}"
