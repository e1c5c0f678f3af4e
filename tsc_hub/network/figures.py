"""The figures of a centre's year, read from the live records of the lower apps.

A centre's requests are the requests routed to it (`AssistanceRequest.centre`). Each figure counts events
dated in the year:

- requests_received: the centre's requests submitted in the year (a "submit" step);
- requests_accepted / requests_declined: the centre's requests accepted / declined in the year;
- parties_supported: the requesting Parties of the centre's requests accepted in the year or whose project
  started in the year (indicator (f)), with their codes in `parties`;
- matches_made: matches suggested for the centre's requests in the year;
- successful_matchmakings: those matches agreed in the year (`agreed_at`, indicator (j));
- projects_started / projects_closed: projects of the centre's requests started / closed in the year;
- trainings, participants_women/men/other/total: training outputs recorded in the year on those projects;
- funds_mobilised_usd: funding records dated in the year on those projects, in US dollars (indicator (h));
- tools_given / tools_received: tools and technical resources exchanged with other centres in the year
  (indicator (g)): exchanges recorded in the network app plus tool outputs of projects, each counted once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum

from tsc_hub.assistance.models import AssistanceRequest, RequestTransition
from tsc_hub.matching.models import Match
from tsc_hub.network.models import ToolExchange
from tsc_hub.projects.models import FundingRecord, Project, ProjectOutput, ProjectTransition
from tsc_hub.projects.states import OutputKind

FIGURE_KEYS = (
    "requests_received",
    "requests_accepted",
    "requests_declined",
    "parties_supported",
    "matches_made",
    "successful_matchmakings",
    "projects_started",
    "projects_closed",
    "trainings",
    "participants_women",
    "participants_men",
    "participants_other",
    "participants_total",
    "funds_mobilised_usd",
    "tools_given",
    "tools_received",
)


def _requests_with_step(centre_id: int, year: int, action: str) -> Any:
    steps = RequestTransition.objects.filter(action=action, at__year=year, request__centre_id=centre_id)
    return AssistanceRequest.objects.filter(pk__in=steps.values("request_id"))


def _projects(centre_id: int) -> Any:
    return Project.objects.filter(request__centre_id=centre_id)


def _projects_with_step(centre_id: int, year: int, action: str) -> Any:
    steps = ProjectTransition.objects.filter(
        action=action, at__year=year, project__request__centre_id=centre_id
    )
    return _projects(centre_id).filter(pk__in=steps.values("project_id"))


def _tools(centre_id: int, year: int) -> tuple[int, int]:
    """(given, received): network exchanges, plus project tool outputs not already linked to one."""
    exchanges = ToolExchange.objects.in_year(year)
    outputs = ProjectOutput.objects.filter(
        kind=OutputKind.TOOL_EXCHANGED, created_at__year=year, network_exchange__isnull=True
    )
    given = (
        exchanges.filter(from_centre_id=centre_id).count() + outputs.filter(from_centre_id=centre_id).count()
    )
    received = (
        exchanges.filter(to_centre_id=centre_id).count() + outputs.filter(to_centre_id=centre_id).count()
    )
    return given, received


def _trainings(centre_id: int, year: int) -> dict[str, int]:
    rows = ProjectOutput.objects.filter(
        kind=OutputKind.TRAINING, created_at__year=year, project__request__centre_id=centre_id
    ).aggregate(
        trainings=Count("pk"),
        women=Sum("participants_women"),
        men=Sum("participants_men"),
        other=Sum("participants_other"),
    )
    women, men, other = (int(rows[key] or 0) for key in ("women", "men", "other"))
    return {
        "trainings": int(rows["trainings"] or 0),
        "participants_women": women,
        "participants_men": men,
        "participants_other": other,
        "participants_total": women + men + other,
    }


def centre_figures(centre_id: int, year: int) -> dict[str, Any]:
    """Every figure of the centre's year (see the module docstring), JSON-ready."""
    accepted = _requests_with_step(centre_id, year, "accept")
    started = _projects_with_step(centre_id, year, "start")
    parties = set(accepted.values_list("country_id", flat=True)) | set(
        started.values_list("request__country_id", flat=True)
    )
    matches = Match.objects.filter(request__centre_id=centre_id)
    funds = FundingRecord.objects.filter(project__in=_projects(centre_id), date__year=year).aggregate(
        total=Sum("amount_usd")
    )["total"] or Decimal(0)
    given, received = _tools(centre_id, year)
    return {
        "year": year,
        "requests_received": _requests_with_step(centre_id, year, "submit").count(),
        "requests_accepted": accepted.count(),
        "requests_declined": _requests_with_step(centre_id, year, "decline").count(),
        "parties_supported": len(parties),
        "parties": sorted(parties),
        "matches_made": matches.filter(created_at__year=year).count(),
        "successful_matchmakings": matches.successful().filter(agreed_at__year=year).count(),
        "projects_started": started.count(),
        "projects_closed": _projects_with_step(centre_id, year, "close").count(),
        **_trainings(centre_id, year),
        "funds_mobilised_usd": str(funds.quantize(Decimal("0.01"))),
        "tools_given": given,
        "tools_received": received,
    }


def network_tools_exchanged(year: int | None = None) -> int:
    """Indicator (g) for the whole network: exchanges recorded here plus unlinked project tool outputs."""
    exchanges = ToolExchange.objects.all()
    outputs = ProjectOutput.objects.filter(kind=OutputKind.TOOL_EXCHANGED, network_exchange__isnull=True)
    if year is not None:
        exchanges, outputs = exchanges.in_year(year), outputs.filter(created_at__year=year)
    return int(exchanges.count() + outputs.count())


__all__ = ["FIGURE_KEYS", "centre_figures", "network_tools_exchanged"]
