"""Pages of the matching engine: the suggestions panel of a request (its help desk), the requests a provider
could help with, the global assignment (coordination staff) and the progress of its job.

Views are thin: the reads are `ranking`, the writes `suggestions` and the assignment task. The panel is an
htmx fragment loaded into the request page; without JavaScript every form still works on a full page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.exceptions import DomainError, InvalidInput
from tsc_hub.core.jobs import visible_jobs
from tsc_hub.core.models import JobState
from tsc_hub.matching import assignments, presentation, ranking, suggestions
from tsc_hub.matching.forms import AssignmentForm, DismissForm, WhyNotForm
from tsc_hub.matching.models import AssignmentRun, Match
from tsc_hub.matching.permissions import RUN_ASSIGNMENT
from tsc_hub.matching.presentation import (
    assignment_pairs,
    describe,
    explanation_context,
    fairness_cost_percent,
    group_rows,
    is_request_staff,
    job_result_url,
    provider_organisations,
    reason_rows,
    stored_reasons,
)
from tsc_hub.matching.states import MatchState
from tsc_hub.matching.vectors import embedder_info
from tsc_hub.offers.models import Offer, ProviderProfile

TOP_SUGGESTIONS = 10

LATEST_RUNS = 10

# --- The suggestions panel (the request's help desk) ---------------------------------------------------


def _htmx(request: HttpRequest) -> bool:
    """Whether htmx asked (django-htmx sets `request.htmx`): answer with a fragment, not a page."""
    return bool(getattr(request, "htmx", False))


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "matching/engine/forbidden.html", {"message": message}, status=403)


def _staff_target(request: HttpRequest, request_id: int) -> AssistanceRequest | HttpResponse:
    """The request when the person is on its help desk; a 404 when invisible, a 403 page otherwise."""
    target = (
        AssistanceRequest.objects.visible_to(request.user)
        .select_related("country", "centre")
        .prefetch_related("assistance_types", "gbf_targets", "cbd_subjects")
        .filter(pk=request_id)
        .first()
    )
    if target is None:
        raise Http404(_("No such request, or you may not see it."))
    if not is_request_staff(request.user, target):
        return _forbidden(request, _("Only the help desk of the request sees the engine's suggestions."))
    return target


def _panel_context(
    request: HttpRequest, target: AssistanceRequest, *, why: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    found = ranking.suggestions_for(target, top=TOP_SUGGESTIONS)
    entries = [
        {
            "candidate": describe(entry.candidate),
            "score": entry.score,
            "reasons": reason_rows(entry.reasons),
            "match": entry.match,
            "may_decide": entry.match is not None
            and entry.match.state == MatchState.SUGGESTED
            and entry.match.source == suggestions.ENGINE,
        }
        for entry in found.entries
    ]
    shown = [entry.match.pk for entry in found.entries if entry.match is not None]
    waiting = (
        Match.objects.filter(request=target, source=suggestions.ENGINE, state=MatchState.SUGGESTED)
        .exclude(pk__in=shown)
        .select_related("offer", "profile")
    )
    pending = [
        {
            "candidate": describe(match.offer or match.profile),
            "score": match.score or 0.0,
            "reasons": reason_rows(stored_reasons(match.reasons)),
            "match": match,
            "may_decide": True,
        }
        for match in waiting
    ]
    return {
        "target": target,
        "found": found,
        "entries": entries,
        "pending": pending,
        "may_store": target.state in ranking.MATCHABLE,
        "dismiss_form": DismissForm(),
        "why_form": WhyNotForm(user=request.user),
        "why": why,
        **extra,
    }


def _render_panel(request: HttpRequest, target: AssistanceRequest, **extra: Any) -> HttpResponse:
    template = "matching/engine/_panel.html" if _htmx(request) else "matching/engine/panel.html"
    return render(request, template, _panel_context(request, target, **extra))


def _after_action(
    request: HttpRequest, target: AssistanceRequest, *, notice: str = "", error: str = ""
) -> HttpResponse:
    """htmx: the panel again with the outcome; otherwise a message and back to the panel's page."""
    if _htmx(request):
        return _render_panel(request, target, notice=notice, error=error)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, notice)
    return redirect("matching:engine_panel", request_id=target.pk)


def _problem(error: DomainError) -> str:
    """The error and its field details, each said once."""
    said = [str(error.message)]
    for problems in error.fields.values():
        said += [str(problem) for problem in problems if str(problem) not in said]
    return " ".join(said)


@login_required
def suggestions_panel(request: HttpRequest, request_id: int) -> HttpResponse:
    """The engine's best offers and profiles for a request, with reasons and the help desk's decisions."""
    target = _staff_target(request, request_id)
    if isinstance(target, HttpResponse):
        return target
    return _render_panel(request, target)


@login_required
@require_POST
def store_suggestion(request: HttpRequest, request_id: int) -> HttpResponse:
    target = _staff_target(request, request_id)
    if isinstance(target, HttpResponse):
        return target
    kind, _sep, number = request.POST.get("key", "").partition(":")
    models: dict[str, type[Offer] | type[ProviderProfile]] = {"offer": Offer, "profile": ProviderProfile}
    model = models.get(kind)
    candidate = model.objects.filter(pk=int(number)).first() if model and number.isdigit() else None
    try:
        if candidate is None:
            raise InvalidInput(_("Choose a profile or an offer."))
        suggestions.suggest_ranked_item(target=target, candidate=candidate, by=signed_in_user(request))
    except DomainError as error:
        return _after_action(request, target, error=_problem(error))
    return _after_action(request, target, notice=_("The suggestion was stored for the help desk."))


def _engine_match(request: HttpRequest, match_id: int) -> Match:
    found: Match | None = presentation.engine_suggestion(request.user, match_id)
    if found is None:
        raise Http404(_("No such suggestion, or you may not see it."))
    return found


@login_required
@require_POST
def confirm(request: HttpRequest, match_id: int) -> HttpResponse:
    match = _engine_match(request, match_id)
    try:
        suggestions.confirm_suggestion(match=match, by=signed_in_user(request))
    except DomainError as error:
        return _after_action(request, match.request, error=_problem(error))
    return _after_action(request, match.request, notice=_("Confirmed: the provider is contacted."))


@login_required
@require_POST
def dismiss(request: HttpRequest, match_id: int) -> HttpResponse:
    match = _engine_match(request, match_id)
    try:
        suggestions.dismiss_suggestion(
            match=match,
            by=signed_in_user(request),
            reason_code=request.POST.get("reason_code", ""),
            reason_text=request.POST.get("reason_text", ""),
        )
    except DomainError as error:
        return _after_action(request, match.request, error=_problem(error))
    return _after_action(request, match.request, notice=_("The suggestion was dismissed."))


@login_required
def why_not(request: HttpRequest, request_id: int) -> HttpResponse:
    """Why an offer or a profile is (not) suggested for the request, and where it ranks."""
    target = _staff_target(request, request_id)
    if isinstance(target, HttpResponse):
        return target
    form = WhyNotForm(request.GET or None, user=request.user)
    why = explanation_context(target, form.cleaned_data["candidate"]) if form.is_valid() else None
    if _htmx(request):
        return render(
            request, "matching/engine/_why_not.html", {"why": why, "why_form": form, "target": target}
        )
    context = _panel_context(request, target, why=why)
    context["why_form"] = form
    return render(request, "matching/engine/panel.html", context)


# --- Requests a provider could help with -----------------------------------------------------------------


@login_required
def opportunities(request: HttpRequest) -> HttpResponse:
    """Open requests the provider's published offers and profiles fit, best first (never confidential)."""
    organisation_ids = provider_organisations(request.user)
    if not organisation_ids:
        return _forbidden(request, _("Only providers see the requests they could help with."))
    found = ranking.requests_for_provider(
        organisation_ids, include_confidential=False, top=presentation.TOP_OPPORTUNITIES
    )
    readable = set(
        AssistanceRequest.objects.visible_to(request.user)
        .filter(pk__in=[opportunity.request.pk for opportunity in found])
        .values_list("pk", flat=True)
    )
    rows = [
        {
            "request": opportunity.request,
            "candidate": describe(opportunity.candidate),
            "score": opportunity.score,
            "reasons": reason_rows(opportunity.reasons),
        }
        for opportunity in found
        if opportunity.request.pk in readable
    ]
    return render(
        request,
        "matching/engine/opportunities.html",
        {"rows": rows, "degraded": embedder_info().degraded},
    )


# --- The global assignment (coordination staff) -------------------------------------------------------------


def _jobs_shown(user: Any, asked: str) -> list[dict[str, Any]]:
    jobs = visible_jobs(user).filter(kind=assignments.ASSIGNMENT_JOB)
    shown = list(jobs.filter(state__in=[JobState.QUEUED, JobState.RUNNING])[:5])
    if asked.isdigit() and all(job.pk != int(asked) for job in shown):
        extra = jobs.filter(pk=int(asked)).first()
        if extra is not None:
            shown.insert(0, extra)
    return [{"job": job, "result_url": job_result_url(job)} for job in shown]


@login_required
def assignment(request: HttpRequest) -> HttpResponse:
    """The fairness policy, the running computation with its progress, and the latest runs."""
    user = signed_in_user(request)
    if not user.has_perm(RUN_ASSIGNMENT):
        return _forbidden(request, _("Only coordination staff compute the global assignment."))
    form = AssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = assignments.start_assignment(by=user, **form.cleaned_data)
        messages.success(request, _("The global assignment is being computed."))
        return redirect(f"{reverse('matching:engine_assignment')}?job={job.pk}")
    return render(
        request,
        "matching/engine/assignment.html",
        {
            "form": form,
            "jobs": _jobs_shown(user, request.GET.get("job", "")),
            "runs": AssignmentRun.objects.select_related("created_by")[:LATEST_RUNS],
        },
    )


@login_required
def assignment_run(request: HttpRequest, run_id: int) -> HttpResponse:
    """A computed assignment: its figures, what fairness cost, each regional group, and the pairs."""
    if not request.user.has_perm(RUN_ASSIGNMENT):
        return _forbidden(request, _("Only coordination staff compute the global assignment."))
    run = AssignmentRun.objects.select_related("created_by").filter(pk=run_id).first()
    if run is None:
        raise Http404(_("No such assignment."))
    return render(
        request,
        "matching/engine/run.html",
        {
            "run": run,
            "cost_percent": fairness_cost_percent(run),
            "groups": group_rows(run),
            "pairs": assignment_pairs(run),
        },
    )


@login_required
def job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """A job's progress bar; htmx polls it every second until the job is finished."""
    job = visible_jobs(request.user).filter(pk=job_id).first()
    if job is None:
        raise Http404(_("No such job, or you may not see it."))
    template = "matching/engine/job.html" if _htmx(request) else "matching/engine/job_page.html"
    return render(request, template, {"job": job, "result_url": job_result_url(job)})
