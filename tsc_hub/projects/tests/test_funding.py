"""Funds mobilised: converted to US dollars with the latest rate on or before their date."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.projects.models import ExchangeRate, FundingRecord
from tsc_hub.projects.services import (
    FundingData,
    import_exchange_rates,
    parse_rates,
    record_funding,
    usd_value,
)


def _funds(**changes):
    values = {
        "amount": Decimal("10000"),
        "currency": "EUR",
        "source": "bilateral",
        "date": datetime.date(2025, 6, 1),
        "evidence_url": "https://example.org/grant-letter.pdf",
    }
    values.update(changes)
    return FundingData(**values)


@pytest.mark.django_db
def test_the_sample_rates_ship_with_the_platform():
    assert ExchangeRate.objects.filter(date=datetime.date(2025, 1, 1)).count() == 12
    assert set(ExchangeRate.objects.values_list("currency", flat=True)) == {
        "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "KES", "BRL", "COP", "XOF", "INR"
    }  # fmt: skip


@pytest.mark.django_db
def test_conversion_uses_the_latest_rate_on_or_before_the_date():
    ExchangeRate.objects.create(currency="EUR", date=datetime.date(2025, 6, 2), usd_per_unit=Decimal("2"))
    value = usd_value(Decimal("100"), "eur", datetime.date(2025, 6, 1))
    assert value.rate_date == datetime.date(2025, 1, 1)
    assert value.amount == Decimal("103.50")
    assert usd_value(Decimal("100"), "EUR", datetime.date(2025, 6, 2)).amount == Decimal("200.00")


@pytest.mark.django_db
def test_us_dollars_convert_one_to_one_even_without_rates():
    value = usd_value(Decimal("1234.5"), "USD", datetime.date(1990, 1, 1))
    assert (value.amount, value.rate) == (Decimal("1234.50"), Decimal(1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("currency", "day"), [("EUR", datetime.date(2023, 12, 31)), ("ZAR", datetime.date(2025, 6, 1))]
)
def test_a_missing_rate_is_a_clear_error(currency, day):
    with pytest.raises(InvalidInput) as error:
        usd_value(Decimal("100"), currency, day)
    assert error.value.code == "exchange_rate_missing"
    assert currency in str(error.value.message)
    assert "currency" in error.value.fields


@pytest.mark.django_db
def test_recording_funds_stores_the_usd_value_and_tells_both_sides(world, project):
    from tsc_hub.notifications.models import Notification

    record = record_funding(project=project, data=_funds(), by=world["lab"])
    assert (record.amount_usd, record.usd_rate, record.rate_date) == (
        Decimal("10350.00"),
        Decimal("1.035"),
        datetime.date(2025, 1, 1),
    )
    assert Notification.objects.filter(
        recipient=world["focal_point"], template__startswith="Funds of"
    ).exists()
    # A rate added later does not change what was recorded.
    ExchangeRate.objects.create(currency="EUR", date=datetime.date(2025, 5, 1), usd_per_unit=Decimal("9"))
    assert FundingRecord.objects.get(pk=record.pk).amount_usd == Decimal("10350.00")


@pytest.mark.django_db
def test_funds_with_a_missing_rate_are_not_recorded(world, project):
    with pytest.raises(InvalidInput, match="ZAR"):
        record_funding(project=project, data=_funds(currency="ZAR"), by=world["officer"])
    assert not FundingRecord.objects.exists()


@pytest.mark.django_db
def test_every_problem_of_the_funds_is_reported_at_once(world, project):
    data = _funds(amount=Decimal("0"), currency="euro", source="lottery", evidence_url="", evidence_text="")
    with pytest.raises(InvalidInput) as error:
        record_funding(project=project, data=data, by=world["officer"])
    assert set(error.value.fields) == {"amount", "currency", "source", "evidence_text"}
    with pytest.raises(InvalidInput) as error:
        record_funding(project=project, data=_funds(amount=Decimal("-5"), evidence_url="not a link"), by=None)
    assert set(error.value.fields) == {"amount", "evidence_url"}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["provider", "other_officer", "other_focal_point", "advisory", "nobody"])
def test_outsiders_do_not_record_funds(world, project, who):
    with pytest.raises(PermissionDenied):
        record_funding(project=project, data=_funds(), by=world[who])


def test_rates_files_are_checked_whole_before_loading():
    rows = parse_rates(["currency,date,usd_per_unit", "zar,2025-01-01,0.053", "MXN,2025-01-01,0.049"])
    assert [(r.currency, r.usd_per_unit) for r in rows] == [
        ("ZAR", Decimal("0.053")),
        ("MXN", Decimal("0.049")),
    ]
    with pytest.raises(InvalidInput) as error:
        parse_rates(
            [
                "currency,date,usd_per_unit",
                "ZAR,2025-01-01,0.053",
                "RANDS,2025-13-01,-1",
                "ZAR,2025-01-01,0.05",
            ]
        )
    assert set(error.value.fields) == {"line 3", "line 4"}
    assert len(error.value.fields["line 3"]) == 3
    with pytest.raises(InvalidInput):
        parse_rates(["code,day,rate"])


@pytest.mark.django_db
def test_only_coordination_imports_rates(cast):
    rows = parse_rates(["currency,date,usd_per_unit", "ZAR,2025-01-01,0.053"])
    with pytest.raises(PermissionDenied):
        import_exchange_rates(rows=rows, by=cast["officer"])
    assert import_exchange_rates(rows=rows, by=cast["coordination"]) == {"created": 1, "updated": 0}


@pytest.mark.django_db
def test_the_rates_command_loads_all_or_nothing(tmp_path):
    good = tmp_path / "rates.csv"
    good.write_text(
        "currency,date,usd_per_unit\nZAR,2025-01-01,0.053\nEUR,2025-01-01,1.04\n", encoding="utf-8"
    )
    call_command("projects", "rates", "import", str(good), verbosity=0)
    assert ExchangeRate.objects.get(currency="ZAR").usd_per_unit == Decimal("0.053")
    assert ExchangeRate.objects.get(currency="EUR", date=datetime.date(2025, 1, 1)).usd_per_unit == Decimal(
        "1.04"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("currency,date,usd_per_unit\nMXN,2025-01-01,0.049\nMXN,yesterday,0.05\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 3"):
        call_command("projects", "rates", "import", str(bad), verbosity=0)
    assert not ExchangeRate.objects.filter(currency="MXN").exists()
