"""Who must NOT see or do things, on the pages and in the API: anonymous, another organisation's member, an
unassigned reviewer, an assigned reviewer before the phase closes, a provider, a focal point, a help desk."""

import pytest

from tsc_hub.hosting import services
from tsc_hub.hosting.models import Application, Score
from tsc_hub.hosting.tests.factories import CallFactory, pass_deadline, score_all

pytestmark = pytest.mark.django_db

OUTSIDERS = ["other_member", "provider", "focal_point", "officer", "reviewer", "advisory", "nobody"]


@pytest.fixture
def scored(cast, submitted, reviewers, call):
    """The submitted application in phase 1, scored by two assigned reviewers (not the cast's reviewer)."""
    first, second = (
        services.assign_reviewer(application=submitted, reviewer=r, by=cast["coordination"])
        for r in reviewers[:2]
    )
    pass_deadline(call)
    services.transition_call(call=call, action="start_review", by=cast["coordination"])
    score_all(first, 4, 1)
    score_all(second, 2, 1)
    return first, second


def test_anonymous_sees_only_open_calls(client, call):
    draft = CallFactory(state="draft", title={"en": "Secret draft call"})
    page = client.get("/en/hosting/").content.decode()
    assert str(call) in page
    assert "Secret draft call" not in page
    assert client.get(f"/en/hosting/{draft.pk}/").status_code == 404
    assert [c["id"] for c in client.get("/api/v1/hosting/calls").json()] == [call.pk]
    assert client.get(f"/api/v1/hosting/calls/{draft.pk}").status_code == 404


def test_anonymous_sees_no_application(client, submitted):
    assert client.get(f"/en/hosting/applications/{submitted.pk}/").status_code == 404
    assert client.get("/api/v1/hosting/applications").status_code == 401
    assert client.get(f"/api/v1/hosting/applications/{submitted.pk}").status_code == 401
    assert client.get(f"/en/hosting/applications/{submitted.pk}/edit/").status_code == 302  # to sign in


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_see_no_application(client, cast, submitted, who):
    client.force_login(cast[who])
    assert client.get(f"/en/hosting/applications/{submitted.pk}/").status_code == 404
    assert client.get(f"/en/hosting/applications/{submitted.pk}/edit/").status_code == 404
    assert client.get("/api/v1/hosting/applications").json() == []
    assert client.get(f"/api/v1/hosting/applications/{submitted.pk}").status_code == 404
    response = client.post(
        f"/api/v1/hosting/applications/{submitted.pk}/withdraw", {}, content_type="application/json"
    )
    assert response.status_code == 404
    assert Application.objects.get(pk=submitted.pk).state == "submitted"


@pytest.mark.parametrize("who", ["other_member", "provider", "focal_point", "officer"])
def test_outsiders_cannot_apply_for_an_organisation(client, cast, call, institution, who):
    client.force_login(cast[who])
    body = {"organisation": institution.pk, "subregion": "eastern-southern-africa", "parties_served": ["ke"]}
    response = client.post(
        f"/api/v1/hosting/calls/{call.pk}/applications", body, content_type="application/json"
    )
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    if who != "other_member":
        assert client.get(f"/en/hosting/{call.pk}/apply/").status_code == 403


@pytest.mark.parametrize("who", ["member", "provider", "focal_point", "officer", "reviewer", "advisory"])
def test_only_coordination_manages_calls(client, cast, submitted, call, who):
    client.force_login(cast[who])
    assert client.get("/en/hosting/new/").status_code == 403
    cancel = {"action": "cancel", "reason": "x"}
    response = client.post(
        f"/api/v1/hosting/calls/{call.pk}/transitions", cancel, content_type="application/json"
    )
    assert response.status_code == 403
    body = {"reviewer": cast["reviewer"].pk}
    url = f"/api/v1/hosting/applications/{submitted.pk}/assignments"
    assert client.post(url, body, content_type="application/json").status_code in (403, 404)
    assert client.post(f"/en/hosting/applications/{submitted.pk}/assign/", body).status_code in (403, 404)


def test_an_unassigned_reviewer_sees_nothing_of_the_application(client, cast, scored, submitted):
    client.force_login(cast["reviewer"])
    assert client.get(f"/en/hosting/applications/{submitted.pk}/").status_code == 404
    assert client.get(f"/en/hosting/reviews/{scored[0].pk}/").status_code == 404
    assert client.get(f"/api/v1/hosting/assignments/{scored[0].pk}/scores").status_code == 404
    assert client.get(f"/api/v1/hosting/applications/{submitted.pk}/scores").status_code == 404
    assert client.get("/api/v1/hosting/assignments").json() == []


def test_an_assigned_reviewer_sees_only_their_own_scores_until_the_phase_closes(
    client, cast, scored, submitted, call
):
    first, second = scored
    client.force_login(first.reviewer)
    own = client.get(f"/api/v1/hosting/applications/{submitted.pk}/scores").json()
    assert {s["reviewer"] for s in own} == {first.reviewer.pk}
    assert client.get(f"/api/v1/hosting/assignments/{second.pk}/scores").status_code == 404
    page = client.get(f"/en/hosting/reviews/{first.pk}/").content.decode()
    assert "Reason for mandate" in page  # their own reason
    assert client.get(f"/en/hosting/reviews/{second.pk}/").status_code == 404
    assert client.get(f"/en/hosting/{call.pk}/report/1/").status_code == 403
    # Coordination staff do not see the scores either before the close.
    assert Score.objects.visible_to(cast["coordination"]).count() == 0
    services.close_phase(call=call, phase=1, by=cast["coordination"])
    after = client.get(f"/api/v1/hosting/applications/{submitted.pk}/scores").json()
    assert {s["reviewer"] for s in after} == {first.reviewer.pk, second.reviewer.pk}
    assert Score.objects.visible_to(cast["coordination"]).count() == 10


@pytest.mark.parametrize("who", ["member", "other_member", "provider", "focal_point", "officer", "reviewer"])
def test_only_coordination_reads_reports_shortlists_and_scenarios(client, cast, scored, call, who):
    services.close_phase(call=call, phase=1, by=cast["coordination"])
    client.force_login(cast[who])
    for url in (f"/en/hosting/{call.pk}/report/1/", f"/en/hosting/{call.pk}/report/1/pdf/",
                f"/en/hosting/{call.pk}/shortlist/", f"/en/hosting/{call.pk}/scenarios/"):  # fmt: skip
        assert client.get(url).status_code in (403, 404), url
    assert client.get(f"/api/v1/hosting/calls/{call.pk}/shortlist").status_code in (403, 404)
    response = client.post(
        f"/api/v1/hosting/calls/{call.pk}/scenarios", {"ks": [15]}, content_type="application/json"
    )
    assert response.status_code in (403, 404)


def test_the_applicant_sees_their_application_and_the_invitation(client, cast, scored, submitted, call):
    services.close_phase(call=call, phase=1, by=cast["coordination"])
    client.force_login(cast["member"])
    page = client.get(f"/en/hosting/applications/{submitted.pk}/").content.decode()
    assert 'id="invitation"' in page
    assert [a["state"] for a in client.get("/api/v1/hosting/applications").json()] == ["invited"]
    assert client.get(f"/api/v1/hosting/applications/{submitted.pk}/scores").json() == []
