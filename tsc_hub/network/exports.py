"""An annual report as HTML or PDF (WeasyPrint) in any of the six languages: headings and labels in the
language asked for, the narrative in that language when written in it (else its original language)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.languages import RTL_LANGUAGES, content_language, pick_text
from tsc_hub.network.models import AnnualReport

FIGURE_LABELS: dict[str, Any] = {
    "requests_received": _("Requests received"),
    "requests_accepted": _("Requests accepted"),
    "requests_declined": _("Requests declined"),
    "parties_supported": _("Parties supported"),
    "matches_made": _("Matches made"),
    "successful_matchmakings": _("Successful matchmakings"),
    "projects_started": _("Projects started"),
    "projects_closed": _("Projects closed"),
    "trainings": _("Trainings"),
    "participants_women": _("Women trained"),
    "participants_men": _("Men trained"),
    "participants_other": _("Other participants trained"),
    "participants_total": _("People trained"),
    "funds_mobilised_usd": _("Funds mobilised (US dollars)"),
    "tools_given": _("Tools and resources given to other centres"),
    "tools_received": _("Tools and resources received from other centres"),
}


def figure_rows(report: AnnualReport) -> list[tuple[Any, Any]]:
    """(label, value) for every figure of the snapshot, in a fixed order."""
    return [(label, report.figures.get(key, "—")) for key, label in FIGURE_LABELS.items()]


def report_context(report: AnnualReport) -> dict[str, Any]:
    language = content_language()
    return {
        "report": report,
        "rows": figure_rows(report),
        "narrative": pick_text(report.narrative, language, report.original_language),
        "lang": language,
        "rtl": language in RTL_LANGUAGES,
    }


def render_html(report: AnnualReport, language: str) -> str:
    """The printable report; `language` is a Django language code."""
    with translation.override(language):
        return render_to_string("network/report_document.html", report_context(report))


def render_pdf(report: AnnualReport, language: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=render_html(report, language)).write_pdf())
