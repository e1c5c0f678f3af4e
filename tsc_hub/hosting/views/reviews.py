"""Pages of reviewers: their assignments, the scoring form of one, declaring a conflict of interest."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.roles import Role
from tsc_hub.hosting import services
from tsc_hub.hosting.forms import ScoreForm
from tsc_hub.hosting.models import Criterion, ReviewAssignment
from tsc_hub.hosting.services.reviews import SCORED_STATE
from tsc_hub.hosting.views.common import forbidden, holds, own_assignment, run_action, run_service
from tsc_hub.hosting.workflow import SCORING_STATE


@login_required
def my_reviews(request: HttpRequest) -> HttpResponse:
    """The reader's assignments, with how far each is scored."""
    if not holds(request, Role.APPLICATION_REVIEWER):
        return forbidden(request, _("Only application reviewers review applications to host centres."))
    assignments = (
        ReviewAssignment.objects.filter(reviewer_id=request.user.pk)
        .select_related("application__call", "application__organisation", "application__subregion")
        .prefetch_related("scores")
    )
    return render(request, "hosting/reviews.html", {"assignments": assignments})


def _phase_under_way(assignment: ReviewAssignment) -> int | None:
    call, application = assignment.application.call, assignment.application
    for phase, state in SCORING_STATE.items():
        if call.state == state and application.state == SCORED_STATE[phase]:
            return phase
    return None


@login_required
def review(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """Score the criteria of the phase under way, each with a reason; only the reader's own scores show."""
    if not holds(request, Role.APPLICATION_REVIEWER):
        return forbidden(request, _("Only application reviewers review applications to host centres."))
    assignment = own_assignment(request, assignment_id)
    phase = _phase_under_way(assignment) if assignment.active else None
    call = assignment.application.call
    criteria = list(Criterion.objects.filter(phase__framework=call.framework_id, phase__number=phase or 0))
    form = ScoreForm(request.POST or None, assignment=assignment, criteria=criteria) if phase else None
    status = 200
    if request.method == "POST" and form is not None:
        saved, status = run_service(
            form,
            lambda: services.score_application(
                assignment=assignment, scores=form.to_data(), by=signed_in_user(request)
            ),
        )
        if saved is not None:
            messages.success(request, _("Your scores were saved."))
            return redirect("hosting:review", assignment_id)
    context = {"assignment": assignment, "phase": phase, "form": form, "application": assignment.application}
    return render(request, "hosting/review.html", context, status=status)


@login_required
@require_POST
def declare_conflict(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """Declare a conflict of interest: the reviewer leaves the application."""
    assignment = own_assignment(request, assignment_id)
    refused = run_action(
        request,
        lambda: services.declare_conflict(
            assignment=assignment, reason=request.POST.get("reason", ""), by=signed_in_user(request)
        ),
        _("Your conflict of interest was recorded; you no longer review this application."),
    )
    return refused or redirect("hosting:reviews")
