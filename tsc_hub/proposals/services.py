"""Assembling and editing proposals; who may do it is decided by their roles for the request."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.states import RequestState
from tsc_hub.core.audit import diff_fields, record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.languages import UN_LANGUAGES, pick_text
from tsc_hub.matching.models import Match
from tsc_hub.matching.services import match_roles
from tsc_hub.matching.states import SUCCESSFUL
from tsc_hub.proposals.models import Proposal

WORKING_STATES = frozenset(
    {RequestState.MATCHED, RequestState.PROPOSAL, RequestState.IN_IMPLEMENTATION, RequestState.COMPLETED}
)
CURRENCY = re.compile(r"^[A-Z]{3}$")


def agreed_match(request: AssistanceRequest) -> Match | None:
    """The match both sides agreed on (the first, when several)."""
    return (
        request.matches.filter(state__in=SUCCESSFUL)
        .select_related("provider_organisation")
        .order_by("agreed_at")
        .first()
    )


def may_edit(user: Any, request: AssistanceRequest) -> bool:
    """The request's side, its help desk and the agreed provider may work on the proposal."""
    if user is None:
        return True
    roles = roles_held_for(user, request) - {"provider"}
    if roles & {
        "national_focal_point",
        "institution_member",
        "helpdesk_officer",
        "coordination_staff",
        "platform_admin",
    }:
        return True
    match = agreed_match(request)
    return match is not None and "provider" in match_roles(user, match)


def _partners(request: AssistanceRequest, match: Match | None) -> list[dict[str, str]]:
    partners = [{"name": str(request.organisation), "country": request.country_id, "role": "requester"}]
    if match is not None:
        organisation = match.provider_organisation
        partners.append({"name": str(organisation), "country": organisation.country_id, "role": "provider"})
    return partners


@transaction.atomic
def assemble_proposal(*, request: AssistanceRequest, by: Any) -> Proposal:
    """Start the proposal from the request and its matched provider (only once; later, edit it)."""
    if not may_edit(by, request):
        raise PermissionDenied(_("You may not work on this proposal."))
    if request.state not in WORKING_STATES:
        raise Conflict(_("A proposal is drafted once a provider is matched."), code="not_matched")
    if Proposal.objects.filter(request=request).exists():
        raise Conflict(_("This request already has a proposal."), code="proposal_exists")
    language = request.original_language
    match = agreed_match(request)
    targets = [
        f"{t.notation} {pick_text(t.short_labels or t.labels, language=language).text}"
        for t in request.gbf_targets.all()
    ]
    proposal = Proposal.objects.create(
        request=request,
        match=match,
        language=language,
        updated_by=by,
        title=pick_text(request.title, language=language).text,
        problem=pick_text(request.problem, language=language).text,
        objectives=pick_text(request.objectives, language=language).text,
        partners=_partners(request, match),
        activities=[
            {"title": pick_text(t.labels, language=language).text, "milestone": ""}
            for t in request.assistance_types.all()
        ],
        indicators=[{"name": target, "target": ""} for target in targets],
        budget=[],
    )
    record_event(actor=by, action="assemble_proposal", target=proposal, changes={"request": request.pk})
    return proposal


@dataclass
class ProposalData:
    """Editable parts of a proposal."""

    language: str
    title: str
    problem: str
    objectives: str
    partners: list[dict[str, str]]
    activities: list[dict[str, str]]
    indicators: list[dict[str, str]]
    budget: list[dict[str, str]]


def _check(data: ProposalData) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    if data.language not in UN_LANGUAGES:
        problems.setdefault("language", []).append(_("Choose one of the six UN languages."))
    for name in ("title", "problem"):
        if not getattr(data, name).strip():
            problems.setdefault(name, []).append(_("This field is required."))
    for number, activity in enumerate(data.activities, start=1):
        if not str(activity.get("title", "")).strip():
            problems.setdefault("activities", []).append(_("Activity %(n)s has no title.") % {"n": number})
        if activity.get("milestone"):
            try:
                datetime.date.fromisoformat(str(activity["milestone"]))
            except ValueError:
                problems.setdefault("activities", []).append(
                    _("Activity %(n)s: the date must be YYYY-MM-DD.") % {"n": number}
                )
    for number, line in enumerate(data.budget, start=1):
        try:
            valid = Decimal(str(line.get("amount", ""))) >= 0
        except InvalidOperation:
            valid = False
        if not valid or not CURRENCY.match(str(line.get("currency", ""))):
            problems.setdefault("budget", []).append(
                _("Budget line %(n)s needs an amount of zero or more and a three-letter currency.")
                % {"n": number}
            )
    return problems


@transaction.atomic
def update_proposal(*, proposal: Proposal, data: ProposalData, expected_version: int, by: Any) -> Proposal:
    """Change the proposal; a stale version is refused (409) so no one loses another's changes."""
    locked = Proposal.objects.select_for_update().select_related("request").get(pk=proposal.pk)
    if not may_edit(by, locked.request):
        raise PermissionDenied(_("You may not work on this proposal."))
    if locked.version != expected_version:
        raise Conflict(
            _(
                "Someone else changed this proposal while you were editing it. "
                "Reload it and apply your changes again."
            ),
            code="version_conflict",
        )
    problems = _check(data)
    if problems:
        raise InvalidInput(_("The proposal could not be saved; check the fields marked."), fields=problems)
    before = {name: getattr(locked, name) for name in data.__dataclass_fields__}
    for name in data.__dataclass_fields__:
        setattr(locked, name, getattr(data, name))
    locked.version += 1
    locked.updated_by = by
    locked.save()
    record_event(
        actor=by,
        action="update_proposal",
        target=locked,
        changes=diff_fields(before, {name: getattr(locked, name) for name in data.__dataclass_fields__}),
    )
    return locked
