"""Sample exchange rates to US dollars, so that funds can be recorded on a new platform.

These are APPROXIMATE REFERENCE VALUES (rounded market rates around each date), not official
rates. The coordination entity replaces them with the rates it adopts, e.g. the UN operational
rates of exchange, with `tsc-hub projects rates import FILE.csv` (currency,date,usd_per_unit);
a row for the same currency and date replaces the sample value. XOF follows its fixed parity
with the euro (655.957 XOF = 1 EUR).
"""

from decimal import Decimal
from typing import Any

from django.db import migrations

SOURCE = "Approximate reference value shipped with tsc-hub; replace with the coordination entity's rates"

# US dollars per unit of each currency on 1 January of each year.
SAMPLE_RATES: dict[str, dict[str, str]] = {
    "2024-01-01": {
        "EUR": "1.1040",
        "GBP": "1.2730",
        "JPY": "0.007090",
        "CNY": "0.1408",
        "CHF": "1.1880",
        "CAD": "0.7547",
        "AUD": "0.6812",
        "KES": "0.006370",
        "BRL": "0.2058",
        "COP": "0.0002580",
        "XOF": "0.001683",
        "INR": "0.01202",
    },
    "2025-01-01": {
        "EUR": "1.0350",
        "GBP": "1.2520",
        "JPY": "0.006360",
        "CNY": "0.1370",
        "CHF": "1.1030",
        "CAD": "0.6954",
        "AUD": "0.6188",
        "KES": "0.007730",
        "BRL": "0.1618",
        "COP": "0.0002270",
        "XOF": "0.001578",
        "INR": "0.01168",
    },
    "2026-01-01": {
        "EUR": "1.1700",
        "GBP": "1.3400",
        "JPY": "0.006400",
        "CNY": "0.1420",
        "CHF": "1.2600",
        "CAD": "0.7300",
        "AUD": "0.6650",
        "KES": "0.007740",
        "BRL": "0.1820",
        "COP": "0.0002620",
        "XOF": "0.001784",
        "INR": "0.01110",
    },
}


def add_samples(apps: Any, schema_editor: Any) -> None:
    rate = apps.get_model("projects", "ExchangeRate")
    for day, rates in SAMPLE_RATES.items():
        for currency, value in rates.items():
            rate.objects.get_or_create(
                currency=currency, date=day, defaults={"usd_per_unit": Decimal(value), "source": SOURCE}
            )


def remove_samples(apps: Any, schema_editor: Any) -> None:
    apps.get_model("projects", "ExchangeRate").objects.filter(source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(add_samples, remove_samples)]
