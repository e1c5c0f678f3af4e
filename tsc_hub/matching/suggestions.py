"""Engine suggestions as matches: the batch job that stores them, and the help desk's confirm and dismiss.

A stored suggestion is a match in state "suggested" with source "engine", its score, and its reasons
(signal values, contributions, weights version), so that decisions on it can train the next weights.
The engine never moves a request or a match forward: a person confirms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.states import RequestState
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.matching import ranking
from tsc_hub.matching.engine.ranker import Reason
from tsc_hub.matching.engine_records import item_key, parse_item_key
from tsc_hub.matching.labels import NOT_IN_CATALOGUE, constraint_texts
from tsc_hub.matching.models import Match, RecordKind
from tsc_hub.matching.ranking import catalogue, open_requests, suggestions_for
from tsc_hub.matching.services import transition_match
from tsc_hub.matching.states import TERMINAL, MatchState
from tsc_hub.matching.workflow import STAFF
from tsc_hub.offers.models import Offer, ProviderProfile

ENGINE = "engine"
DEFAULT_PER_REQUEST = 3
DEFAULT_MIN_SCORE = 0.35


def reasons_payload(reasons: tuple[Reason, ...], weights_version: int, **extra: Any) -> dict[str, Any]:
    """What a stored suggestion keeps of its reasons: enough to show them and to learn from them."""
    return {
        "weights_version": weights_version,
        "signals": {reason.signal: round(reason.value, 4) for reason in reasons},
        "contributions": {reason.signal: round(reason.contribution, 4) for reason in reasons},
        **extra,
    }


def already_paired(request_id: int) -> set[str]:
    """Items ever matched with the request, in any state: a dismissed suggestion is not made again."""
    keys = set()
    for offer_id, profile_id in Match.objects.filter(request_id=request_id).values_list(
        "offer_id", "profile_id"
    ):
        keys.add(f"{RecordKind.OFFER}:{offer_id}" if offer_id else f"{RecordKind.PROFILE}:{profile_id}")
    return keys


def store_suggestion(
    *, request: Any, key: str, score: float, reasons: dict[str, Any], by: Any = None
) -> Match:
    """Store one engine suggestion (a help desk draft: requester and provider do not see it yet)."""
    kind, pk = parse_item_key(key)
    offer = Offer.objects.get(pk=pk) if kind == RecordKind.OFFER else None
    profile = ProviderProfile.objects.get(pk=pk) if kind == RecordKind.PROFILE else None
    organisation_id = offer.primary_organisation_id if offer else profile.organisation_id  # type: ignore[union-attr]
    match = Match.objects.create(
        request=request,
        offer=offer,
        profile=profile,
        provider_organisation_id=organisation_id,
        source=ENGINE,
        score=round(score, 4),
        reasons=reasons,
        suggested_by=by,
    )
    match.steps.create(action="suggest", from_state="", to_state=match.state, by=by, reason=ENGINE)
    record_event(actor=by, action="match.suggest", target=match, changes={"source": ENGINE, "item": key})
    return match


def store_engine_suggestions(
    *,
    per_request: int = DEFAULT_PER_REQUEST,
    min_score: float = DEFAULT_MIN_SCORE,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """For every open request, store its best new items as suggestions, up to `per_request` waiting for a
    decision; returns how many were stored.
    Each request is one transaction: an interrupted run keeps what it finished and a re-run adds no twin."""
    requests = list(open_requests(include_confidential=True).filter(state__in=["accepted", "matching"]))
    found = catalogue()
    stored = 0
    for done, request in enumerate(requests, start=1):
        ranked = suggestions_for(request, top=per_request + 10)
        with transaction.atomic():
            paired = already_paired(request.pk)
            fresh = [
                entry for entry in ranked.entries if entry.key not in paired and entry.score >= min_score
            ]
            # At most `per_request` undecided engine suggestions: a dismissed one makes room for the next.
            waiting = Match.objects.filter(request=request, source=ENGINE, state=MatchState.SUGGESTED).count()
            for entry in fresh[: max(per_request - waiting, 0)]:
                payload = reasons_payload(entry.reasons, found.weights_version)
                store_suggestion(request=request, key=entry.key, score=entry.score, reasons=payload)
                stored += 1
        if progress:
            progress(done, len(requests))
    return stored


def _check_staff(match: Match, by: Any) -> None:
    if not roles_held_for(by, match.request) & STAFF:
        raise PermissionDenied(_("Only the help desk confirms or dismisses suggestions."))
    if match.state != MatchState.SUGGESTED:
        raise Conflict(_("This suggestion was already decided."), code="already_decided")


@transaction.atomic
def confirm_suggestion(*, match: Match, by: Any) -> Match:
    """The help desk takes a suggestion forward: the provider is contacted (and matching starts)."""
    _check_staff(match, by)
    if match.request.state == RequestState.ACCEPTED:
        transition_request(request=match.request, action="start_matching", by=by)
    return transition_match(match=match, action="contact", by=by)


@transaction.atomic
def dismiss_suggestion(*, match: Match, by: Any, reason_code: str, reason_text: str = "") -> Match:
    """The help desk turns a suggestion down, with a reason that trains the next weights."""
    _check_staff(match, by)
    return transition_match(
        match=match, action="cancel", by=by, reason_code=reason_code, reason_text=reason_text
    )


def suggest_ranked_item(*, target: Any, candidate: Offer | ProviderProfile, by: Any) -> Match:
    """The help desk stores a ranked item as a suggestion (a draft that moves nothing forward), after the
    same checks the engine applies: accepted request, item in the catalogue, no broken constraint, no twin."""
    if by is not None and not roles_held_for(by, target) & STAFF:
        raise PermissionDenied(_("Only the help desk suggests providers."))
    with transaction.atomic():
        locked = AssistanceRequest.objects.select_for_update().get(pk=target.pk)
        if locked.state not in ranking.MATCHABLE:
            raise Conflict(
                _("Providers can be suggested once a request is accepted."), code="request_not_matchable"
            )
        explanation = ranking.explain_pair(locked, candidate)
        if not explanation.in_catalogue:
            raise InvalidInput(NOT_IN_CATALOGUE, code="not_ranked")
        if explanation.why.codes:
            raise InvalidInput(" ".join(constraint_texts(explanation.why.codes)), code="breaks_constraints")
        field = "offer" if isinstance(candidate, Offer) else "profile"
        if Match.objects.filter(request=locked, **{field: candidate}).exclude(state__in=TERMINAL).exists():
            raise Conflict(_("This provider is already suggested for this request."), code="duplicate_match")
        key = item_key(RecordKind.OFFER if isinstance(candidate, Offer) else RecordKind.PROFILE, candidate.pk)
        payload = reasons_payload(explanation.why.reasons, ranking.catalogue().weights_version)
        return store_suggestion(request=locked, key=key, score=explanation.why.score, reasons=payload, by=by)
