"""API of matches: the funnel with the same permissions as the pages."""

from typing import Any

from django.db.models import Count
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts.auth import SIGNED_IN, signed_in_user
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.exceptions import InvalidInput, NotFound
from tsc_hub.matching import alerts, services
from tsc_hub.matching.models import Match, SavedSearch
from tsc_hub.matching.schemas import (
    FunnelOut,
    MatchIn,
    MatchOut,
    MatchTransitionIn,
    SavedSearchIn,
    SavedSearchOut,
)
from tsc_hub.matching.states import SUCCESSFUL
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
