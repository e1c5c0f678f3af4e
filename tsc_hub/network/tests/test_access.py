"""Who sees and does what, on pages and through the API: every role that must NOT is tried."""

import datetime

import pytest
from django.utils import timezone

from tsc_hub.network import services
from tsc_hub.network.services import ExchangeData, MeetingData
from tsc_hub.network.tests.conftest import OUTSIDERS
from tsc_hub.network.tests.factories import make_plan

pytestmark = pytest.mark.django_db
YEAR = timezone.now().year
NOT_THE_CENTRE = (*OUTSIDERS, "other_officer")


@pytest.fixture
def records(cast, centre):
    officer = cast["officer"]
    plan = make_plan(centre, by=officer)
    report = services.prefill_annual_report(centre=centre, year=YEAR, by=officer)
    ticket = services.open_ticket(
        centre=centre, subject="Help", body="Template?", category="advice", by=officer
    )
    meeting = services.record_meeting(
        data=MeetingData({"en": "Joint meeting"}, datetime.date(2025, 11, 3), "Nairobi"),
        by=cast["coordination"],
    )
    services.record_tool_exchange(
        data=ExchangeData("east-africa", "andes", {"en": "GIS kit"}, datetime.date.today()), by=officer
    )
    return {"plan": plan, "report": report, "ticket": ticket, "meeting": meeting}


def _pages(records):
    return {
        "plan": f"/en/network/plans/{records['plan'].pk}/",
        "report": f"/en/network/reports/{records['report'].pk}/",
        "pdf": f"/en/network/reports/{records['report'].pk}/pdf/?language=en",
    }


@pytest.mark.parametrize("who", [None, *OUTSIDERS, "other_officer"])
def test_drafts_are_hidden_from_everyone_but_the_centre_and_coordination(client, cast, records, who):
    if who is not None:
        client.force_login(cast[who])
    for name, url in _pages(records).items():
        assert client.get(url).status_code == 404, name
    listing = client.get("/en/network/reports/").content.decode()
    assert f"/network/reports/{records['report'].pk}/" not in listing
    api = client.get(f"/api/v1/network/reports/{records['report'].pk}")
    assert api.status_code == 404
    assert api["Content-Type"] == "application/problem+json"
    assert client.get(f"/api/v1/network/plans/{records['plan'].pk}").status_code == 404
    assert client.get("/api/v1/network/reports").json()["count"] == 0


@pytest.mark.parametrize("who", ["officer", "coordination", "admin"])
def test_the_centre_and_coordination_see_drafts(client, cast, records, who):
    client.force_login(cast[who])
    for name, url in _pages(records).items():
        assert client.get(url).status_code == 200, name
    assert client.get(f"/api/v1/network/reports/{records['report'].pk}").status_code == 200


@pytest.mark.parametrize("who", [None, *OUTSIDERS])
def test_the_collaboration_space_is_closed_to_outsiders(client, cast, records, who):
    if who is not None:
        client.force_login(cast[who])
    urls = [
        "/en/network/space/",
        "/en/network/tickets/",
        f"/en/network/tickets/{records['ticket'].pk}/",
        f"/en/network/space/meetings/{records['meeting'].pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if who is None:
            assert "/accounts/login/" in response["Location"]
    for url in ("/api/v1/network/exchanges", "/api/v1/network/tickets", "/api/v1/network/meetings"):
        assert client.get(url).status_code in (401, 403), url
    assert "Collaboration space" not in client.get("/en/network/").content.decode()


def test_another_centre_enters_the_space_but_not_this_centres_tickets(client, cast, records):
    client.force_login(cast["other_officer"])
    assert client.get("/en/network/space/").status_code == 200
    assert client.get(f"/en/network/tickets/{records['ticket'].pk}/").status_code == 404
    assert client.get(f"/api/v1/network/tickets/{records['ticket'].pk}").status_code == 404
    assert client.get("/api/v1/network/tickets").json()["count"] == 0
    assert client.get("/api/v1/network/exchanges").json()["count"] == 1


@pytest.mark.parametrize("who", NOT_THE_CENTRE)
def test_nobody_else_edits_or_submits_the_centres_records(client, cast, records, who):
    client.force_login(cast[who])
    report, plan = records["report"], records["plan"]
    client.post(f"/en/network/reports/{report.pk}/transitions/", {"action": "submit"})
    client.post(f"/en/network/reports/{report.pk}/refresh/")
    client.post(f"/en/network/reports/{report.pk}/narrative/", {"language": "en", "narrative": "hijack"})
    client.post(f"/en/network/plans/{plan.pk}/transitions/", {"action": "submit"})
    report.refresh_from_db()
    plan.refresh_from_db()
    assert report.state == "draft"
    assert report.narrative == {}
    assert plan.state == "draft"
    response = client.post(
        "/api/v1/network/reports",
        {"centre": "east-africa", "year": YEAR - 1},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


@pytest.mark.parametrize("who", ["officer", "other_officer", "admin", "focal_point", "provider", "nobody"])
def test_only_coordination_scores(client, cast, records, who):
    client.force_login(cast[who])
    assert client.get(f"/en/network/scores/east-africa/{YEAR}/").status_code == 403
    payload = {"centre": "east-africa", "year": YEAR, "scores": []}
    assert client.post("/api/v1/network/scorings", payload, content_type="application/json").status_code in (
        403,
        422,
    )


@pytest.mark.parametrize("who", [*OUTSIDERS, "other_officer"])
def test_scores_are_not_shown_to_outsiders_or_other_centres(client, cast, centre, who):
    from tsc_hub.network.models import PerformanceCriterion
    from tsc_hub.network.services import ScoreData

    codes = PerformanceCriterion.objects.values_list("code", flat=True)
    services.score_centre(
        centre=centre, year=YEAR, scores=[ScoreData(c, 3) for c in codes], by=cast["coordination"]
    )
    client.force_login(cast[who])
    assert client.get("/api/v1/network/scorings").json() == []
    if who != "other_officer":
        assert client.get("/en/network/scores/").status_code == 403
