"""Pages for coordination staff: the shortlist, the evaluation report (HTML and PDF), scenario comparison."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.core.exceptions import Conflict, PermissionDenied
from tsc_hub.hosting import services
from tsc_hub.hosting.forms import ScenarioForm
from tsc_hub.hosting.permissions import READ_REPORT
from tsc_hub.hosting.report import build_report, check_report_access, render_pdf
from tsc_hub.hosting.scenarios import DEFAULT_KS, compare_scenarios, shortlist
from tsc_hub.hosting.views.common import forbidden, run_action, visible_call
from tsc_hub.hosting.workflow import C_CLOSED

_ONLY_COORDINATION = gettext_lazy(
    "Only coordination staff read evaluation reports, shortlists and scenarios."
)


def _closed_call(request: HttpRequest, call_id: int) -> Any:
    call = visible_call(request, call_id)
    if not request.user.has_perm(READ_REPORT):
        raise PermissionDenied(_ONLY_COORDINATION)
    return call


@login_required
def shortlist_page(request: HttpRequest, call_id: int) -> HttpResponse:
    """The shortlist per subregion, ranked, with the phase scores."""
    try:
        call = _closed_call(request, call_id)
    except PermissionDenied as error:
        return forbidden(request, str(error.message))
    rows = shortlist(call) if call.state == C_CLOSED else []
    return render(request, "hosting/shortlist.html", {"call": call, "rows": rows})


@login_required
def report_page(request: HttpRequest, call_id: int, phase: int) -> HttpResponse:
    """The evaluation report of a closed phase, as a page."""
    call = visible_call(request, call_id)
    try:
        check_report_access(call, phase, request.user)
    except PermissionDenied as error:
        return forbidden(request, str(error.message))
    except Conflict as error:
        return forbidden(request, str(error.message), status=409)
    return render(request, "hosting/report.html", build_report(call, phase))


@login_required
def report_pdf(request: HttpRequest, call_id: int, phase: int) -> HttpResponse:
    """The evaluation report of a closed phase, as PDF."""
    call = visible_call(request, call_id)
    try:
        check_report_access(call, phase, request.user)
    except PermissionDenied as error:
        return forbidden(request, str(error.message))
    except Conflict as error:
        return forbidden(request, str(error.message), status=409)
    response = HttpResponse(render_pdf(call, phase), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="evaluation-call-{call.pk}-phase-{phase}.pdf"'
    return response


@login_required
def scenarios_page(request: HttpRequest, call_id: int) -> HttpResponse:
    """Scenarios side by side (13, 15, 19 centres by default) from the call's shortlist."""
    try:
        call = _closed_call(request, call_id)
    except PermissionDenied as error:
        return forbidden(request, str(error.message))
    form = ScenarioForm(request.GET or None)
    scenarios: list[Any] = []
    ks, cap, floor = list(DEFAULT_KS), 1, 0.0
    if form.is_bound and form.is_valid():
        ks, cap = form.cleaned_data["ks"], form.cleaned_data["max_per_subregion"]
        floor = float(form.cleaned_data["min_score"])
    if call.state == C_CLOSED and (not form.is_bound or form.is_valid()):
        try:
            scenarios = compare_scenarios(call=call, ks=ks, max_per_subregion=cap, min_score=floor)
        except Exception as error:  # InvalidInput from the options: shown on the form
            form.add_error(None, str(getattr(error, "message", error)))
    context = {
        "call": call,
        "form": form,
        "scenarios": scenarios,
        "options": {"max_per_subregion": cap, "min_score": floor},
        "selections": call.selections.prefetch_related("applications__organisation").select_related("by"),
    }
    return render(request, "hosting/scenarios.html", context)


@login_required
@require_POST
def record_selection(request: HttpRequest, call_id: int) -> HttpResponse:
    """Record one scenario's selection as the coordination's decision."""
    call = visible_call(request, call_id)
    try:
        k = int(request.POST.get("min_centres", ""))
        cap = int(request.POST.get("max_per_subregion", "1"))
        floor = float(request.POST.get("min_score", "0"))
    except ValueError:
        return forbidden(request, _("The scenario options are not valid."), status=400)
    refused = run_action(
        request,
        lambda: services.record_selection(
            call=call,
            min_centres=k,
            max_per_subregion=cap,
            min_score=floor,
            by=signed_in_user(request),
            note=request.POST.get("note", ""),
        ),
        _("The selection was recorded."),
    )
    return refused or redirect("hosting:scenarios", call_id)
