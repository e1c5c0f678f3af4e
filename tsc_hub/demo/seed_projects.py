"""Demo cooperation projects, attached to the demo requests whose matches already started a project.

`seed_requests` walks "demo-request-ke-invasives" (now closed) and "demo-request-cn-seeds" (in
implementation) through "start_project" on their match, before projects existed. This module
records the Project those steps imply with `create_project(record_only=True)`, which neither
moves the matches nor the request again, then fills in the plan, funds, outputs and, for the
closed request, the final report and both ratings (closing with `record_only=True` leaves the
already closed request alone).

"demo-request-co-confidential" (proposal, with an agreed match) is left without a project on
purpose: creating it for real would move the request to "in_implementation", and the demo keeps
one request in "proposal" and one agreed match from which a visitor can start a project
(coordination@demo.example.org, "Start a project" at /projects/new/?match=<id>).

Each project is looked up by its request's CHM identifier first, so running this again adds nothing.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from tsc_hub.accounts.models import User
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.matching.states import MatchState
from tsc_hub.organisations.models import Organisation
from tsc_hub.projects.models import Project
from tsc_hub.projects.services import (
    FundingData,
    OutputData,
    PartnerData,
    ProjectData,
    add_indicator,
    add_milestone,
    complete_milestone,
    create_project,
    rate_project,
    record_funding,
    record_output,
    transition_project,
    update_indicator,
    update_project,
)

ORGANISATIONS = Path(__file__).resolve().parent / "data" / "organisations.json"
D = datetime.date

PROJECTS: list[dict[str, Any]] = [
    {
        "request": "demo-request-ke-invasives",
        "helpdesk": "helpdesk.africa@demo.example.org",
        "requester": "focal.ke@demo.example.org",
        "title": {
            "en": "Early warning of water hyacinth on Lake Naivasha",
            "fr": "Alerte précoce sur la jacinthe d'eau du lac Naivasha",
        },
        "summary": {"en": "A mobile reporting app for fishers and monthly maps of hyacinth cover."},
        "dates": (D(2025, 2, 1), D(2025, 11, 30)),
        "milestones": [
            ({"en": "Reporting app piloted with fishers"}, D(2025, 4, 30), True),
            ({"en": "Monthly hyacinth maps published"}, D(2025, 9, 30), True),
        ],
        "indicators": [({"en": "Fishers reporting"}, "people", 0, 40, 40)],
        "funding": [
            ("30000", "GBP", "bilateral", D(2025, 2, 15), "UK bilateral grant letter (demo)"),
            ("12000", "USD", "domestic", D(2025, 3, 1), "Kenya Wildlife Service budget line (demo)"),
        ],
        "outputs": [
            OutputData(
                kind="technology_transfer",
                from_country="gb",
                to_country="ke",
                description={"en": "Mobile reporting app and satellite mapping workflow."},
            ),
            OutputData(kind="training", participants_women=18, participants_men=20, participants_other=2),
        ],
        "final_report": {"en": "40 fishers report sightings; hyacinth cover is mapped every month."},
        "ratings": [("requester", 5, "The maps are used by the county."), ("provider", 4, "")],
        "state": "closed",
    },
    {
        "request": "demo-request-cn-seeds",
        "helpdesk": "helpdesk.asia@demo.example.org",
        "requester": "focal.cn@demo.example.org",
        "title": {"zh": "西南野生植物种子保存合作", "en": "Conserving wild plant seeds of south-west China"},
        "summary": {"en": "Seed collection protocols and a shared seed bank database."},
        "dates": (D(2025, 3, 1), D(2026, 12, 31)),
        "co_funder": "ird",
        "milestones": [
            ({"en": "Collection protocol agreed"}, D(2025, 6, 30), True),
            ({"en": "500 species banked"}, D(2026, 9, 30), False),
        ],
        "indicators": [({"en": "Species banked"}, "species", 120, 500, 310)],
        "funding": [
            ("500000", "CNY", "domestic", D(2025, 3, 10), "Provincial science budget (demo)"),
            ("20000", "EUR", "bilateral", D(2025, 4, 1), "IRD partnership agreement (demo)"),
        ],
        "outputs": [
            OutputData(kind="training", participants_women=9, participants_men=7, participants_other=0)
        ],
        "state": "in_progress",
    },
]


def _person(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _organisation(key: str) -> Organisation | None:
    """A demo organisation by its key in organisations.json (found by its name, as the demo seeds it)."""
    for entry in json.loads(ORGANISATIONS.read_text(encoding="utf-8")):
        if entry["key"] == key:
            language = entry["original_language"]
            lookup = {f"names__{language}": entry["names"][language]}
            return Organisation.objects.filter(country_id=entry["country"], **lookup).first()
    return None


def _create(request: AssistanceRequest, entry: dict[str, Any], helpdesk: User | None) -> Project | None:
    # Only matches that already took "start_project": record_only must not leave an agreed match behind.
    started = request.matches.filter(state=MatchState.PROJECT_STARTED)
    match_ids = list(started.values_list("pk", flat=True))
    if not match_ids:
        return None
    co_funder = _organisation(entry["co_funder"]) if entry.get("co_funder") else None
    start, end = entry["dates"]
    return create_project(
        match_ids=match_ids,
        data=ProjectData(
            title=entry["title"],
            summary=entry["summary"],
            original_language=request.original_language,
            start_date=start,
            end_date=end,
        ),
        partners=[PartnerData(organisation_id=co_funder.pk, role="co_funder")] if co_funder else [],
        by=helpdesk,
        record_only=True,
    )


def _plan(project: Project, entry: dict[str, Any], by: User | None) -> None:
    for title, due, done in entry["milestones"]:
        milestone = add_milestone(project=project, title=title, due_date=due, by=by)
        if done:
            complete_milestone(milestone=milestone, by=by)
    for name, unit, baseline, target, current in entry["indicators"]:
        indicator = add_indicator(
            project=project, name=name, unit=unit, baseline=baseline, target=target, by=by
        )
        update_indicator(indicator=indicator, current_value=current, by=by)
    for amount, currency, source, day, evidence in entry["funding"]:
        data = FundingData(
            amount=Decimal(amount), currency=currency, source=source, date=day, evidence_text=evidence
        )
        record_funding(project=project, data=data, by=by)
    for output in entry["outputs"]:
        record_output(project=project, data=output, by=by)


def _finish(project: Project, entry: dict[str, Any], helpdesk: User | None, requester: User | None) -> None:
    """Walk the project to its demo state; the provider side rates as the system (no demo person)."""
    project = transition_project(project=project, action="start", by=helpdesk)
    if entry["state"] == "in_progress":
        return
    project = transition_project(project=project, action="complete", by=requester)
    data = ProjectData(
        title=project.title,
        summary=project.summary,
        original_language=project.original_language,
        start_date=project.start_date,
        end_date=project.end_date,
        final_report=entry["final_report"],
    )
    project = update_project(project=project, data=data, expected_version=project.version, by=requester)
    for side, score, comment in entry["ratings"]:
        rate_project(
            project=project,
            side=side,
            score=score,
            comment=comment,
            by=requester if side == "requester" else None,
        )
    transition_project(project=project, action="close", by=helpdesk, record_only=True)


@transaction.atomic
def seed_projects() -> int:
    """Create the demo projects that do not exist yet (keyed by their request's CHM identifier)."""
    created = 0
    for entry in PROJECTS:
        if Project.objects.filter(request__chm_identifier=entry["request"]).exists():
            continue
        request = AssistanceRequest.objects.filter(chm_identifier=entry["request"]).first()
        if request is None:
            continue
        helpdesk, requester = _person(entry["helpdesk"]), _person(entry["requester"])
        project = _create(request, entry, helpdesk)
        if project is None:
            continue
        _plan(project, entry, requester)
        _finish(project, entry, helpdesk, requester)
        created += 1
    return created
