"""Funds mobilised by a project, converted to US dollars at the rate of their date."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.projects.models import ExchangeRate, FundingRecord, Project
from tsc_hub.projects.services.access import Problems, lock, require, require_open
from tsc_hub.projects.services.notices import tell
from tsc_hub.projects.services.plan import number
from tsc_hub.projects.states import FundingSource
from tsc_hub.projects.workflow import PARTICIPANTS

CURRENCY = re.compile(r"^[A-Z]{3}$")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class UsdValue:
    """An amount in US dollars, with the rate used and the day of that rate."""

    amount: Decimal
    rate: Decimal
    rate_date: datetime.date


@dataclass
class FundingData:
    """Funds mobilised: an amount in an ISO 4217 currency, from a source, on a date, with evidence."""

    amount: Any
    currency: str
    source: str
    date: datetime.date | None
    evidence_url: str = ""
    evidence_text: str = ""


def usd_value(amount: Decimal, currency: str, day: datetime.date) -> UsdValue:
    """Convert with the most recent rate on or before `day`; US dollars convert 1:1.

    No such rate: InvalidInput (code exchange_rate_missing) naming the currency and the day.
    """
    code = currency.upper()
    if code == "USD":
        return UsdValue(amount=amount.quantize(CENT), rate=Decimal(1), rate_date=day)
    rate = ExchangeRate.objects.latest_on(code, day)
    if rate is None:
        message = _(
            "There is no exchange rate from %(currency)s to US dollars on or before %(date)s. "
            "Coordination staff can add one with “tsc-hub projects rates import”."
        ) % {"currency": code, "date": date_format(day, "DATE_FORMAT")}
        raise InvalidInput(message, code="exchange_rate_missing", fields={"currency": [message]})
    converted = (amount * rate.usd_per_unit).quantize(CENT, rounding=ROUND_HALF_UP)
    return UsdValue(amount=converted, rate=rate.usd_per_unit, rate_date=rate.date)


def _check(data: FundingData) -> dict[str, Any]:
    problems = Problems()
    amount = number(problems, "amount", data.amount)
    if amount is not None and amount <= 0:
        problems.add("amount", _("The amount must be more than zero."))
    currency = (data.currency or "").strip().upper()
    if not CURRENCY.match(currency):
        problems.add("currency", _("Give the three-letter ISO 4217 code of the currency, such as EUR."))
    if data.source not in FundingSource.values:
        problems.add("source", _("Choose a source from the list."))
    if data.date is None:
        problems.add("date", _("This field is required."))
    url, evidence = (data.evidence_url or "").strip(), (data.evidence_text or "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            problems.add("evidence_url", _("Enter a valid web address."))
    if not url and not evidence:
        problems.add("evidence_text", _("Give a link to the evidence or describe it."))
    problems.raise_if_any(_("The funds could not be recorded; check the fields marked."))
    return {
        "amount": amount,
        "currency": currency,
        "source": data.source,
        "date": data.date,
        "evidence_url": url,
        "evidence_text": evidence,
    }


@transaction.atomic
def record_funding(*, project: Project, data: FundingData, by: Any) -> FundingRecord:
    """Record funds mobilised for an open project, with their value in US dollars stored at saving."""
    locked = lock(project)
    require(
        by, locked, PARTICIPANTS, _("Only the help desk and the two sides record funds for this project.")
    )
    require_open(locked)
    values = _check(data)
    usd = usd_value(values["amount"], values["currency"], values["date"])
    record = locked.funding.create(
        **values, amount_usd=usd.amount, usd_rate=usd.rate, rate_date=usd.rate_date, recorded_by=by
    )
    record_event(
        actor=by,
        action="project.record_funding",
        target=locked,
        changes={
            "funding": record.pk,
            "amount": str(record.amount),
            "currency": record.currency,
            "amount_usd": str(record.amount_usd),
        },
    )
    tell(locked, "funding", by, amount=f"{record.amount:,.2f}", currency=record.currency)
    return record


def total_usd(project: Project) -> Decimal:
    """Every fund mobilised for the project, in US dollars."""
    return project.funding.aggregate(total=Sum("amount_usd"))["total"] or Decimal("0.00")
