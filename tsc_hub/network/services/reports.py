"""Writes of annual reports: pre-fill from live figures, refresh them, write the narrative, move along."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput
from tsc_hub.network.figures import centre_figures
from tsc_hub.network.models import AnnualReport, ReportStep
from tsc_hub.network.services.common import Problems, language, require_centre_staff, step, text
from tsc_hub.network.states import ReportState
from tsc_hub.network.workflow import REPORT_EDITABLE, REPORT_WORKFLOW


def _not_yours() -> str:
    return _("Only the centre's own staff write its annual report.")


def _check_year(year: Any) -> int:
    try:
        value = int(year)
    except (TypeError, ValueError):
        value = 0
    if not 2000 <= value <= timezone.now().year:
        message = _("Choose a year that has begun.")
        raise InvalidInput(message, fields={"year": [message]})
    return value


@transaction.atomic
def prefill_annual_report(
    *,
    centre: SupportCentre,
    year: Any,
    by: Any,
    narrative: dict[str, str] | None = None,
    original_language: str = "en",
) -> AnnualReport:
    """Start a centre's report for a year, as a draft, with the year's figures as of now (a snapshot)."""
    require_centre_staff(by, centre.pk, _not_yours())
    value = _check_year(year)
    problems = Problems()
    cleaned = text(problems, "narrative", narrative or {})
    language(problems, original_language)
    problems.raise_if_any(_("The report could not be saved; check the fields marked."))
    if AnnualReport.objects.filter(centre=centre, year=value).exists():
        raise Conflict(_("This centre already has a report for that year."), code="report_exists")
    report = AnnualReport.objects.create(
        centre=centre,
        year=value,
        figures=centre_figures(centre.pk, value),
        figures_at=timezone.now(),
        narrative=cleaned,
        original_language=original_language,
        created_by=by,
    )
    ReportStep.objects.create(report=report, action="create", to_state=report.state, by=by)
    record_event(actor=by, action="network.prefill_annual_report", target=report, changes=report.figures)
    return report


def _editable(report: AnnualReport, by: Any) -> AnnualReport:
    current = AnnualReport.objects.select_for_update().get(pk=report.pk)
    require_centre_staff(by, current.centre_id, _not_yours())
    if current.state not in REPORT_EDITABLE:
        raise Conflict(
            _("The report is with the coordination entity or published; it can no longer be changed."),
            code="record_closed",
        )
    return current


@transaction.atomic
def refresh_report_figures(*, report: AnnualReport, by: Any) -> AnnualReport:
    """Take the figures again from the live records (while the centre holds the report)."""
    current = _editable(report, by)
    before = current.figures
    current.figures = centre_figures(current.centre_id, current.year)
    current.figures_at = timezone.now()
    current.save(update_fields=["figures", "figures_at", "updated_at"])
    changes = {
        key: [before.get(key), value] for key, value in current.figures.items() if before.get(key) != value
    }
    record_event(actor=by, action="network.refresh_report_figures", target=current, changes=changes)
    return current


@transaction.atomic
def update_report_narrative(
    *, report: AnnualReport, narrative: dict[str, str], by: Any, original_language: str | None = None
) -> AnnualReport:
    """Change the narrative (texts per language) of a report the centre holds."""
    current = _editable(report, by)
    problems = Problems()
    cleaned = text(problems, "narrative", narrative)
    if original_language is not None:
        current.original_language = language(problems, original_language)
    problems.raise_if_any(_("The report could not be saved; check the fields marked."))
    before = current.narrative
    current.narrative = cleaned
    current.save(update_fields=["narrative", "original_language", "updated_at"])
    record_event(
        actor=by,
        action="network.update_report_narrative",
        target=current,
        changes={"narrative": [before, cleaned]},
    )
    return current


@transaction.atomic
def transition_report(*, report: AnnualReport, action: str, by: Any, reason: str = "") -> AnnualReport:
    """Submit, request changes (with a reason), accept or publish an annual report."""
    current = AnnualReport.objects.select_for_update().get(pk=report.pk)
    step(
        record=current,
        workflow=REPORT_WORKFLOW,
        action=action,
        by=by,
        reason=reason,
        history=ReportStep,
        link="report",
    )
    if current.state == ReportState.PUBLISHED:
        current.published_at = timezone.now()
    current.save()
    return current
