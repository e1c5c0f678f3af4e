"""The hosting API: a call through both phases, validation errors as problem+json, the scenario endpoint."""

import pytest

from tsc_hub.hosting.tests.factories import criteria_of, in_days, pass_deadline, shortlisted_call

pytestmark = pytest.mark.django_db


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


def _put(client, url, body):
    return client.put(url, body, content_type="application/json")


def test_a_call_from_expressions_of_interest_to_a_shortlist(client, cast, institution, reviewers):
    coordination = cast["coordination"]
    client.force_login(coordination)
    body = {"kind": "subregional", "title": {"en": "Hosts"}, "framework": "subregional-hosts",
            "deadline": in_days(5).isoformat(), "phase1_aggregation": "zscore"}  # fmt: skip
    call = _post(client, "/api/v1/hosting/calls", body).json()
    assert (call["state"], call["scale"], len(call["criteria"])) == ("draft", [0, 5], 12)
    assert (
        _post(client, f"/api/v1/hosting/calls/{call['id']}/transitions", {"action": "publish"}).json()[
            "state"
        ]
        == "open"
    )

    client.force_login(cast["member"])
    payload = {
        "organisation": institution.pk,
        "subregion": "eastern-southern-africa",
        "parties_served": ["ke", "et"],
        "mandate": "Research",
        "capacities": {"staff": "40 scientists"},
    }
    created = _post(client, f"/api/v1/hosting/calls/{call['id']}/applications", payload)
    assert created.status_code == 201, created.json()
    application = created.json()
    assert application["organisation_type"] == institution.organisation_type.identifier
    updated = _put(
        client,
        f"/api/v1/hosting/applications/{application['id']}",
        {**payload, "version": 1, "willing_to_cohost": True},
    )
    assert updated.json()["willing_to_cohost"] is True
    stale = _put(client, f"/api/v1/hosting/applications/{application['id']}", {**payload, "version": 1})
    assert (stale.status_code, stale.json()["code"]) == (409, "stale_version")
    assert (
        _post(client, f"/api/v1/hosting/applications/{application['id']}/submit", {}).json()["state"]
        == "submitted"
    )

    client.force_login(coordination)
    assignments = [
        _post(
            client, f"/api/v1/hosting/applications/{application['id']}/assignments", {"reviewer": r.pk}
        ).json()
        for r in reviewers[:2]
    ]
    from tsc_hub.hosting.models import Call

    pass_deadline(Call.objects.get(pk=call["id"]))
    _post(client, f"/api/v1/hosting/calls/{call['id']}/transitions", {"action": "start_review"})
    record = Call.objects.get(pk=call["id"])
    for phase in (1, 2):
        for reviewer, assignment in zip(reviewers[:2], assignments, strict=True):
            client.force_login(reviewer)
            scores = [{"criterion": c.code, "value": 4, "reason": "Good"} for c in criteria_of(record, phase)]
            response = _put(client, f"/api/v1/hosting/assignments/{assignment['id']}/scores", scores)
            assert response.status_code == 200, response.json()
        client.force_login(coordination)
        closed = _post(client, f"/api/v1/hosting/calls/{call['id']}/phases/{phase}/close", {})
        assert closed.status_code == 200, closed.json()
    shortlist = client.get(f"/api/v1/hosting/calls/{call['id']}/shortlist").json()
    assert [(a["id"], a["phase2_score"], a["rank"]) for a in shortlist] == [(application["id"], "80.00", 1)]


def test_validation_errors_are_problem_json(client, cast, call, institution):
    client.force_login(cast["member"])
    response = _post(client, f"/api/v1/hosting/calls/{call.pk}/applications", {"organisation": "x"})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    bad = {"organisation": institution.pk, "subregion": "atlantis", "parties_served": ["zz"]}
    problem = _post(client, f"/api/v1/hosting/calls/{call.pk}/applications", bad).json()
    assert problem["code"] == "invalid_input"
    assert set(problem["fields"]) == {"subregion", "parties_served"}


def test_the_deadline_is_enforced_in_the_api(client, cast, call, institution):
    client.force_login(cast["member"])
    pass_deadline(call)
    body = {"organisation": institution.pk, "subregion": "eastern-southern-africa", "parties_served": ["ke"]}
    response = _post(client, f"/api/v1/hosting/calls/{call.pk}/applications", body)
    assert (response.status_code, response.json()["code"]) == (409, "deadline_passed")


def test_scenario_endpoint_returns_each_k_with_infeasible_ones_flagged(client, cast):
    call = shortlisted_call(extra={"west-africa": 2, "south-america": 2})
    client.force_login(cast["coordination"])
    response = _post(client, f"/api/v1/hosting/calls/{call.pk}/scenarios", {"ks": [13, 15, 19]})
    assert response.status_code == 200
    results = response.json()
    assert [(r["min_centres"], r["feasible"]) for r in results] == [(13, True), (15, True), (19, False)]
    assert len(results[1]["selected"]) == 16
    assert results[1]["overlap"] == 0
    assert results[2]["error"].startswith("At most 16 centres")
    assert sum(len(ids) for ids in results[0]["by_subregion"].values()) == 16
    bad = _post(client, f"/api/v1/hosting/calls/{call.pk}/scenarios", {"ks": []})
    assert (bad.status_code, bad["Content-Type"]) == (422, "application/problem+json")
    recorded = _post(client, f"/api/v1/hosting/calls/{call.pk}/selections", {"min_centres": 15})
    assert recorded.status_code == 201
    assert len(recorded.json()["applications"]) == 16


def test_conflict_declaration_in_the_api(client, cast, submitted, reviewers):
    from tsc_hub.hosting import services

    assignment = services.assign_reviewer(
        application=submitted, reviewer=reviewers[0], by=cast["coordination"]
    )
    client.force_login(reviewers[1])
    assert (
        _post(client, f"/api/v1/hosting/assignments/{assignment.pk}/conflict", {"reason": "x"}).status_code
        == 404
    )
    client.force_login(reviewers[0])
    declared = _post(
        client, f"/api/v1/hosting/assignments/{assignment.pk}/conflict", {"reason": "Board member"}
    )
    assert declared.json()["conflict_reason"] == "Board member"
    assert client.get(f"/api/v1/hosting/applications/{submitted.pk}").status_code == 404
