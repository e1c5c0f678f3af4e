"""API of matches: the funnel with the same permissions as the pages."""

from typing import Annotated, Any, Literal

from django.db.models import Count
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import Field

from tsc_hub.accounts.auth import SIGNED_IN, signed_in_user
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.exceptions import InvalidInput, NotFound, PermissionDenied
from tsc_hub.core.jobs import visible_jobs
from tsc_hub.core.languages import pick_text
from tsc_hub.matching import alerts, assignments, presentation, ranking, services, suggestions
from tsc_hub.matching.models import AssignmentRun, Match, SavedSearch
from tsc_hub.matching.permissions import RUN_ASSIGNMENT
from tsc_hub.matching.schemas import (
    AssignmentIn,
    AssignmentRunOut,
    CandidateOut,
    DismissIn,
    FunnelOut,
    GroupOut,
    JobOut,
    MatchIn,
    MatchOut,
    MatchTransitionIn,
    OpportunityOut,
    PairOut,
    ReasonOut,
    SavedSearchIn,
    SavedSearchOut,
    SuggestionOut,
    SuggestionsOut,
    WhyNotOut,
)
from tsc_hub.matching.states import SUCCESSFUL, MatchState
from tsc_hub.matching.workflow import MATCH_WORKFLOW
from tsc_hub.offers.models import Offer, ProviderProfile

router = Router(tags=["matches"], auth=SIGNED_IN)


def _get(request: HttpRequest, match_id: int) -> Match:
    found = (
        Match.objects.visible_to(request.user)
        .with_related()
        .prefetch_related("steps__by")
        .filter(pk=match_id)
        .first()
    )
    if found is None:
        raise NotFound(_("No such match, or you may not see it."))
    found.allowed_actions = MATCH_WORKFLOW.actions_for(found.state, services.match_roles(request.user, found))
    return found


@router.get("", response=list[MatchOut], summary="Matches I may see")
@paginate(LimitOffsetPagination)
def list_matches(request: HttpRequest, request_id: int | None = None, state: str | None = None) -> Any:
    matches = Match.objects.visible_to(request.user).with_related().prefetch_related("steps__by")
    if request_id:
        matches = matches.filter(request_id=request_id)
    if state:
        matches = matches.filter(state=state)
    return matches


@router.get("/funnel", response=FunnelOut, summary="How many of my visible matches are at each step")
def funnel(request: HttpRequest) -> FunnelOut:
    counts = dict(
        Match.objects.visible_to(request.user)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    return FunnelOut(counts=counts, successful=sum(counts.get(state, 0) for state in SUCCESSFUL))


@router.get("/saved-searches", response=list[SavedSearchOut], summary="My saved searches")
def list_searches(request: HttpRequest) -> Any:
    return SavedSearch.objects.filter(owner=signed_in_user(request)).prefetch_related(
        "parties", "gbf_targets", "assistance_types"
    )


@router.post(
    "/saved-searches", response={201: SavedSearchOut}, summary="Be alerted of new requests like these"
)
def create_search(request: HttpRequest, payload: SavedSearchIn) -> Any:
    return Status(201, alerts.save_search(owner=signed_in_user(request), **payload.dict()))


@router.delete("/saved-searches/{search_id}", response={204: None}, summary="Remove a saved search")
def remove_search(request: HttpRequest, search_id: int) -> Any:
    alerts.delete_search(owner=signed_in_user(request), search_id=search_id)
    return Status(204, None)


@router.get("/{match_id}", response=MatchOut, summary="One match with its steps and my possible actions")
def get_match(request: HttpRequest, match_id: int) -> Any:
    return _get(request, match_id)


def _candidate(payload: MatchIn) -> ProviderProfile | Offer:
    if (payload.profile_id is None) == (payload.offer_id is None):
        message = _("Give either a provider profile or an offer.")
        raise InvalidInput(message, fields={"profile_id": [message], "offer_id": [message]})
    if payload.profile_id is not None:
        profile = ProviderProfile.objects.filter(pk=payload.profile_id).first()
        if profile is None:
            raise InvalidInput(_("No such provider profile."), fields={"profile_id": [_("Not found.")]})
        return profile
    offer = Offer.objects.filter(pk=payload.offer_id or 0).first()
    if offer is None:
        raise InvalidInput(_("No such offer."), fields={"offer_id": [_("Not found.")]})
    return offer


@router.post("", response={201: MatchOut}, summary="Suggest a provider for a request (help desk)")
def suggest(request: HttpRequest, payload: MatchIn) -> Any:
    target = AssistanceRequest.objects.visible_to(request.user).filter(pk=payload.request_id).first()
    if target is None:
        raise NotFound(_("No such request, or you may not see it."))
    match = services.suggest_match(
        request=target, candidate=_candidate(payload), note=payload.note, by=signed_in_user(request)
    )
    return Status(201, _get(request, match.pk))


@router.post("/{match_id}/transitions", response=MatchOut, summary="Take a step in the funnel")
def transition(request: HttpRequest, match_id: int, payload: MatchTransitionIn) -> Any:
    services.transition_match(
        match=_get(request, match_id),
        action=payload.action,
        reason_code=payload.reason_code,
        reason_text=payload.reason_text,
        by=signed_in_user(request),
    )
    return _get(request, match_id)


# --- The matching engine --------------------------------------------------------------------------------


def _candidate_out(record: Offer | ProviderProfile) -> CandidateOut:
    candidate = presentation.describe(record)
    return CandidateOut(
        kind=candidate.kind,
        id=record.pk,
        title=str(record),
        provider_organisation=candidate.organisation.pk,
        url=candidate.url,
    )


def _reasons_out(reasons: Any) -> list[ReasonOut]:
    return [ReasonOut(**vars(row)) for row in presentation.reason_rows(reasons)]


def _staff_request(request: HttpRequest, request_id: int) -> AssistanceRequest:
    target = (
        AssistanceRequest.objects.visible_to(request.user)
        .select_related("country")
        .prefetch_related("assistance_types", "gbf_targets", "cbd_subjects")
        .filter(pk=request_id)
        .first()
    )
    if target is None:
        raise NotFound(_("No such request, or you may not see it."))
    if not presentation.is_request_staff(request.user, target):
        raise PermissionDenied(_("Only the help desk of the request sees the engine's suggestions."))
    return target


@router.get(
    "/engine/requests/{request_id}/suggestions",
    response=SuggestionsOut,
    summary="The engine's best offers and profiles for a request, with reasons (its help desk)",
)
def engine_suggestions(
    request: HttpRequest, request_id: int, top: Annotated[int, Field(ge=1, le=50)] = 10
) -> Any:
    found = ranking.suggestions_for(_staff_request(request, request_id), top=top)
    return SuggestionsOut(
        request_id=request_id,
        suggestions=[
            SuggestionOut(
                candidate=_candidate_out(entry.candidate),
                score=round(entry.score, 4),
                reasons=_reasons_out(entry.reasons),
                match_id=entry.match.pk if entry.match else None,
                match_state=entry.match.state if entry.match else None,
                may_decide=entry.match is not None
                and entry.match.state == MatchState.SUGGESTED
                and entry.match.source == suggestions.ENGINE,
            )
            for entry in found.entries
        ],
        excluded=found.excluded,
        request_vector_missing=found.request_vector_missing,
        missing_vectors=found.missing_vectors,
        degraded=found.degraded,
        weights_version=found.weights_version,
    )


@router.get(
    "/engine/requests/{request_id}/why-not",
    response=WhyNotOut,
    summary="Why an offer or a profile is (not) suggested for a request, its score and rank (its help desk)",
)
def engine_why_not(request: HttpRequest, request_id: int, kind: Literal["offer", "profile"], id: int) -> Any:
    target = _staff_request(request, request_id)
    model = Offer if kind == "offer" else ProviderProfile
    candidate = model.objects.visible_to(request.user).filter(pk=id).first()
    if candidate is None:
        raise NotFound(_("No such offer or profile, or you may not see it."))
    why = presentation.explanation_context(target, candidate)
    return WhyNotOut(
        candidate=_candidate_out(candidate),
        codes=why["codes"],
        problems=why["problems"],
        published=why["published"],
        in_catalogue=why["in_catalogue"],
        score=round(why["score"], 4),
        reasons=[ReasonOut(**vars(row)) for row in why["reasons"]],
        rank=why["rank"],
    )


def _engine_match(request: HttpRequest, match_id: int) -> Match:
    found: Match | None = presentation.engine_suggestion(request.user, match_id)
    if found is None:
        raise NotFound(_("No such suggestion, or you may not see it."))
    return found


@router.post(
    "/engine/suggestions/{match_id}/confirm",
    response=MatchOut,
    summary="Confirm an engine suggestion: the provider is contacted (the request's help desk)",
)
def engine_confirm(request: HttpRequest, match_id: int) -> Any:
    suggestions.confirm_suggestion(match=_engine_match(request, match_id), by=signed_in_user(request))
    return _get(request, match_id)


@router.post(
    "/engine/suggestions/{match_id}/dismiss",
    response=MatchOut,
    summary="Dismiss an engine suggestion with a reason (the request's help desk)",
)
def engine_dismiss(request: HttpRequest, match_id: int, payload: DismissIn) -> Any:
    suggestions.dismiss_suggestion(
        match=_engine_match(request, match_id),
        by=signed_in_user(request),
        reason_code=payload.reason_code,
        reason_text=payload.reason_text,
    )
    return _get(request, match_id)


@router.get(
    "/engine/opportunities",
    response=list[OpportunityOut],
    summary="Open requests my published offers and profiles could help with (providers)",
)
def engine_opportunities(request: HttpRequest) -> Any:
    organisation_ids = presentation.provider_organisations(request.user)
    if not organisation_ids:
        raise PermissionDenied(_("Only providers see the requests they could help with."))
    found = ranking.requests_for_provider(
        organisation_ids, include_confidential=False, top=presentation.TOP_OPPORTUNITIES
    )
    readable = set(
        AssistanceRequest.objects.visible_to(request.user)
        .filter(pk__in=[opportunity.request.pk for opportunity in found])
        .values_list("pk", flat=True)
    )
    return [
        OpportunityOut(
            request_id=opportunity.request.pk,
            title=pick_text(opportunity.request.title, original=opportunity.request.original_language).text,
            party=opportunity.request.country_id,
            party_name=pick_text(opportunity.request.country.names).text,
            score=round(opportunity.score, 4),
            reasons=_reasons_out(opportunity.reasons),
            candidate=_candidate_out(opportunity.candidate),
        )
        for opportunity in found
        if opportunity.request.pk in readable
    ]


def _check_assignment(request: HttpRequest) -> None:
    if not request.user.has_perm(RUN_ASSIGNMENT):
        raise PermissionDenied(_("Only coordination staff compute the global assignment."))


@router.post(
    "/engine/assignments",
    response={202: JobOut},
    summary="Compute the balanced global assignment in the background (coordination staff)",
)
def engine_assign(request: HttpRequest, payload: AssignmentIn) -> Any:
    _check_assignment(request)
    job = assignments.start_assignment(
        by=signed_in_user(request), min_share=payload.min_share, priority_bonus=payload.priority_bonus
    )
    job.refresh_from_db()
    return Status(202, job)


@router.get("/engine/jobs/{job_id}", response=JobOut, summary="The progress of one of my background jobs")
def engine_job(request: HttpRequest, job_id: int) -> Any:
    job = visible_jobs(request.user).filter(pk=job_id).first()
    if job is None:
        raise NotFound(_("No such job, or you may not see it."))
    return job


@router.get(
    "/engine/assignments/{run_id}",
    response=AssignmentRunOut,
    summary="A computed global assignment: figures, cost of fairness, groups and pairs (coordination staff)",
)
def engine_assignment_run(request: HttpRequest, run_id: int) -> Any:
    _check_assignment(request)
    run = AssignmentRun.objects.filter(pk=run_id).first()
    if run is None:
        raise NotFound(_("No such assignment."))
    return AssignmentRunOut(
        id=run.pk,
        created_at=run.created_at,
        min_share=run.min_share,
        priority_bonus=run.priority_bonus,
        solver=run.solver,
        seconds=run.seconds,
        requests=run.requests,
        providers=run.providers,
        assigned=run.assigned,
        total_quality=run.total_quality,
        unconstrained_quality=run.unconstrained_quality,
        fairness_cost=run.fairness_cost,
        fairness_cost_percent=presentation.fairness_cost_percent(run),
        groups=[GroupOut(**row) for row in presentation.group_rows(run)],
        pairs=[
            PairOut(request_id=int(request_id), kind=kind, candidate_id=int(candidate_id), quality=quality)
            for request_id, kind, candidate_id, quality in run.pairs
        ],
        suggestions_created=run.suggestions_created,
    )
