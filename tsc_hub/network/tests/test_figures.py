"""The pre-filled figures of a centre's year, against hand-built live data."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tsc_hub.network import services
from tsc_hub.network.figures import centre_figures, network_tools_exchanged
from tsc_hub.network.services import ExchangeData
from tsc_hub.projects.services import (
    FundingData,
    OutputData,
    record_funding,
    record_output,
    transition_project,
)

pytestmark = pytest.mark.django_db
YEAR = timezone.now().year


@pytest.fixture
def busy_year(world, project, andes):
    """The East Africa centre's year: one request accepted, one match agreed, a project started with a
    training, funds this year and last year, a tool given in the project, a tool received from the Andes."""
    officer = world["officer"]
    transition_project(project=project, action="start", by=officer)
    record_output(
        project=project,
        data=OutputData(kind="training", participants_women=12, participants_men=8, participants_other=1),
        by=officer,
    )
    record_output(
        project=project,
        data=OutputData(kind="training", participants_women=3, participants_men=0, participants_other=0),
        by=officer,
    )
    given = record_output(
        project=project,
        data=OutputData(kind="tool_exchanged_between_centres", from_centre="east-africa", to_centre="andes"),
        by=officer,
    )
    today = timezone.now().date()
    record_funding(
        project=project,
        data=FundingData("2500", "USD", "bilateral", today, evidence_text="Grant letter"),
        by=officer,
    )
    last_year = today.replace(year=YEAR - 1, month=6, day=1)
    record_funding(
        project=project,
        data=FundingData("999", "USD", "bilateral", last_year, evidence_text="Grant letter"),
        by=officer,
    )
    services.record_tool_exchange(
        data=ExchangeData("andes", "east-africa", {"en": "Species list tool"}, today),
        by=world["other_officer"],
    )
    # The same project tool, also recorded in the network and linked: counted once.
    services.record_tool_exchange(
        data=ExchangeData("east-africa", "andes", {"en": "Barcode kit"}, today, project_output_id=given.pk),
        by=officer,
    )
    services.record_tool_exchange(
        data=ExchangeData("andes", "east-africa", {"en": "Old tool"}, datetime.date(YEAR - 1, 3, 1)), by=None
    )
    return world


def test_the_figures_count_exactly_the_centres_year(busy_year, centre):
    figures = centre_figures(centre.pk, YEAR)
    assert figures == {
        "year": YEAR,
        "requests_received": 1,
        "requests_accepted": 1,
        "requests_declined": 0,
        "parties_supported": 1,
        "parties": ["ke"],
        "matches_made": 1,
        "successful_matchmakings": 1,
        "projects_started": 1,
        "projects_closed": 0,
        "trainings": 2,
        "participants_women": 15,
        "participants_men": 8,
        "participants_other": 1,
        "participants_total": 24,
        "funds_mobilised_usd": "2500.00",
        "tools_given": 1,
        "tools_received": 1,
    }


def test_another_centre_and_another_year_see_none_of_it(busy_year, centre, andes):
    other = centre_figures(andes.pk, YEAR)
    assert other["requests_received"] == 0
    assert other["successful_matchmakings"] == 0
    assert other["funds_mobilised_usd"] == "0.00"
    assert (other["tools_given"], other["tools_received"]) == (1, 1)
    last = centre_figures(centre.pk, YEAR - 1)
    assert last["funds_mobilised_usd"] == "999.00"
    assert last["tools_received"] == 1
    assert last["requests_received"] == 0


def test_indicator_g_counts_each_exchange_once(busy_year):
    assert network_tools_exchanged(YEAR) == 2
    assert network_tools_exchanged() == 3


def test_the_report_keeps_a_snapshot_until_refreshed(busy_year, centre):
    officer = busy_year["officer"]
    report = services.prefill_annual_report(centre=centre, year=YEAR, by=officer)
    assert report.figures["funds_mobilised_usd"] == "2500.00"
    today = timezone.now().date()
    project = busy_year["request"].projects.get()
    record_funding(
        project=project,
        data=FundingData("500", "USD", "bilateral", today, evidence_text="Grant letter"),
        by=officer,
    )
    report.refresh_from_db()
    assert report.figures["funds_mobilised_usd"] == "2500.00"
    report = services.refresh_report_figures(report=report, by=officer)
    assert report.figures["funds_mobilised_usd"] == "3000.00"
    assert Decimal(report.figures["funds_mobilised_usd"]) == Decimal(3000)
