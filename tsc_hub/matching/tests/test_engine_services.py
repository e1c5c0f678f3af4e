"""The engine over the database: stored embeddings, suggestions with constraints, the batch job,
confirm and dismiss, learning from decisions, the global assignment."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.matching import suggestions
from tsc_hub.matching.assignments import compute_assignment
from tsc_hub.matching.engine_records import track_records
from tsc_hub.matching.models import Embedding, Match, RankingModel
from tsc_hub.matching.ranking import explain_pair, requests_for_provider, suggestions_for
from tsc_hub.matching.states import MatchState
from tsc_hub.matching.vectors import embedder_info, refresh_embeddings
from tsc_hub.matching.weights import train_ranking_model
from tsc_hub.offers.tests.factories import OfferFactory, ProfileFactory


@pytest.fixture
def catalogue(world: dict[str, Any], provider_org: Any) -> dict[str, Any]:
    """Beside the world's profile and offer: an offer for Peru only, an expired one, a full profile."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    world["peru"] = OfferFactory(
        primary_organisation=provider_org, state="published", areas_benefited_parties=["pe"]
    )
    world["expired"] = OfferFactory(
        primary_organisation=provider_org, state="published", application_deadline=yesterday
    )
    world["full"] = ProfileFactory(organisation=provider_org, state="published", capacity=1)
    refresh_embeddings()
    return world


def _keys(found: Any) -> list[str]:
    return [entry.key for entry in found.entries]


def test_embeddings_are_stored_with_the_model_and_recomputed_only_when_the_text_changes(
    catalogue: Any,
) -> None:
    row = Embedding.objects.get(kind="offer", object_id=catalogue["offer"].pk)
    assert (row.model, row.model_version) == (embedder_info().model, embedder_info().version)
    assert refresh_embeddings() == 0
    catalogue["offer"].description = {"en": "Field training in DNA barcoding of invasive plants."}
    catalogue["offer"].save()
    assert refresh_embeddings() == 1


def test_suggestions_leave_out_what_breaks_a_hard_constraint(catalogue: Any) -> None:
    keys = _keys(suggestions_for(catalogue["request"]))
    assert f"offer:{catalogue['offer'].pk}" in keys
    assert f"profile:{catalogue['profile'].pk}" in keys
    assert f"offer:{catalogue['peru'].pk}" not in keys
    assert f"offer:{catalogue['expired'].pk}" not in keys  # an expired offer is not even in the catalogue
    why = explain_pair(catalogue["request"], catalogue["peru"])
    assert why.why.codes == ("outside_coverage",)
    assert why.rank is None


def test_a_profile_at_capacity_is_left_out(catalogue: Any, person: Any) -> None:
    other = suggestions.store_suggestion(
        request=catalogue["request"], key=f"profile:{catalogue['full'].pk}", score=0.5, reasons={}
    )
    Match.objects.filter(pk=other.pk).update(state=MatchState.AGREED)
    assert f"profile:{catalogue['full'].pk}" not in _keys(suggestions_for(catalogue["request"]))
    assert explain_pair(catalogue["request"], catalogue["full"]).why.codes == ("at_capacity",)


def test_each_suggestion_has_reasons_adding_up_to_its_score(catalogue: Any) -> None:
    found = suggestions_for(catalogue["request"])
    assert found.degraded  # the test settings use the n-gram fallback
    for entry in found.entries:
        assert abs(entry.score - sum(reason.contribution for reason in entry.reasons)) < 1e-9


def test_the_batch_job_stores_engine_suggestions_once_and_never_repeats_a_dismissed_one(
    catalogue: Any,
) -> None:
    stored = suggestions.store_engine_suggestions(per_request=2, min_score=0.0)
    assert stored == 2
    matches = list(Match.objects.filter(source="engine"))
    assert all(m.state == MatchState.SUGGESTED and "signals" in m.reasons for m in matches)
    catalogue["request"].refresh_from_db()
    assert catalogue["request"].state == "accepted"  # the engine moves nothing forward
    assert suggestions.store_engine_suggestions(per_request=2, min_score=0.0) == 0
    suggestions.dismiss_suggestion(match=matches[0], by=catalogue["officer"], reason_code="not_relevant")
    assert suggestions.store_engine_suggestions(per_request=2, min_score=0.0) == 1  # the next best
    same_pair = Match.objects.filter(
        request=matches[0].request, offer=matches[0].offer, profile=matches[0].profile
    )
    assert same_pair.count() == 1


def test_confirming_contacts_the_provider_and_starts_matching(catalogue: Any) -> None:
    suggestions.store_engine_suggestions(per_request=1, min_score=0.0)
    match = Match.objects.get(source="engine")
    confirmed = suggestions.confirm_suggestion(match=match, by=catalogue["officer"])
    assert confirmed.state == MatchState.CONTACTED
    confirmed.request.refresh_from_db()
    assert confirmed.request.state == "matching"


@pytest.mark.parametrize("role", ["focal_point", "member", "provider", "other_officer"])
def test_only_the_requests_help_desk_confirms_or_dismisses(catalogue: Any, role: str) -> None:
    suggestions.store_engine_suggestions(per_request=1, min_score=0.0)
    match = Match.objects.get(source="engine")
    with pytest.raises(PermissionDenied):
        suggestions.confirm_suggestion(match=match, by=catalogue[role])
    with pytest.raises(PermissionDenied):
        suggestions.dismiss_suggestion(match=match, by=catalogue[role], reason_code="timing")


def test_dismissing_needs_a_reason(catalogue: Any) -> None:
    suggestions.store_engine_suggestions(per_request=1, min_score=0.0)
    match = Match.objects.get(source="engine")
    with pytest.raises(InvalidInput):
        suggestions.dismiss_suggestion(match=match, by=catalogue["officer"], reason_code="")
    assert Match.objects.get(pk=match.pk).state == MatchState.SUGGESTED


def test_providers_never_see_confidential_requests_they_could_help_with(
    catalogue: Any, provider_org: Any
) -> None:
    found = requests_for_provider([provider_org.pk])
    assert [o.request.pk for o in found] == [catalogue["request"].pk]
    catalogue["request"].visibility = "confidential"
    catalogue["request"].save()
    assert requests_for_provider([provider_org.pk]) == []
    assert len(requests_for_provider([provider_org.pk], include_confidential=True)) == 1


def test_track_record_falls_with_declines(catalogue: Any, provider_org: Any) -> None:
    assert track_records([provider_org.pk]) == {}
    match = suggestions.store_suggestion(
        request=catalogue["request"], key=f"offer:{catalogue['offer'].pk}", score=0.5, reasons={}
    )
    Match.objects.filter(pk=match.pk).update(state=MatchState.PROVIDER_DECLINED)
    assert track_records([provider_org.pk]) == {provider_org.pk: pytest.approx(1 / 3)}


def _decided(world: dict[str, Any], count: int) -> None:
    """Engine suggestions decided by the help desk: the semantic signal tells the accepted apart."""
    from tsc_hub.assistance.tests.factories import make_request

    for n in range(count):
        request = make_request(organisation=world["request"].organisation)
        accepted = n % 2 == 0
        match = suggestions.store_suggestion(
            request=request,
            key=f"offer:{world['offer'].pk}",
            score=0.5,
            reasons={"signals": {"semantic": 0.8 if accepted else 0.2, "language": 1.0}},
        )
        if accepted:
            Match.objects.filter(pk=match.pk).update(state=MatchState.CONTACTED)
        else:
            Match.objects.filter(pk=match.pk).update(state=MatchState.CANCELLED)
            match.steps.create(action="cancel", from_state="suggested", to_state="cancelled")


def test_learning_stores_a_version_and_uses_it_only_if_better(catalogue: Any) -> None:
    with pytest.raises(InvalidInput):
        train_ranking_model(by=catalogue["coordination"])
    _decided(catalogue, 40)
    model = train_ranking_model(by=catalogue["coordination"])
    assert (model.version, model.source, model.outcomes) == (1, "learned", 40)
    assert model.weights["semantic"] > 0.5
    assert "candidate_eval" in model.evaluation
    assert model.active == model.evaluation["better"]
    again = train_ranking_model(by=None)
    assert again.version == 2
    assert RankingModel.objects.filter(active=True).count() <= 1


@pytest.mark.parametrize("role", ["officer", "focal_point", "provider"])
def test_only_coordination_trains_or_assigns(catalogue: Any, role: str) -> None:
    with pytest.raises(PermissionDenied):
        train_ranking_model(by=catalogue[role])
    with pytest.raises(PermissionDenied):
        compute_assignment(by=catalogue[role])


def test_the_global_assignment_is_stored_as_suggestions(catalogue: Any) -> None:
    run = compute_assignment(by=catalogue["coordination"], min_share=0.1, priority_bonus=0.1)
    assert (run.requests, run.assigned) == (1, 1)
    assert run.fairness_cost >= 0
    assert run.suggestions_created == 1
    match = Match.objects.get(source="engine")
    assert match.state == MatchState.SUGGESTED
    assert match.reasons["assignment_run"] == run.pk
    again = compute_assignment(by=catalogue["coordination"])
    assert again.suggestions_created == 0  # the pair is already suggested


def test_assignment_input_is_checked(catalogue: Any) -> None:
    with pytest.raises(InvalidInput) as error:
        compute_assignment(by=catalogue["coordination"], min_share=0.5)
    assert "min_share" in error.value.fields
