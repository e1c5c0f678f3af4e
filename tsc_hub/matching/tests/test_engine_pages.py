"""Pages of the matching engine: the suggestions panel (the request's help desk), the requests a provider
could help with, the global assignment (coordination staff) and the progress of its job."""

from __future__ import annotations

from typing import Any

import pytest

from tsc_hub.core.jobs import create_job
from tsc_hub.core.models import Job
from tsc_hub.matching import suggestions
from tsc_hub.matching.models import AssignmentRun, Match
from tsc_hub.matching.states import MatchState
from tsc_hub.matching.vectors import refresh_embeddings
from tsc_hub.offers.tests.factories import OfferFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def engine(world: dict[str, Any], provider_org: Any) -> dict[str, Any]:
    """The world with embeddings, plus a published offer for Peru only (outside the request's coverage)."""
    world["peru"] = OfferFactory(
        primary_organisation=provider_org,
        state="published",
        areas_benefited_parties=["pe"],
        title={"en": "Andean herbarium course"},
    )
    refresh_embeddings()
    return world


def _panel(request: Any) -> str:
    return f"/en/matches/engine/requests/{request.pk}/"


def _engine_suggestion(engine: dict[str, Any]) -> Match:
    return suggestions.store_suggestion(
        request=engine["request"], key=f"offer:{engine['offer'].pk}", score=0.5, reasons={}
    )


# --- The suggestions panel -----------------------------------------------------------------------------


def test_the_help_desk_sees_suggestions_with_reasons_and_a_warning(client: Any, engine: Any) -> None:
    client.force_login(engine["officer"])
    page = client.get(_panel(engine["request"])).content.decode()
    assert str(engine["offer"]) in page
    assert str(engine["profile"]) in page
    assert f'name="key" value="offer:{engine["peru"].pk}"' not in page  # outside coverage
    assert f'name="key" value="offer:{engine["offer"].pk}"' in page
    assert "Similar wording" in page
    assert "<meter" in page
    assert "fallback" in page  # the test settings use the degraded embedder
    assert 'name="key"' in page
    assert "Suggest" in page
    assert "<html" in page  # a full page without htmx
    fragment = client.get(_panel(engine["request"]), **HTMX).content.decode()
    assert fragment.lstrip().startswith('<section id="engine-panel"')


def test_the_request_page_loads_the_panel_for_its_help_desk_only(client: Any, engine: Any) -> None:
    url = f"/en/requests/{engine['request'].pk}/"
    client.force_login(engine["officer"])
    assert f'hx-get="{_panel(engine["request"])}"' in client.get(url).content.decode()
    client.force_login(engine["focal_point"])
    assert "engine/requests" not in client.get(url).content.decode()


@pytest.mark.parametrize(
    "who", ["nobody", "focal_point", "member", "provider", "lab", "other_officer", "other_focal_point"]
)
def test_only_the_requests_help_desk_reaches_the_panel(client: Any, engine: Any, who: str) -> None:
    client.force_login(engine[who])
    for url in (_panel(engine["request"]), _panel(engine["request"]) + "why-not/"):
        assert client.get(url).status_code == 403
    response = client.post(_panel(engine["request"]) + "suggest/", {"key": f"offer:{engine['offer'].pk}"})
    assert response.status_code == 403
    assert not Match.objects.exists()


def test_anonymous_is_sent_to_sign_in(client: Any, engine: Any) -> None:
    response = client.get(_panel(engine["request"]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_confidential_request_is_not_found_for_outsiders(client: Any, engine: Any) -> None:
    engine["request"].visibility = "confidential"
    engine["request"].save()
    client.force_login(engine["nobody"])
    assert client.get(_panel(engine["request"])).status_code == 404


def test_suggest_stores_an_engine_suggestion_without_moving_the_request(client: Any, engine: Any) -> None:
    client.force_login(engine["officer"])
    key = f"offer:{engine['offer'].pk}"
    fragment = client.post(_panel(engine["request"]) + "suggest/", {"key": key}, **HTMX).content.decode()
    assert "The suggestion was stored" in fragment
    match = Match.objects.get()
    assert (match.source, match.state, match.suggested_by) == ("engine", "suggested", engine["officer"])
    assert match.score is not None
    assert match.score > 0
    assert "contributions" in match.reasons
    engine["request"].refresh_from_db()
    assert engine["request"].state == "accepted"
    assert "Confirm" in fragment
    assert "Dismiss" in fragment
    again = client.post(_panel(engine["request"]) + "suggest/", {"key": key}, **HTMX).content.decode()
    assert "already suggested" in again
    assert Match.objects.count() == 1


def test_an_item_breaking_a_constraint_cannot_be_suggested(client: Any, engine: Any) -> None:
    client.force_login(engine["officer"])
    response = client.post(_panel(engine["request"]) + "suggest/", {"key": f"offer:{engine['peru'].pk}"})
    assert response.status_code == 302  # without htmx: back to the panel with a message
    page = client.get(response["Location"]).content.decode()
    assert "It does not cover the requesting Party." in page
    assert not Match.objects.exists()


def test_confirm_contacts_the_provider(client: Any, engine: Any) -> None:
    match = _engine_suggestion(engine)
    client.force_login(engine["officer"])
    fragment = client.post(f"/en/matches/engine/suggestions/{match.pk}/confirm/", **HTMX).content.decode()
    assert "Confirmed" in fragment
    match.refresh_from_db()
    assert match.state == MatchState.CONTACTED
    engine["request"].refresh_from_db()
    assert engine["request"].state == "matching"


def test_dismiss_needs_a_reason_then_cancels(client: Any, engine: Any) -> None:
    match = _engine_suggestion(engine)
    client.force_login(engine["officer"])
    url = f"/en/matches/engine/suggestions/{match.pk}/dismiss/"
    fragment = client.post(url, {"reason_code": ""}, **HTMX).content.decode()
    assert "Choose a reason from the list." in fragment
    match.refresh_from_db()
    assert match.state == MatchState.SUGGESTED
    client.post(url, {"reason_code": "not_relevant", "reason_text": "Wrong taxa"}, **HTMX)
    match.refresh_from_db()
    assert (match.state, match.decline_reason, match.decline_text) == (
        "cancelled",
        "not_relevant",
        "Wrong taxa",
    )


@pytest.mark.parametrize("who", ["focal_point", "member", "provider", "lab", "other_officer", "nobody"])
def test_others_cannot_confirm_or_dismiss(client: Any, engine: Any, who: str) -> None:
    match = _engine_suggestion(engine)
    client.force_login(engine[who])
    assert client.post(f"/en/matches/engine/suggestions/{match.pk}/confirm/").status_code == 404
    response = client.post(f"/en/matches/engine/suggestions/{match.pk}/dismiss/", {"reason_code": "timing"})
    assert response.status_code == 404
    match.refresh_from_db()
    assert match.state == MatchState.SUGGESTED


def test_why_not_explains_in_words(client: Any, engine: Any) -> None:
    client.force_login(engine["officer"])
    url = _panel(engine["request"]) + "why-not/"
    fragment = client.get(url, {"kind": "offer", "id": engine["peru"].pk}, **HTMX).content.decode()
    assert "It does not cover the requesting Party." in fragment
    assert "Andean herbarium course" in fragment
    fitting = client.get(url, {"item": f"offer:{engine['offer'].pk}"}, **HTMX).content.decode()
    assert "breaks no constraint" in fitting
    assert "among the items that fit the request" in fitting
    page = client.get(url, {"item": f"profile:{engine['profile'].pk}"}).content.decode()
    assert "<html" in page
    assert "breaks no constraint" in page


def test_why_not_without_a_choice_says_what_to_do(client: Any, engine: Any) -> None:
    client.force_login(engine["officer"])
    url = _panel(engine["request"]) + "why-not/"
    fragment = client.get(url, {"kind": "offer"}, **HTMX).content.decode()
    assert "Choose an offer or a profile" in fragment
    missing = client.get(url, {"kind": "offer", "id": 999999}, **HTMX).content.decode()
    assert "No such offer or profile" in missing


# --- Requests a provider could help with --------------------------------------------------------------


def test_a_provider_sees_requests_it_could_help_with(client: Any, engine: Any) -> None:
    client.force_login(engine["lab"])
    page = client.get("/en/matches/engine/opportunities/").content.decode()
    assert f"/en/requests/{engine['request'].pk}/" in page
    assert "Similar wording" in page
    assert "Requests you could help with" in page  # the navigation link too
    client.force_login(engine["provider"])  # a provider with nothing published
    page = client.get("/en/matches/engine/opportunities/").content.decode()
    assert "No open request fits" in page


def test_a_provider_never_sees_a_confidential_request(client: Any, engine: Any) -> None:
    engine["request"].visibility = "confidential"
    engine["request"].save()
    client.force_login(engine["lab"])
    page = client.get("/en/matches/engine/opportunities/").content.decode()
    assert f"/en/requests/{engine['request'].pk}/" not in page
    assert "No open request fits" in page


@pytest.mark.parametrize("who", ["nobody", "focal_point", "member", "officer", "coordination", "admin"])
def test_only_providers_see_opportunities(client: Any, engine: Any, who: str) -> None:
    client.force_login(engine[who])
    response = client.get("/en/matches/engine/opportunities/")
    assert response.status_code == 403
    assert "/matches/engine/opportunities/" not in client.get("/en/").content.decode()


# --- The global assignment -----------------------------------------------------------------------------


def test_coordination_computes_the_assignment_with_progress(
    client: Any, engine: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(engine["coordination"])
    page = client.get("/en/matches/engine/assignment/").content.decode()
    assert 'name="min_share"' in page
    assert 'value="0.1"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/matches/engine/assignment/", {"min_share": "0.1", "priority_bonus": "0.2"}
        )
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"?job={job.pk}")
    assert job.state == "done"
    assert job.started_by == engine["coordination"]
    run = AssignmentRun.objects.get(pk=job.result["assignment_run"])
    assert (run.min_share, run.priority_bonus, run.requests, run.assigned) == (0.1, 0.2, 1, 1)
    page = client.get(response["Location"]).content.decode()
    assert "<progress" in page
    assert f"/en/matches/engine/assignment/{run.pk}/" in page
    fragment = client.get(f"/en/matches/engine/jobs/{job.pk}/", **HTMX).content.decode()
    assert 'value="100"' in fragment
    assert "hx-trigger" not in fragment  # finished: polling stops
    run_page = client.get(f"/en/matches/engine/assignment/{run.pk}/").content.decode()
    for figure in ("cost of fairness", "quality without fairness", "Africa", "Minimum (quota)"):
        assert figure in run_page
    assert f"/en/requests/{engine['request'].pk}/" in run_page
    assert "Global assignment" in client.get("/en/").content.decode()  # the navigation link


def test_bad_input_shows_the_error_and_starts_nothing(client: Any, engine: Any) -> None:
    client.force_login(engine["admin"])
    response = client.post("/en/matches/engine/assignment/", {"min_share": "0.5", "priority_bonus": "x"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "less than or equal to 0.2" in page
    assert "Enter a number." in page
    assert not Job.objects.exists()
    assert not AssignmentRun.objects.exists()


@pytest.mark.parametrize("who", ["nobody", "focal_point", "member", "provider", "officer", "other_officer"])
def test_only_coordination_reaches_the_assignment(client: Any, engine: Any, who: str) -> None:
    run = AssignmentRun.objects.create(
        min_share=0.1,
        priority_bonus=0.1,
        solver="networkx",
        seconds=0.1,
        requests=0,
        providers=0,
        assigned=0,
        total_quality=0,
        unconstrained_quality=0,
        fairness_cost=0,
    )
    client.force_login(engine[who])
    assert client.get("/en/matches/engine/assignment/").status_code == 403
    assert client.post("/en/matches/engine/assignment/", {"min_share": "0.1"}).status_code == 403
    assert client.get(f"/en/matches/engine/assignment/{run.pk}/").status_code == 403
    assert not Job.objects.exists()
    assert "/matches/engine/assignment/" not in client.get("/en/").content.decode()


def test_anonymous_cannot_reach_the_assignment(client: Any, engine: Any) -> None:
    assert client.get("/en/matches/engine/assignment/").status_code == 302
    assert client.get("/en/matches/engine/opportunities/").status_code == 302


def test_a_running_job_is_polled_and_only_its_owner_sees_it(client: Any, engine: Any) -> None:
    job = create_job(kind="matching.assignment", by=engine["coordination"])
    Job.objects.filter(pk=job.pk).update(state="running", done=3, total=4)
    client.force_login(engine["coordination"])
    fragment = client.get(f"/en/matches/engine/jobs/{job.pk}/", **HTMX).content.decode()
    assert 'hx-trigger="every 1s"' in fragment
    assert 'value="75"' in fragment
    assert "<html" not in fragment
    assert "<html" in client.get(f"/en/matches/engine/jobs/{job.pk}/").content.decode()
    for who in ("officer", "provider", "nobody"):
        client.force_login(engine[who])
        assert client.get(f"/en/matches/engine/jobs/{job.pk}/").status_code == 404
