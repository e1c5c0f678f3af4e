"""Scenario comparison: a call's shortlist turned into a centres.selection problem and solved for several
minimum numbers of centres (SBI/4/7 compared 13, 15 and 19), side by side.

A read, not a write: nothing is stored (services.selections.record_selection stores a chosen scenario).
Each scenario is solved on its own; an infeasible one carries its message instead of a selection.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from tsc_hub.centres.models import Subregion
from tsc_hub.centres.selection import Candidate, SelectionError, SelectionProblem, select_centres
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.geography.models import Party
from tsc_hub.hosting.models import Application, Call
from tsc_hub.hosting.workflow import A_SHORTLISTED

DEFAULT_KS = (13, 15, 19)
MAX_SCENARIOS = 6


def candidate_id(application: Application) -> str:
    """Zero-padded so the optimiser's id-order tie-break is the applications' order."""
    return f"{application.pk:09d}"


@dataclass
class SubregionRow:
    """Who a scenario chooses in one subregion."""

    subregion: Subregion
    chosen: list[Application]
    candidates: int


@dataclass
class Scenario:
    """One scenario's outcome: a selection with its measures, or the reason there is none."""

    min_centres: int
    error: str = ""
    chosen: list[Application] = field(default_factory=list)
    covered: int = 0
    uncovered: list[Party] = field(default_factory=list)
    overlap: int = 0
    mean_score: float = 0.0
    rows: list[SubregionRow] = field(default_factory=list)

    @property
    def feasible(self) -> bool:
        return not self.error


def shortlist(call: Call) -> list[Application]:
    """The shortlisted applications of a call, per subregion by rank."""
    return list(
        Application.objects.filter(call=call, state=A_SHORTLISTED)
        .select_related("organisation", "subregion")
        .prefetch_related("parties_served")
        .order_by("subregion__code", "rank", "pk")
    )


def build_problem(call: Call, applications: list[Application]) -> SelectionProblem:
    """All Parties, the network's subregions, and the shortlisted applications as candidates."""
    subregions = {
        s.code: tuple(sorted(p.pk for p in s.members.all()))
        for s in Subregion.objects.prefetch_related("members")
    }
    candidates = tuple(
        Candidate(
            id=candidate_id(a),
            subregion=a.subregion.code if a.subregion else "",
            score=float(a.phase2_score or 0),
            serves=frozenset(p.pk for p in a.parties_served.all()),
        )
        for a in applications
        if a.subregion_id is not None
    )
    parties = tuple(Party.objects.order_by("code").values_list("code", flat=True))
    return SelectionProblem(parties=parties, subregions=subregions, candidates=candidates)


def check_options(ks: list[int], max_per_subregion: int, min_score: float) -> None:
    errors: dict[str, list[str]] = {}
    if not ks or len(ks) > MAX_SCENARIOS or any(k < 1 or k > 200 for k in ks):
        errors["ks"] = [_("Give one to six numbers of centres, each between 1 and 200.")]
    if max_per_subregion < 1:
        errors["max_per_subregion"] = [_("At least 1.")]
    if not math.isfinite(min_score):
        errors["min_score"] = [_("A number.")]
    if errors:
        raise InvalidInput(_("The scenario options are not valid."), fields=errors)


def solve(
    call: Call, k: int, max_per_subregion: int, min_score: float, applications: list[Application]
) -> Scenario:
    """One scenario: the optimiser's selection for at least `k` centres, or its error message."""
    problem = build_problem(call, applications)
    try:
        selection = select_centres(
            problem, min_centres=k, max_per_subregion=max_per_subregion, min_score=min_score
        )
    except SelectionError as error:
        return Scenario(min_centres=k, error=str(error.message))
    by_id = {candidate_id(a): a for a in applications}
    chosen = [by_id[i] for i in selection.selected]
    parties = {p.pk: p for p in Party.objects.filter(code__in=selection.uncovered)}
    rows = []
    for subregion in Subregion.objects.order_by("code"):
        members = [a for a in applications if a.subregion_id == subregion.pk]
        rows.append(
            SubregionRow(subregion, [a for a in chosen if a.subregion_id == subregion.pk], len(members))
        )
    return Scenario(
        min_centres=k,
        chosen=chosen,
        covered=selection.covered,
        uncovered=[parties[code] for code in selection.uncovered],
        overlap=selection.overlap,
        mean_score=selection.total_score / len(chosen) if chosen else 0.0,
        rows=rows,
    )


def compare_scenarios(
    *, call: Call, ks: list[int], max_per_subregion: int = 1, min_score: float = 0.0
) -> list[Scenario]:
    """Each requested minimum number of centres solved on the call's shortlist, in the order asked."""
    check_options(ks, max_per_subregion, min_score)
    applications = shortlist(call)
    return [solve(call, k, max_per_subregion, min_score, applications) for k in ks]


def scenario_summary(scenario: Scenario) -> dict[str, Any]:
    """A scenario as JSON (the API's answer)."""
    return {
        "min_centres": scenario.min_centres,
        "feasible": scenario.feasible,
        "error": scenario.error,
        "selected": [a.pk for a in scenario.chosen],
        "covered": scenario.covered,
        "uncovered": [p.pk for p in scenario.uncovered],
        "overlap": scenario.overlap,
        "mean_score": round(scenario.mean_score, 2),
        "by_subregion": {row.subregion.code: [a.pk for a in row.chosen] for row in scenario.rows},
    }
