"""Loading exchange rates to US dollars: every row is checked before any is written."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.projects.models import ExchangeRate
from tsc_hub.projects.services.funding import CURRENCY

HEADER = ["currency", "date", "usd_per_unit"]


@dataclass(frozen=True)
class RateRow:
    """One exchange rate: US dollars per unit of `currency` on `date`."""

    currency: str
    date: datetime.date
    usd_per_unit: Decimal


def _row(number: int, raw: dict[str, str], problems: dict[str, list[str]]) -> RateRow | None:
    line = _("line %(number)s") % {"number": number}
    currency = (raw.get("currency") or "").strip().upper()
    found: list[str] = []
    if not CURRENCY.match(currency) or currency == "USD":
        found.append(
            _("“%(value)s” is not a three-letter currency code other than USD.") % {"value": currency}
        )
    try:
        day = datetime.date.fromisoformat((raw.get("date") or "").strip())
    except ValueError:
        found.append(_("The date must be written YYYY-MM-DD."))
    try:
        rate = Decimal((raw.get("usd_per_unit") or "").strip())
        if not rate.is_finite() or rate <= 0:
            raise InvalidOperation
    except InvalidOperation:
        found.append(_("The rate must be a positive number."))
    if found:
        problems[line] = found
        return None
    return RateRow(currency=currency, date=day, usd_per_unit=rate)


def parse_rates(lines: Iterable[str]) -> list[RateRow]:
    """Rows of a CSV file with the header currency,date,usd_per_unit; InvalidInput lists every bad line."""
    reader = csv.DictReader(lines)
    if [name.strip() for name in reader.fieldnames or []] != HEADER:
        message = _("The first line must be: currency,date,usd_per_unit")
        raise InvalidInput(message, fields={"header": [message]})
    problems: dict[str, list[str]] = {}
    rows: dict[tuple[str, datetime.date], RateRow] = {}
    for number, raw in enumerate(reader, start=2):
        row = _row(number, {k.strip(): v for k, v in raw.items() if k}, problems)
        if row is None:
            continue
        if (row.currency, row.date) in rows:
            problems.setdefault(_("line %(number)s") % {"number": number}, []).append(
                _("This currency and date appear twice in the file.")
            )
        rows[(row.currency, row.date)] = row
    if problems:
        raise InvalidInput(_("No rate was loaded: correct the lines marked."), fields=problems)
    return list(rows.values())


@transaction.atomic
def import_exchange_rates(
    *, rows: list[RateRow], by: Any, source: str = "", progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    """Create or replace the rates, all or nothing; returns how many were created and updated."""
    if by is not None and not by.has_perm("projects.manage_exchange_rates"):
        raise PermissionDenied(_("Only coordination staff manage exchange rates."))
    counts = {"created": 0, "updated": 0}
    for row in rows:
        _rate, created = ExchangeRate.objects.update_or_create(
            currency=row.currency,
            date=row.date,
            defaults={"usd_per_unit": row.usd_per_unit, "source": source[:200]},
        )
        counts["created" if created else "updated"] += 1
        if progress is not None:
            progress(1)
    if rows:
        record_event(actor=by, action="project.import_exchange_rates", target=_rate, changes=counts)
    return counts
