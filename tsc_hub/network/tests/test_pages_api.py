"""The pages and the API in use: a centre files a pre-filled report, coordination publishes it; PDFs."""

import pytest
from django.utils import timezone

from tsc_hub.network import services
from tsc_hub.network.tests.factories import make_plan

pytestmark = pytest.mark.django_db
YEAR = timezone.now().year


def test_a_centre_files_a_report_through_the_pages(client, cast, centre):
    client.force_login(cast["officer"])
    response = client.post("/en/network/reports/new/", {"centre": str(centre.pk), "year": YEAR})
    assert response.status_code == 302
    url = response["Location"]
    page = client.get(url).content.decode()
    assert "Requests received" in page
    assert "Refresh figures" in page
    client.post(url + "narrative/", {"language": "fr", "narrative": "Une année de travail."})
    client.post(url + "refresh/")
    client.post(url + "transitions/", {"action": "submit"})
    client.force_login(cast["coordination"])
    client.post(url + "transitions/", {"action": "accept"})
    client.post(url + "transitions/", {"action": "publish"})
    client.logout()
    public = client.get(url.replace("/en/", "/fr/"))
    assert public.status_code == 200
    assert "Une année de travail." in public.content.decode()


@pytest.mark.parametrize("language", ["en", "ar", "zh", "fr", "ru", "es"])
def test_the_report_prints_and_makes_a_pdf_in_every_language(client, cast, centre, language):
    report = services.prefill_annual_report(centre=centre, year=YEAR, by=cast["officer"])
    client.force_login(cast["officer"])
    html = client.get(f"/en/network/reports/{report.pk}/print/?language={language}").content.decode()
    assert f'lang="{language}"' in html
    assert ('dir="rtl"' in html) == (language == "ar")
    pdf = client.get(f"/en/network/reports/{report.pk}/pdf/?language={language}")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_plan_pages_create_add_an_outcome_and_approve(client, cast, centre):
    client.force_login(cast["officer"])
    response = client.post(
        "/en/network/plans/new/",
        {"centre": str(centre.pk), "language": "en", "start_year": 2024, "end_year": 2026, "title": "Plan"},
    )
    url = response["Location"]
    client.post(
        url + "outcomes/",
        {
            "language": "en",
            "outcome": "Parties restore wetlands",
            "activity": "Training",
            "budget_amount": "1000",
            "budget_currency": "USD",
            "indicator": "Hectares",
            "baseline": "0",
            "target": "50",
        },
    )
    assert "Parties restore wetlands" in client.get(url).content.decode()
    client.post(url + "transitions/", {"action": "submit"})
    client.force_login(cast["coordination"])
    client.post(url + "transitions/", {"action": "approve"})
    client.logout()
    assert "Approved" in client.get(url).content.decode()


def test_api_plans_reports_tickets(client, cast, centre):
    client.force_login(cast["officer"])
    plan = {
        "centre": "east-africa",
        "start_year": 2024,
        "end_year": 2026,
        "title": {"en": "Plan"},
        "outcomes": [
            {
                "title": {"en": "Outcome"},
                "activities": [{"title": {"en": "A"}, "budget_amount": "10", "budget_currency": "EUR"}],
                "indicators": [{"name": {"en": "I"}, "baseline": 0, "target": 5}],
            }
        ],
    }
    created = client.post("/api/v1/network/plans", plan, content_type="application/json")
    assert created.status_code == 201, created.content
    assert created.json()["allowed_actions"] == ["submit"]
    bad = client.post(
        "/api/v1/network/plans",
        {**plan, "start_year": 2030, "title": {"xx": "?"}},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert bad["Content-Type"] == "application/problem+json"
    report = client.post(
        "/api/v1/network/reports", {"centre": "east-africa", "year": YEAR}, content_type="application/json"
    )
    assert report.status_code == 201
    assert report.json()["figures"]["requests_received"] == 0
    again = client.post(
        "/api/v1/network/reports", {"centre": "east-africa", "year": YEAR}, content_type="application/json"
    )
    assert again.status_code == 409
    ticket = client.post(
        "/api/v1/network/tickets",
        {"centre": "east-africa", "subject": "S", "body": "B", "category": "platform"},
        content_type="application/json",
    )
    assert ticket.status_code == 201
    assert ticket.json()["overdue"] is False
    client.force_login(cast["coordination"])
    moved = client.post(
        f"/api/v1/network/tickets/{ticket.json()['id']}/transitions",
        {"action": "start"},
        content_type="application/json",
    )
    assert moved.json()["state"] == "in_progress"
    assert len(client.get("/api/v1/network/criteria").json()) == 8


def test_the_public_sees_approved_plans(client, cast, centre):
    plan = make_plan(centre, by=cast["officer"])
    services.transition_work_plan(plan=plan, action="submit", by=cast["officer"])
    services.transition_work_plan(plan=plan, action="approve", by=cast["coordination"])
    assert client.get(f"/ar/network/plans/{plan.pk}/").status_code == 200
    assert client.get("/api/v1/network/plans").json()["count"] == 1
