"""Starting a project from agreed matches, editing it and its partners."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.states import RequestState
from tsc_hub.core.audit import diff_fields, record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.geography.models import Party
from tsc_hub.matching.models import Match
from tsc_hub.matching.services import transition_match
from tsc_hub.matching.states import MatchState
from tsc_hub.organisations.models import Organisation
from tsc_hub.projects.cooperation import cooperation_type
from tsc_hub.projects.models import Project, ProjectPartner
from tsc_hub.projects.services.access import Problems, check_version, lock, require, require_open, text
from tsc_hub.projects.services.notices import tell
from tsc_hub.projects.states import PartnerRole, ProjectState
from tsc_hub.projects.workflow import PARTICIPANTS, STAFF

READY_REQUEST_STATES = frozenset(
    {RequestState.MATCHED, RequestState.PROPOSAL, RequestState.IN_IMPLEMENTATION}
)


@dataclass
class ProjectData:
    """The editable texts and dates of a project (multilingual texts keyed by UN language)."""

    title: dict[str, str]
    summary: dict[str, str] = field(default_factory=dict)
    original_language: str = "en"
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    final_report: dict[str, str] = field(default_factory=dict)


@dataclass
class PartnerData:
    """An organisation in a role; `party` defaults to the organisation's country."""

    organisation_id: int
    role: str
    party: str | None = None


def _checked_values(data: ProjectData) -> dict[str, Any]:
    problems = Problems()
    values = {
        "title": text(problems, "title", data.title, required=True),
        "summary": text(problems, "summary", data.summary),
        "final_report": text(problems, "final_report", data.final_report),
        "original_language": data.original_language,
        "start_date": data.start_date,
        "end_date": data.end_date,
    }
    if data.original_language not in UN_LANGUAGES:
        problems.add("original_language", _("Choose one of the six UN languages."))
    if data.start_date and data.end_date and data.end_date < data.start_date:
        problems.add("end_date", _("The end date cannot be before the start date."))
    problems.raise_if_any(_("The project could not be saved; check the fields marked."))
    return values


def _resolve_partners(partners: Sequence[PartnerData]) -> list[ProjectPartner]:
    """Unsaved partner rows, or InvalidInput naming every unknown organisation, Party or role."""
    problems = Problems()
    organisations = Organisation.objects.in_bulk([p.organisation_id for p in partners])
    parties = Party.objects.in_bulk([p.party.lower() for p in partners if p.party])
    rows: dict[tuple[int, str], ProjectPartner] = {}
    for index, partner in enumerate(partners):
        organisation = organisations.get(partner.organisation_id)
        party = parties.get(partner.party.lower()) if partner.party else None
        if organisation is None:
            problems.add(f"partners.{index}.organisation_id", _("No such organisation."))
        if partner.party and party is None:
            problems.add(f"partners.{index}.party", _("Choose a Party to the Convention."))
        if partner.role not in PartnerRole.values:
            problems.add(f"partners.{index}.role", _("Choose a role from the list."))
        if organisation is not None and partner.role in PartnerRole.values:
            rows[(organisation.pk, partner.role)] = ProjectPartner(
                organisation=organisation,
                party_id=party.pk if party else organisation.country_id,
                role=partner.role,
            )
    problems.raise_if_any(_("Some partners are not valid."))
    return list(rows.values())


def _save_partners(project: Project, rows: list[ProjectPartner]) -> None:
    roles = {row.role for row in rows}
    if PartnerRole.REQUESTER not in roles or PartnerRole.PROVIDER not in roles:
        message = _("A project needs at least one requester and one provider.")
        raise InvalidInput(message, fields={"partners": [message]})
    project.partners.all().delete()
    for row in rows:
        row.project = project
    ProjectPartner.objects.bulk_create(rows)
    project.cooperation_type = cooperation_type((row.role, row.party_id) for row in rows)


def _agreed_matches(match_ids: Sequence[int], record_only: bool) -> list[Match]:
    matches = list(Match.objects.select_for_update().filter(pk__in=set(match_ids)).order_by("pk"))
    if not matches or len(matches) != len(set(match_ids)):
        message = _("Choose one or more agreed matches.")
        raise InvalidInput(message, fields={"match_ids": [message]})
    if len({m.request_id for m in matches}) != 1:
        message = _("All the matches of a project must be about the same request.")
        raise InvalidInput(message, fields={"match_ids": [message]})
    accepted = {MatchState.AGREED, MatchState.PROJECT_STARTED} if record_only else {MatchState.AGREED}
    if any(m.state not in accepted for m in matches):
        raise Conflict(_("A project starts only from agreed matches."), code="match_not_agreed")
    if Project.objects.filter(matches__in=matches).exists():
        raise Conflict(_("One of these matches already has a project."), code="match_in_project")
    return matches


def _start_cooperation(request: AssistanceRequest, matches: list[Match], by: Any) -> None:
    """Move the matches to "project_started" and the request to "in_implementation" (their services)."""
    for match in matches:
        transition_match(match=match, action="start_project", by=by)
    if request.state == RequestState.MATCHED:
        request = transition_request(request=request, action="start_proposal", by=by)
    if request.state == RequestState.PROPOSAL:
        transition_request(request=request, action="start_implementation", by=by)


def _initial_partners(
    request: AssistanceRequest, matches: list[Match], partners: Sequence[PartnerData]
) -> list[ProjectPartner]:
    """The requesting organisation, each match's provider, then the partners given (each once per role)."""
    rows = [ProjectPartner(organisation=request.organisation, party_id=request.country_id, role="requester")]
    for match in matches:
        provider = match.provider_organisation
        rows.append(ProjectPartner(organisation=provider, party_id=provider.country_id, role="provider"))
    rows += _resolve_partners(partners)
    return list({(row.organisation.pk, row.role): row for row in rows}.values())


@transaction.atomic
def create_project(
    *,
    match_ids: Sequence[int],
    data: ProjectData,
    by: Any,
    partners: Sequence[PartnerData] = (),
    record_only: bool = False,
) -> Project:
    """The help desk of the request starts a project from agreed matches of that request.

    The requesting organisation becomes the requester partner and each match's provider a provider
    partner; `partners` adds co-funders and others. The matches move to "project_started" and the
    request to "in_implementation" through their own services. `record_only=True` (imports, demo
    data) skips those moves because they were already taken: it accepts matches already in
    "project_started" and requests in any state, and only records the project.
    """
    matches = _agreed_matches(match_ids, record_only)
    request = AssistanceRequest.objects.select_for_update().get(pk=matches[0].request_id)
    if by is not None and not roles_held_for(by, request) & STAFF:
        raise PermissionDenied(_("Only the help desk of the request starts its projects."))
    if not record_only and request.state not in READY_REQUEST_STATES:
        raise Conflict(_("This request is not ready for a project."), code="request_not_ready")
    values = _checked_values(data)
    rows = _initial_partners(request, matches, partners)
    project = Project.objects.create(request=request, created_by=by, **values)
    project.matches.set(matches)
    _save_partners(project, rows)
    project.save(update_fields=["cooperation_type"])
    project.transitions.create(action="create", from_state="", to_state=ProjectState.PLANNING, by=by)
    record_event(
        actor=by,
        action="project.create",
        target=project,
        changes={"request": request.pk, "matches": [m.pk for m in matches], "record_only": record_only},
    )
    if not record_only:
        _start_cooperation(request, matches, by)
    tell(project, "create", by)
    return project


def _snapshot(project: Project) -> dict[str, Any]:
    fields = ("title", "summary", "final_report", "original_language", "start_date", "end_date")
    return {name: getattr(project, name) for name in fields}


@transaction.atomic
def update_project(*, project: Project, data: ProjectData, expected_version: int, by: Any) -> Project:
    """The help desk or either side changes the texts, dates or final report of an open project."""
    locked = lock(project)
    require(by, locked, PARTICIPANTS, _("You may not change this project."))
    require_open(locked)
    check_version(locked, expected_version)
    values = _checked_values(data)
    before = _snapshot(locked)
    for name, value in values.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.save()
    record_event(
        actor=by, action="project.update", target=locked, changes=diff_fields(before, _snapshot(locked))
    )
    return locked


@transaction.atomic
def set_partners(
    *, project: Project, partners: Sequence[PartnerData], expected_version: int, by: Any
) -> Project:
    """The help desk replaces the partners of an open project; the cooperation type follows them."""
    locked = lock(project)
    require(by, locked, STAFF, _("Only the help desk changes the partners of a project."))
    require_open(locked)
    check_version(locked, expected_version)
    before = sorted((p.organisation_id, p.party_id, p.role) for p in locked.partners.all())
    _save_partners(locked, _resolve_partners(partners))
    locked.version += 1
    locked.save()
    after = sorted((p.organisation_id, p.party_id, p.role) for p in locked.partners.all())
    record_event(
        actor=by, action="project.set_partners", target=locked, changes={"partners": [before, after]}
    )
    return locked
