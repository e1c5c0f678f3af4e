"""The matching engine through the API: suggestions and "why not" for the request's help desk, confirm and
dismiss, the requests a provider could help with, the global assignment and its job."""

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

API = "/api/v1/matches/engine"


@pytest.fixture
def engine(world: dict[str, Any], provider_org: Any) -> dict[str, Any]:
    """The world with embeddings, plus a published offer for Peru only (outside the request's coverage)."""
    world["peru"] = OfferFactory(
        primary_organisation=provider_org, state="published", areas_benefited_parties=["pe"]
    )
    refresh_embeddings()
    return world


def _engine_suggestion(engine: dict[str, Any]) -> Match:
    return suggestions.store_suggestion(
        request=engine["request"], key=f"offer:{engine['offer'].pk}", score=0.5, reasons={}
    )


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return dict(response.json())


# --- Suggestions and "why not" ----------------------------------------------------------------------------


def test_the_help_desk_reads_suggestions_with_reasons(client: Any, engine: Any) -> None:
    match = _engine_suggestion(engine)
    client.force_login(engine["officer"])
    body = client.get(f"{API}/requests/{engine['request'].pk}/suggestions").json()
    assert body["degraded"] is True
    assert body["excluded"] == 1
    assert body["weights_version"] == 0
    by_key = {(s["candidate"]["kind"], s["candidate"]["id"]): s for s in body["suggestions"]}
    assert set(by_key) == {("offer", engine["offer"].pk), ("profile", engine["profile"].pk)}
    offer = by_key[("offer", engine["offer"].pk)]
    assert (offer["match_id"], offer["match_state"], offer["may_decide"]) == (match.pk, "suggested", True)
    assert offer["candidate"]["url"] == f"/en/offers/{engine['offer'].pk}/"
    signals = {reason["signal"]: reason for reason in offer["reasons"]}
    assert signals["semantic"]["label"] == "Similar wording"
    assert offer["score"] == pytest.approx(sum(r["contribution"] for r in offer["reasons"]), abs=1e-3)
    assert by_key[("profile", engine["profile"].pk)]["match_id"] is None
    top = client.get(f"{API}/requests/{engine['request'].pk}/suggestions", {"top": 1}).json()
    assert len(top["suggestions"]) == 1
    _problem(client.get(f"{API}/requests/{engine['request'].pk}/suggestions", {"top": 0}), 422)


@pytest.mark.parametrize("who", ["nobody", "focal_point", "member", "provider", "lab", "other_officer"])
def test_only_the_requests_help_desk_reads_suggestions(client: Any, engine: Any, who: str) -> None:
    client.force_login(engine[who])
    request_id = engine["request"].pk
    assert (
        _problem(client.get(f"{API}/requests/{request_id}/suggestions"), 403)["code"] == "permission_denied"
    )
    url = f"{API}/requests/{request_id}/why-not?kind=offer&id={engine['offer'].pk}"
    _problem(client.get(url), 403)


def test_invisible_or_missing_requests_are_not_found(client: Any, engine: Any) -> None:
    engine["request"].visibility = "confidential"
    engine["request"].save()
    client.force_login(engine["nobody"])
    _problem(client.get(f"{API}/requests/{engine['request'].pk}/suggestions"), 404)
    client.force_login(engine["officer"])
    _problem(client.get(f"{API}/requests/999999/suggestions"), 404)


def test_anonymous_is_refused(client: Any, engine: Any) -> None:
    _problem(client.get(f"{API}/requests/{engine['request'].pk}/suggestions"), 401)
    _problem(client.get(f"{API}/opportunities"), 401)
    _problem(client.post(f"{API}/assignments", {}, content_type="application/json"), 401)


def test_why_not_gives_broken_constraints_score_and_rank(client: Any, engine: Any) -> None:
    client.force_login(engine["officer"])
    url = f"{API}/requests/{engine['request'].pk}/why-not"
    peru = client.get(url, {"kind": "offer", "id": engine["peru"].pk}).json()
    assert peru["codes"] == ["outside_coverage"]
    assert peru["problems"] == ["It does not cover the requesting Party."]
    assert (peru["published"], peru["in_catalogue"], peru["rank"]) == (True, True, None)
    assert peru["score"] > 0
    assert peru["reasons"]
    fitting = client.get(url, {"kind": "profile", "id": engine["profile"].pk}).json()
    assert fitting["codes"] == []
    assert fitting["rank"] in (1, 2)
    draft = OfferFactory(primary_organisation=engine["offer"].primary_organisation, state="draft")
    client.force_login(engine["coordination"])  # coordination reads drafts too
    unpublished = client.get(url, {"kind": "offer", "id": draft.pk}).json()
    assert (unpublished["published"], unpublished["in_catalogue"]) == (False, False)
    assert any("only published" in problem for problem in unpublished["problems"])


def test_why_not_input_is_checked(client: Any, engine: Any) -> None:
    client.force_login(engine["officer"])
    url = f"{API}/requests/{engine['request'].pk}/why-not"
    assert "kind" in _problem(client.get(url, {"kind": "project", "id": 1}), 422)["fields"]
    assert "id" in _problem(client.get(url, {"kind": "offer"}), 422)["fields"]
    _problem(client.get(url, {"kind": "offer", "id": 999999}), 404)


# --- Confirm and dismiss --------------------------------------------------------------------------------


def test_confirm_contacts_the_provider_once(client: Any, engine: Any) -> None:
    match = _engine_suggestion(engine)
    client.force_login(engine["officer"])
    body = client.post(f"{API}/suggestions/{match.pk}/confirm").json()
    assert body["state"] == "contacted"
    assert body["id"] == match.pk
    assert _problem(client.post(f"{API}/suggestions/{match.pk}/confirm"), 409)["code"] == "already_decided"


def test_dismiss_without_a_reason_is_refused_with_a_message(client: Any, engine: Any) -> None:
    match = _engine_suggestion(engine)
    client.force_login(engine["coordination"])
    url = f"{API}/suggestions/{match.pk}/dismiss"
    problem = _problem(client.post(url, {}, content_type="application/json"), 422)
    assert problem["detail"] == "Choose a reason from the list."
    assert "reason_code" in problem["fields"]
    assert Match.objects.get(pk=match.pk).state == MatchState.SUGGESTED
    other = _problem(client.post(url, {"reason_code": "other"}, content_type="application/json"), 422)
    assert "reason_text" in other["fields"]
    body = client.post(
        url, {"reason_code": "no_capacity", "reason_text": "Busy"}, content_type="application/json"
    ).json()
    assert (body["state"], body["decline_reason"], body["decline_text"]) == (
        "cancelled",
        "no_capacity",
        "Busy",
    )


@pytest.mark.parametrize("who", ["nobody", "focal_point", "member", "provider", "lab", "other_officer"])
def test_others_cannot_confirm_or_dismiss(client: Any, engine: Any, who: str) -> None:
    match = _engine_suggestion(engine)
    client.force_login(engine[who])
    _problem(client.post(f"{API}/suggestions/{match.pk}/confirm"), 404)
    payload = {"reason_code": "timing"}
    _problem(
        client.post(f"{API}/suggestions/{match.pk}/dismiss", payload, content_type="application/json"), 404
    )
    assert Match.objects.get(pk=match.pk).state == MatchState.SUGGESTED


def test_a_person_made_suggestion_is_not_an_engine_suggestion(client: Any, engine: Any) -> None:
    from tsc_hub.matching.services import suggest_match

    match = suggest_match(request=engine["request"], candidate=engine["offer"], by=engine["officer"])
    client.force_login(engine["officer"])
    _problem(client.post(f"{API}/suggestions/{match.pk}/confirm"), 404)


# --- Requests a provider could help with --------------------------------------------------------------


def test_a_provider_lists_requests_it_could_help_with(client: Any, engine: Any) -> None:
    client.force_login(engine["lab"])
    body = client.get(f"{API}/opportunities").json()
    assert [row["request_id"] for row in body] == [engine["request"].pk]
    row = body[0]
    assert row["party"] == "ke"
    assert row["party_name"] == "Kenya"
    assert row["title"] == "DNA barcoding training"
    assert row["candidate"]["kind"] in ("offer", "profile")
    assert row["reasons"]
    client.force_login(engine["provider"])
    assert client.get(f"{API}/opportunities").json() == []


def test_a_provider_never_lists_a_confidential_request(client: Any, engine: Any) -> None:
    engine["request"].visibility = "confidential"
    engine["request"].save()
    client.force_login(engine["lab"])
    assert client.get(f"{API}/opportunities").json() == []


@pytest.mark.parametrize("who", ["nobody", "focal_point", "member", "officer", "coordination", "admin"])
def test_only_providers_list_opportunities(client: Any, engine: Any, who: str) -> None:
    client.force_login(engine[who])
    _problem(client.get(f"{API}/opportunities"), 403)


# --- The global assignment and its job -----------------------------------------------------------------


def test_coordination_computes_the_assignment_and_follows_its_job(
    client: Any, engine: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(engine["coordination"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{API}/assignments", {"min_share": 0.05, "priority_bonus": 0.5}, content_type="application/json"
        )
    assert response.status_code == 202, response.content
    job_id = response.json()["id"]
    job = client.get(f"{API}/jobs/{job_id}").json()
    assert (job["state"], job["percent"], job["finished"]) == ("done", 100, True)
    run = client.get(f"{API}/assignments/{job['result']['assignment_run']}").json()
    assert (run["min_share"], run["priority_bonus"], run["requests"], run["assigned"]) == (0.05, 0.5, 1, 1)
    assert run["fairness_cost"] >= 0
    assert run["fairness_cost_percent"] >= 0
    assert run["pairs"][0]["request_id"] == engine["request"].pk
    assert {group["group"] for group in run["groups"]} >= {"africa"}
    assert Match.objects.get().source == "engine"


def test_bad_assignment_input_is_refused_and_starts_nothing(client: Any, engine: Any) -> None:
    client.force_login(engine["admin"])
    problem = _problem(
        client.post(f"{API}/assignments", {"min_share": 0.5}, content_type="application/json"), 422
    )
    assert "min_share" in problem["fields"]
    _problem(client.post(f"{API}/assignments", {"priority_bonus": -1}, content_type="application/json"), 422)
    assert not Job.objects.exists()
    assert not AssignmentRun.objects.exists()


@pytest.mark.parametrize("who", ["nobody", "focal_point", "member", "provider", "officer", "other_officer"])
def test_only_coordination_computes_or_reads_assignments(client: Any, engine: Any, who: str) -> None:
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
    _problem(client.post(f"{API}/assignments", {}, content_type="application/json"), 403)
    _problem(client.get(f"{API}/assignments/{run.pk}"), 403)
    assert not Job.objects.exists()


def test_a_missing_run_is_not_found(client: Any, engine: Any) -> None:
    client.force_login(engine["coordination"])
    _problem(client.get(f"{API}/assignments/999999"), 404)


def test_a_job_is_seen_by_its_owner_only(client: Any, engine: Any) -> None:
    job = create_job(kind="matching.assignment", by=engine["coordination"])
    Job.objects.filter(pk=job.pk).update(state="running", done=1, total=4)
    client.force_login(engine["coordination"])
    body = client.get(f"{API}/jobs/{job.pk}").json()
    assert (body["state"], body["percent"], body["finished"]) == ("running", 25, False)
    for who in ("officer", "provider", "nobody"):
        client.force_login(engine[who])
        _problem(client.get(f"{API}/jobs/{job.pk}"), 404)
