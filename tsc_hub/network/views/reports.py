"""Pages of annual reports: the list, start (pre-filled), one report, narrative, refresh, steps, PDF."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.core.languages import content_language, django_language
from tsc_hub.network import exports, services
from tsc_hub.network.access import access_report
from tsc_hub.network.forms import LANGUAGES, NarrativeForm, ReportStartForm
from tsc_hub.network.models import AnnualReport
from tsc_hub.network.permissions import CENTRE_STAFF, roles_for
from tsc_hub.network.views.common import domain_pages, forbidden, my_centres, run
from tsc_hub.network.workflow import ACTION_LABELS, REPORT_EDITABLE


def report_list(request: HttpRequest) -> HttpResponse:
    """Published reports for everyone; drafts for the centre's staff and the coordination."""
    reports = AnnualReport.objects.visible_to(request.user).select_related("centre")
    return render(
        request, "network/reports.html", {"reports": reports, "can_add": bool(my_centres(request.user))}
    )


@login_required
@domain_pages
def report_create(request: HttpRequest) -> HttpResponse:
    centres = my_centres(request.user)
    if not centres:
        return forbidden(request, _("Only the staff of a support centre file its annual report."))
    form = ReportStartForm(request.POST or None, centres=centres)
    if request.method == "POST" and form.is_valid():
        centre = next(c for c in centres if str(c.pk) == form.cleaned_data["centre"])
        year, user = form.cleaned_data["year"], signed_in_user(request)
        language = content_language()
        report = run(
            request,
            lambda: services.prefill_annual_report(
                centre=centre, year=year, by=user, original_language=language
            ),
            form,
        )
        if report is not None:
            messages.success(request, _("The report was pre-filled with the figures of the year."))
            return redirect("network:report", report.pk)
    return render(request, "network/form.html", {"form": form, "heading": _("New annual report")})


@domain_pages
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request.user, report_id)
    held = roles_for(request.user, report.centre_id)
    can_edit = report.state in REPORT_EDITABLE and CENTRE_STAFF in held
    narrative_form = None
    if can_edit:
        language = content_language()
        narrative_form = NarrativeForm(
            initial={"language": language, "narrative": report.narrative.get(language, "")}
        )
    context = {
        **exports.report_context(report),
        "actions": report.actions,
        "can_edit": can_edit,
        "narrative_form": narrative_form,
        "history": report.steps.select_related("by") if held else [],
        "languages": LANGUAGES,
    }
    return render(request, "network/report_detail.html", context)


@login_required
@require_POST
@domain_pages
def report_narrative(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request.user, report_id)
    form = NarrativeForm(request.POST)
    if form.is_valid():
        narrative = {**report.narrative, form.cleaned_data["language"]: form.cleaned_data["narrative"]}
        user = signed_in_user(request)
        if run(
            request, lambda: services.update_report_narrative(report=report, narrative=narrative, by=user)
        ):
            messages.success(request, _("Saved."))
    return redirect("network:report", report.pk)


@login_required
@require_POST
@domain_pages
def report_refresh(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request.user, report_id)
    user = signed_in_user(request)
    if run(request, lambda: services.refresh_report_figures(report=report, by=user)):
        messages.success(request, _("The figures were taken again from the platform's records."))
    return redirect("network:report", report.pk)


@login_required
@require_POST
@domain_pages
def report_transition(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request.user, report_id)
    action, reason, user = (
        request.POST.get("action", ""),
        request.POST.get("reason", ""),
        signed_in_user(request),
    )
    if run(request, lambda: services.transition_report(report=report, action=action, by=user, reason=reason)):
        messages.success(request, _("Done: %(action)s.") % {"action": ACTION_LABELS.get(action, action)})
    return redirect("network:report", report.pk)


def _language(request: HttpRequest) -> str:
    code = request.GET.get("language") or content_language()
    if code not in dict(LANGUAGES):
        raise Http404("unknown language")
    django_code = django_language(code)
    if django_code not in dict(settings.LANGUAGES):
        raise Http404("unknown language")
    return django_code


@domain_pages
def report_print(request: HttpRequest, report_id: int) -> HttpResponse:
    """The printable HTML of the report, in ?language= (one of the six)."""
    report = access_report(request.user, report_id)
    return HttpResponse(exports.render_html(report, _language(request)))


@domain_pages
def report_pdf(request: HttpRequest, report_id: int) -> HttpResponse:
    """The report as PDF, in ?language= (one of the six)."""
    report = access_report(request.user, report_id)
    language = _language(request)
    response = HttpResponse(exports.render_pdf(report, language), content_type="application/pdf")
    filename = f"annual-report-{report.centre.code}-{report.year}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
