"""Demo requests for assistance in every state, in six languages, moved along by the demo people,
with matches at every step of the funnel."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tsc_hub.accounts.models import User
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services import (
    RequestData,
    create_request,
    record_consent,
    record_outcome,
    transition_request,
)
from tsc_hub.matching.models import Match
from tsc_hub.matching.services import suggest_match, transition_match
from tsc_hub.matching.states import MatchState
from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.organisations.models import Organisation

DATA = Path(__file__).resolve().parent / "data" / "requests.json"
FUNNEL = ("contact", "express_interest", "requester_accept", "confirm")
DECLINE_AFTER = {"provider_decline": "contact", "requester_decline": "express_interest"}


def _person(email: str) -> User:
    return User.objects.get(email=email)


def _data(entry: dict[str, Any], organisation: Organisation) -> RequestData:
    author = _person(entry["by"])
    return RequestData(
        country=organisation.country_id,
        organisation_id=organisation.pk,
        contact_name=author.display_name,
        contact_email=author.email,
        title=entry["title"],
        problem=entry["problem"],
        objectives=entry.get("objectives", {}),
        addressed_priorities=entry["priorities"],
        national_priority_reference=entry["reference"],
        assistance_types=entry["types"],
        gbf_targets=entry["targets"],
        cbd_subjects=entry["subjects"],
        urgency=entry.get("urgency", "normal"),
        visibility=entry.get("visibility", "public"),
        working_languages=sorted({entry["language"], "en"}),
        original_language=entry["language"],
        involves_traditional_knowledge=entry.get("traditional_knowledge", False),
    )


def _candidate(identifier: str) -> ProviderProfile | Offer:
    profile = ProviderProfile.objects.filter(chm_identifier=identifier).first()
    return profile if profile is not None else Offer.objects.get(chm_identifier=identifier)


def _run_funnel(request: AssistanceRequest, candidate: str, until: str, by: User, reason: str = "") -> Match:
    """Suggest a candidate and take the match through the funnel as far as `until` (the system answers
    for the provider side, which has no demo person for every organisation)."""
    match = suggest_match(request=request, candidate=_candidate(candidate), by=by)
    last = DECLINE_AFTER.get(until, until)
    for action in FUNNEL if until != "suggest" else ():
        match = transition_match(match=match, action=action, by=by if action == "contact" else None)
        if action == last:
            break
    if until in DECLINE_AFTER:
        match = transition_match(match=match, action=until, by=None, reason_code=reason)
    return match


def _walk(request: AssistanceRequest, entry: dict[str, Any]) -> AssistanceRequest:
    for email, action, *extra in entry["steps"]:
        person = _person(email)
        if action == "agree_match":
            _run_funnel(request, extra[0], "confirm", person)
        elif action == "start_project_match":
            agreed = request.matches.get(state=MatchState.AGREED)
            transition_match(match=agreed, action="start_project", by=person)
        else:
            if action == "start_matching" and request.needs_consent:
                record_consent(request=request, reference="Community consent protocol (demo)", by=person)
            transition_request(request=request, action=action, by=person, reason=extra[0] if extra else "")
        request = AssistanceRequest.objects.get(pk=request.pk)
    return request


def _finish(request: AssistanceRequest, entry: dict[str, Any]) -> None:
    for step in entry.get("funnel", []):
        _run_funnel(
            request,
            step["candidate"],
            step["until"],
            _person("coordination@demo.example.org"),
            step.get("reason", ""),
        )
    if entry.get("outcome"):
        record_outcome(request=request, outcome=entry["outcome"], feedback={}, by=_person(entry["by"]))
        transition_request(request=request, action="close", by=_person(entry["close"]))


def seed_requests(*, organisations: dict[str, Organisation]) -> int:
    """Create the demo requests that do not exist yet (keyed by their CHM identifier); returns how many."""
    created = 0
    for entry in json.loads(DATA.read_text(encoding="utf-8")):
        if AssistanceRequest.objects.filter(chm_identifier=entry["key"]).exists():
            continue
        organisation = organisations[entry["organisation"]]
        request = create_request(
            data=_data(entry, organisation), by=_person(entry["by"]), chm_identifier=entry["key"]
        )
        _finish(_walk(request, entry), entry)
        created += 1
    return created
