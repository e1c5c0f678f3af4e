"""Writes about matches: suggesting a provider for a request and moving the match through the funnel."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.services.people import requester_side
from tsc_hub.assistance.states import RequestState
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.languages import pick_text
from tsc_hub.matching.models import Match
from tsc_hub.matching.states import OCCUPYING, TERMINAL, DeclineReason, MatchState
from tsc_hub.matching.workflow import MATCH_WORKFLOW, STAFF
from tsc_hub.notifications.services import notify
from tsc_hub.offers.models import Offer, ProviderProfile

MATCHABLE_REQUEST_STATES = frozenset({RequestState.ACCEPTED, RequestState.MATCHING, RequestState.MATCHED})


def match_roles(user: Any, match: Match) -> set[str]:
    """Roles held for the request's side, plus "provider" when held for the provider's organisation."""
    if user is None:
        return set()
    request_side = roles_held_for(user, match.request) - {"provider"}
    provider_side = roles_held_for(user, match.provider_organisation) & {"provider"}
    return request_side | provider_side


def providers_of(organisation_id: int) -> set[Any]:
    from tsc_hub.accounts.models import User

    return set(User.objects.filter(role_assignments__in=_active("provider", organisation_id)).distinct())


def _active(role: str, organisation_id: int) -> Any:
    from tsc_hub.accounts.models import RoleAssignment

    return RoleAssignment.objects.active().filter(role=role, organisation_id=organisation_id)


def _check_candidate(request: AssistanceRequest, candidate: ProviderProfile | Offer) -> None:
    """The hard constraints no suggestion may break: published, current, covering the Party, not full."""
    if candidate.state != "published":
        raise InvalidInput(_("Only published profiles and offers can be suggested."), code="not_published")
    if (
        isinstance(candidate, Offer)
        and candidate.application_deadline
        and candidate.application_deadline < timezone.localdate()
    ):
        raise InvalidInput(_("This offer's deadline has passed."), code="offer_expired")
    if request.country_id not in candidate.covered_party_codes():
        raise InvalidInput(_("This provider does not cover the requesting Party."), code="outside_coverage")
    if isinstance(candidate, ProviderProfile):
        busy = (
            Match.objects.filter(profile=candidate, state__in=OCCUPYING)
            .exclude(request__state__in=["closed", "withdrawn"])
            .count()
        )
        if busy >= candidate.capacity:
            raise InvalidInput(_("This provider is at capacity."), code="at_capacity")


@transaction.atomic
def suggest_match(
    *,
    request: AssistanceRequest,
    candidate: ProviderProfile | Offer,
    by: Any,
    note: str = "",
    source: str = "person",
    score: float | None = None,
    reasons: dict[str, Any] | None = None,
) -> Match:
    """The help desk suggests a provider for an accepted request."""
    locked = AssistanceRequest.objects.select_for_update().get(pk=request.pk)
    if by is not None and not roles_held_for(by, locked) & STAFF:
        raise PermissionDenied(_("Only the help desk suggests providers."))
    if locked.state not in MATCHABLE_REQUEST_STATES:
        raise Conflict(
            _("Providers can be suggested once a request is accepted."), code="request_not_matchable"
        )
    _check_candidate(locked, candidate)
    is_profile = isinstance(candidate, ProviderProfile)
    organisation = candidate.organisation if is_profile else candidate.primary_organisation  # type: ignore[union-attr]
    duplicate = Match.objects.filter(
        request=locked, **{"profile" if is_profile else "offer": candidate}
    ).exclude(state__in=TERMINAL)
    if duplicate.exists():
        raise Conflict(_("This provider is already suggested for this request."), code="duplicate_match")
    profile = candidate if isinstance(candidate, ProviderProfile) else None
    offer = candidate if isinstance(candidate, Offer) else None
    match = Match.objects.create(
        request=locked,
        profile=profile,
        offer=offer,
        provider_organisation=organisation,
        suggested_by=by,
        note=note.strip(),
        source=source,
        score=score,
        reasons=reasons or {},
    )
    match.steps.create(action="suggest", from_state="", to_state=match.state, by=by)
    if locked.state == RequestState.ACCEPTED:
        transition_request(request=locked, action="start_matching", by=by)
    record_event(
        actor=by,
        action="match.suggest",
        target=match,
        changes={"request": locked.pk, "provider": organisation.pk},
    )
    return match


NOTICES = {
    "contact": gettext_noop("You are proposed as a provider for request “%(title)s”."),
    "express_interest": gettext_noop("A provider is interested in request “%(title)s”."),
    "provider_decline": gettext_noop("A provider declined request “%(title)s”."),
    "requester_accept": gettext_noop("The requester accepted your offer of help for “%(title)s”."),
    "requester_decline": gettext_noop("The requester declined the match for “%(title)s”."),
    "confirm": gettext_noop("The cooperation on “%(title)s” is agreed."),
    "start_project": gettext_noop("The project for “%(title)s” has started."),
    "cancel": gettext_noop("The match for “%(title)s” was cancelled."),
}


def _tell(match: Match, action: str, by: Any) -> None:
    people = requester_side(match.request) | providers_of(match.provider_organisation_id)
    if match.request.officer_id:
        people.add(match.request.officer)
    notify(
        recipients=people,
        exclude=by,
        target=match,
        url=f"/matches/{match.pk}/",
        template=NOTICES[action],
        params={"title": pick_text(match.request.title, language=match.request.original_language).text},
    )


def _check_reason(step_needs_reason: bool, reason_code: str, text: str) -> None:
    if not step_needs_reason:
        return
    if reason_code not in DeclineReason.values:
        message = _("Choose a reason from the list.")
        raise InvalidInput(message, fields={"reason_code": [message]})
    if reason_code == DeclineReason.OTHER and not text.strip():
        message = _("Say what the reason is.")
        raise InvalidInput(message, fields={"reason_text": [message]})


@transaction.atomic
def transition_match(
    *, match: Match, action: str, by: Any, reason_code: str = "", reason_text: str = ""
) -> Match:
    """Move a match along the funnel; declines and cancellations need a reason from the list."""
    locked = (
        Match.objects.select_for_update().select_related("request", "provider_organisation").get(pk=match.pk)
    )
    step = MATCH_WORKFLOW.find(locked.state, action)
    if by is not None and not step.roles & match_roles(by, locked):
        raise PermissionDenied(_("Your roles do not allow this action on this match."))
    _check_reason(step.needs_reason, reason_code, reason_text)
    source, locked.state = locked.state, step.target
    if step.needs_reason:
        locked.decline_reason, locked.decline_text = reason_code, reason_text.strip()
    if step.target == MatchState.AGREED:
        locked.agreed_at = timezone.now()
    locked.version += 1
    locked.save()
    reason = f"{reason_code}: {reason_text.strip()}".strip(": ") if step.needs_reason else ""
    locked.steps.create(action=action, from_state=source, to_state=step.target, by=by, reason=reason)
    record_event(
        actor=by,
        action=f"match.{action}",
        target=locked,
        changes={"state": [source, step.target], "reason": reason},
    )
    if step.target == MatchState.AGREED and locked.request.state == RequestState.MATCHING:
        transition_request(request=locked.request, action="mark_matched", by=None)
    _tell(locked, action, by)
    return locked


def requests_matched_to_providers(user: Any) -> Any:
    """Visibility extension: providers read the confidential requests they were contacted about."""
    from django.db.models import Q

    if user is None or not user.is_authenticated:
        return None
    organisations = list(
        user.role_assignments.active().filter(role="provider").values_list("organisation_id", flat=True)
    )
    if not organisations:
        return None
    contacted = Match.objects.filter(provider_organisation_id__in=organisations).exclude(
        state=MatchState.SUGGESTED
    )
    return Q(pk__in=contacted.values("request_id"))
