"""The proposal as PDF (WeasyPrint, from the same HTML template as the page) and as DOCX (python-docx),
with headings in the reader's language."""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tsc_hub.core.languages import RTL_LANGUAGES, django_language
from tsc_hub.proposals.models import Proposal


def _context(proposal: Proposal) -> dict[str, Any]:
    return {"proposal": proposal, "rtl": proposal.language in RTL_LANGUAGES, "lang": proposal.language}


def render_pdf(proposal: Proposal, language: str) -> bytes:
    """A PDF of the proposal; headings in `language` (a Django language code)."""
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string("proposals/document.html", _context(proposal))
    return bytes(HTML(string=html).write_pdf())


def _table(document: Any, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def render_docx(proposal: Proposal, language: str) -> bytes:
    """A Word document of the proposal; headings in `language` (a Django language code)."""
    from docx import Document

    document = Document()
    with translation.override(language):
        document.add_heading(proposal.title, level=0)
        document.add_heading(_("The problem to solve"), level=1)
        document.add_paragraph(proposal.problem)
        document.add_heading(_("Objectives"), level=1)
        document.add_paragraph(proposal.objectives or "—")
        document.add_heading(_("Partners"), level=1)
        _table(
            document,
            [_("Name"), _("Country"), _("Role")],
            [[p.get("name", ""), p.get("country", "").upper(), p.get("role", "")] for p in proposal.partners],
        )
        document.add_heading(_("Activities and milestones"), level=1)
        _table(
            document,
            [_("Activity"), _("Milestone")],
            [[a.get("title", ""), a.get("milestone", "")] for a in proposal.activities],
        )
        document.add_heading(_("Indicators"), level=1)
        _table(
            document,
            [_("Indicator"), _("Target")],
            [[i.get("name", ""), i.get("target", "")] for i in proposal.indicators],
        )
        document.add_heading(_("Budget"), level=1)
        _table(
            document,
            [_("Item"), _("Amount"), _("Currency")],
            [[b.get("item", ""), str(b.get("amount", "")), b.get("currency", "")] for b in proposal.budget],
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def export_language(requested: str | None, proposal: Proposal) -> str:
    """The Django language for headings: the reader's, else the proposal's."""
    return requested or django_language(proposal.language)
