"""The evaluation report of a closed phase: every application's aggregated scores, and every reviewer's scores
with their reasons (HTML page and PDF). For coordination staff, once the phase has closed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tsc_hub.core.exceptions import Conflict, PermissionDenied
from tsc_hub.core.languages import RTL_LANGUAGES, content_language
from tsc_hub.hosting.models import Application, Call, Criterion, PhaseResult, ReviewAssignment, Score
from tsc_hub.hosting.permissions import READ_REPORT
from tsc_hub.hosting.workflow import PHASE_CLOSED_IN


@dataclass
class ReviewerBlock:
    """One reviewer's scores of one application (or their declared conflict)."""

    assignment: ReviewAssignment
    scores: list[Score] = field(default_factory=list)


@dataclass
class ApplicationBlock:
    """One application in the report."""

    application: Application
    score: Any
    results: list[tuple[Criterion, Any]]
    reviewers: list[ReviewerBlock]


def check_report_access(call: Call, phase: int, user: Any) -> None:
    """PermissionDenied for anyone but coordination; Conflict while the phase is still open."""
    if not user.has_perm(READ_REPORT):
        raise PermissionDenied(_("Only coordination staff read evaluation reports."))
    if phase not in PHASE_CLOSED_IN or call.state not in PHASE_CLOSED_IN[phase]:
        raise Conflict(_("The report of a phase is available once the phase has closed."), code="phase_open")


def build_report(call: Call, phase: int) -> dict[str, Any]:
    """Everything the report shows, in a few queries."""
    criteria = list(Criterion.objects.filter(phase__framework=call.framework_id, phase__number=phase))
    applications = list(
        Application.objects.filter(call=call, **{f"phase{phase}_score__isnull": False})
        .select_related("organisation", "subregion")
        .order_by("subregion__code", f"-phase{phase}_score", "pk")
    )
    results: dict[int, dict[int, Any]] = defaultdict(dict)
    for result in PhaseResult.objects.filter(application__in=applications, criterion__in=criteria):
        results[result.application_id][result.criterion_id] = result.value
    scores: dict[int, list[Score]] = defaultdict(list)
    for score in Score.objects.filter(
        criterion__in=criteria, assignment__application__in=applications
    ).order_by("criterion__position"):
        scores[score.assignment_id].append(score)
    assignments: dict[int, list[ReviewAssignment]] = defaultdict(list)
    for assignment in ReviewAssignment.objects.filter(application__in=applications).select_related(
        "reviewer"
    ):
        assignments[assignment.application_id].append(assignment)
    blocks = [
        ApplicationBlock(
            application=a,
            score=a.score_for(phase),
            results=[(c, results[a.pk].get(c.pk)) for c in criteria],
            reviewers=[ReviewerBlock(r, scores[r.pk]) for r in assignments[a.pk]],
        )
        for a in applications
    ]
    phase_row = call.framework.phases.get(number=phase)
    return {
        "call": call,
        "phase": phase_row,
        "criteria": criteria,
        "blocks": blocks,
        "framework": call.framework,
        "aggregation": call.aggregation_for(phase),
    }


def render_pdf(call: Call, phase: int) -> bytes:
    """The report as PDF, in the active language."""
    from weasyprint import HTML

    language = content_language()
    context = {**build_report(call, phase), "rtl": language in RTL_LANGUAGES, "lang": language}
    html = render_to_string("hosting/report_document.html", context)
    with translation.override(translation.get_language()):
        return bytes(HTML(string=html).write_pdf())
