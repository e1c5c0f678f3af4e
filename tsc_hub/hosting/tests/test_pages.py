"""The hosting pages: a call from application to shortlist, the report (HTML and PDF), scenarios."""

import pytest

from tsc_hub.hosting.models import Application, HostSelection
from tsc_hub.hosting.tests.factories import (
    ApplicationFactory,
    CallFactory,
    criteria_of,
    pass_deadline,
    run_call,
    shortlisted_call,
)
from tsc_hub.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_list_and_call_render_in_every_script(client, call, language):
    for url in (f"/{language}/hosting/", f"/{language}/hosting/{call.pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert ('dir="rtl"' in response.content.decode()) == (language == "ar")


def test_a_member_applies_and_submits_through_the_pages(client, cast, call):
    client.force_login(cast["member"])
    assert 'id="apply"' in client.get(f"/en/hosting/{call.pk}/").content.decode()
    form = {
        "organisation": cast["member"].role_assignments.get().organisation_id,
        "subregion": "eastern-southern-africa",
        "parties_served": ["ke", "tz", "ug", "so"],
        "mandate": "Biodiversity research.",
        "willing_to_cooperate": "on",
        "cooperation": "Universities",
        "capacity_technical": "A herbarium.",
    }
    response = client.post(f"/en/hosting/{call.pk}/apply/", form)
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.capacities == {"technical": "A herbarium."}
    client.post(f"/en/hosting/applications/{application.pk}/steps/", {"action": "submit"})
    application.refresh_from_db()
    assert application.state == "submitted"
    pass_deadline(call)
    page = client.get(f"/en/hosting/applications/{application.pk}/").content.decode()
    assert "A herbarium." in page
    response = client.post(f"/en/hosting/applications/{application.pk}/edit/", form)
    assert response.status_code == 409  # after the deadline


def test_invalid_application_form_shows_errors(client, cast, call):
    client.force_login(cast["member"])
    response = client.post(f"/en/hosting/{call.pk}/apply/", {"organisation": "", "mandate": ""})
    assert response.status_code == 400


def test_coordination_creates_a_call_through_the_page(client, cast):
    client.force_login(cast["coordination"])
    form = {
        "kind": "global",
        "framework": "global-coordination-host",
        "deadline": "2031-01-31T12:00",
        "original_language": "en",
        "title_en": "Host of the global coordination entity",
        "title_ar": "مضيف كيان التنسيق العالمي",
        "phase1_aggregation": "mean",
        "phase2_aggregation": "zscore",
    }
    response = client.post("/en/hosting/new/", form)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Recognised as a neutral convener" in page
    assert "publish" in page


def test_a_reviewer_scores_through_the_page_and_declares_a_conflict(client, cast, submitted, reviewers, call):
    from tsc_hub.hosting import services

    assignment = services.assign_reviewer(
        application=submitted, reviewer=reviewers[0], by=cast["coordination"]
    )
    other = ApplicationFactory(call=call, organisation=OrganisationFactory(), state="submitted")
    conflicted = services.assign_reviewer(application=other, reviewer=reviewers[0], by=cast["coordination"])
    pass_deadline(call)
    services.transition_call(call=call, action="start_review", by=cast["coordination"])
    client.force_login(reviewers[0])
    assert (
        "Score this application" in client.get(f"/en/hosting/applications/{submitted.pk}/").content.decode()
    )
    form = {}
    for criterion in criteria_of(call, 1):
        form[f"value_{criterion.code}"] = "3"
        form[f"reason_{criterion.code}"] = "Solid."
    form["reason_mandate"] = ""
    assert client.post(f"/en/hosting/reviews/{assignment.pk}/", form).status_code == 400
    form["reason_mandate"] = "A clear mandate."
    assert client.post(f"/en/hosting/reviews/{assignment.pk}/", form).status_code == 302
    assert assignment.scores.count() == 5
    client.post(f"/en/hosting/reviews/{conflicted.pk}/conflict/", {"reason": "My former employer."})
    conflicted.refresh_from_db()
    assert conflicted.conflict_reason == "My former employer."
    assert client.get(f"/en/hosting/applications/{other.pk}/").status_code == 404
    assert "conflict of interest declared" in client.get("/en/hosting/reviews/").content.decode()


def test_report_page_and_pdf_after_the_phases_close(client, cast, reviewers):
    call = CallFactory(phase2_aggregation="zscore")
    apps = [
        ApplicationFactory(call=call, organisation=OrganisationFactory(), state="submitted") for _ in range(3)
    ]
    run_call(cast["coordination"], reviewers[:2], [(apps[0], 4, 4), (apps[1], 2, 0), (apps[2], 5, 3)])
    client.force_login(cast["coordination"])
    page = client.get(f"/en/hosting/{call.pk}/report/2/").content.decode()
    assert "Reason for technical-capacity" in page
    assert str(reviewers[1]) in page
    pdf = client.get(f"/en/hosting/{call.pk}/report/1/pdf/")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    shortlist = client.get(f"/en/hosting/{call.pk}/shortlist/").content.decode()
    assert str(apps[0].organisation) in shortlist
    assert client.get(f"/ar/hosting/{call.pk}/report/1/").status_code == 200


def test_the_report_waits_for_the_phase_to_close(client, cast, call):
    client.force_login(cast["coordination"])
    assert client.get(f"/en/hosting/{call.pk}/report/1/").status_code == 409


def test_scenarios_side_by_side_with_an_infeasible_column(client, cast):
    call = shortlisted_call(extra={"west-africa": 2, "south-america": 2})
    client.force_login(cast["coordination"])
    page = client.get(f"/en/hosting/{call.pk}/scenarios/").content.decode()
    assert "At least 13 centres" in page
    assert "At least 19 centres" in page
    assert "At most 16 centres can be chosen with at most 1 per subregion" in page
    assert 'id="record-15"' in page
    assert 'id="record-19"' not in page
    wider = client.get(
        f"/en/hosting/{call.pk}/scenarios/?ks=15,19&max_per_subregion=3&min_score=0"
    ).content.decode()
    assert 'id="record-19"' in wider
    response = client.post(
        f"/en/hosting/{call.pk}/selections/", {"min_centres": 15, "max_per_subregion": 1, "min_score": 0}
    )
    assert response.status_code == 302
    assert HostSelection.objects.get().applications.count() == 16
    assert client.get(f"/en/hosting/{call.pk}/scenarios/?ks=x").status_code == 200
