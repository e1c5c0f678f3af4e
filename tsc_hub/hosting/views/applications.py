"""Pages of applications: write one, read one, submit or withdraw it, attach documents, assign reviewers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts import policy
from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.models import User
from tsc_hub.accounts.roles import Role
from tsc_hub.hosting import services
from tsc_hub.hosting.forms import ApplicationForm, AssignForm
from tsc_hub.hosting.models import Call, Score
from tsc_hub.hosting.permissions import APPLY, MANAGE_CALLS
from tsc_hub.hosting.views.common import (
    forbidden,
    holds,
    run_action,
    run_service,
    visible_application,
    visible_call,
)
from tsc_hub.hosting.workflow import ACTION_LABELS, APPLICATION_WORKFLOW, PHASE_CLOSED_IN

_APPLICANT_ACTIONS = ("submit", "withdraw")


def _form_page(request: HttpRequest, form: ApplicationForm, write: object) -> HttpResponse:
    status = 200
    if request.method == "POST":
        saved, status = run_service(form, write)  # type: ignore[arg-type]
        if saved is not None:
            messages.success(request, _("Saved."))
            return redirect("hosting:application", saved.pk)
    return render(request, "hosting/application_form.html", {"form": form, "call": form.call}, status=status)


@login_required
def application_create(request: HttpRequest, call_id: int) -> HttpResponse:
    """Start an application for one's organisation."""
    call: Call = visible_call(request, call_id)
    if not holds(request, Role.INSTITUTION_MEMBER):
        return forbidden(request, _("Only members of an organisation can apply for it to host a centre."))
    form = ApplicationForm(request.POST or None, user=request.user, call=call)
    return _form_page(
        request,
        form,
        lambda: services.create_application(call=call, data=form.to_data(), by=signed_in_user(request)),
    )


@login_required
def application_edit(request: HttpRequest, application_id: int) -> HttpResponse:
    """Change an application until the deadline (an invited one during phase 2)."""
    record = visible_application(request, application_id)
    if not request.user.has_perm(APPLY, record):
        return forbidden(request, _("Only members of the applying organisation can change the application."))
    form = ApplicationForm(request.POST or None, user=request.user, call=record.call, record=record)
    return _form_page(
        request,
        form,
        lambda: services.update_application(
            application=record, data=form.to_data(), by=signed_in_user(request)
        ),
    )


def application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    """An application with its documents, its state (the invitation) and the steps the reader may take."""
    if not request.user.is_authenticated:
        raise Http404(_("No such application."))
    record = visible_application(request, application_id)
    held = policy.roles_held_for(request.user, record)
    can_manage = request.user.has_perm(MANAGE_CALLS)
    actions = [
        {"name": t.action, "label": ACTION_LABELS[t.action], "needs_reason": False}
        for t in APPLICATION_WORKFLOW.from_state(record.state)
        if t.roles & held and t.action in _APPLICANT_ACTIONS
    ]
    own_assignment = record.assignments.filter(reviewer_id=request.user.pk).first()
    context = {
        "record": record,
        "actions": actions,
        "can_edit": request.user.has_perm(APPLY, record),
        "can_manage": can_manage,
        "assignments": record.assignments.select_related("reviewer") if can_manage else [],
        "assign_form": AssignForm() if can_manage else None,
        "own_assignment": own_assignment,
        "scores_visible": [n for n, states in PHASE_CLOSED_IN.items() if record.call.state in states],
        "history": record.transitions.select_related("by"),
        "score_count": Score.objects.visible_to(request.user).filter(assignment__application=record).count(),
    }
    return render(request, "hosting/application_detail.html", context)


@login_required
@require_POST
def application_action(request: HttpRequest, application_id: int) -> HttpResponse:
    """Submit or withdraw an application."""
    record = visible_application(request, application_id)
    action = request.POST.get("action", "")
    by = signed_in_user(request)
    if action == "submit":
        refused = run_action(
            request, lambda: services.submit_application(application=record, by=by), _("Submitted.")
        )
    elif action == "withdraw":
        refused = run_action(
            request,
            lambda: services.withdraw_application(
                application=record, by=by, reason=request.POST.get("reason", "")
            ),
            _("Withdrawn."),
        )
    else:
        raise Http404(_("No such step."))
    return refused or redirect("hosting:application", application_id)


@login_required
@require_POST
def document_upload(request: HttpRequest, application_id: int) -> HttpResponse:
    """Attach a document."""
    record = visible_application(request, application_id)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file."))
        return redirect("hosting:application", application_id)
    refused = run_action(
        request,
        lambda: services.add_document(application=record, upload=upload, by=signed_in_user(request)),
        _("The document was added."),
    )
    return refused or redirect("hosting:application", application_id)


@login_required
def document_download(request: HttpRequest, application_id: int, document_id: int) -> FileResponse:
    """A document, to people who may see the application."""
    record = visible_application(request, application_id)
    document = record.documents.filter(pk=document_id).first()
    if document is None:
        raise Http404(_("No such file."))
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.name,
        content_type=document.content_type,
    )


@login_required
@require_POST
def assign(request: HttpRequest, application_id: int) -> HttpResponse:
    """Assign a reviewer (coordination staff)."""
    if not request.user.has_perm(MANAGE_CALLS):
        return forbidden(request, _("Only coordination staff and administrators assign reviewers."))
    record = visible_application(request, application_id)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reviewer."))
        return redirect("hosting:application", application_id)
    reviewer = User.objects.get(pk=form.cleaned_data["reviewer"])
    refused = run_action(
        request,
        lambda: services.assign_reviewer(application=record, reviewer=reviewer, by=signed_in_user(request)),
        _("The reviewer was assigned."),
    )
    return refused or redirect("hosting:application", application_id)


@login_required
@require_POST
def unassign(request: HttpRequest, application_id: int, assignment_id: int) -> HttpResponse:
    """Take the application from a reviewer who has not scored it yet (coordination staff)."""
    if not request.user.has_perm(MANAGE_CALLS):
        return forbidden(request, _("Only coordination staff and administrators assign reviewers."))
    record = visible_application(request, application_id)
    assignment = record.assignments.filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404(_("No such assignment."))
    refused = run_action(
        request,
        lambda: services.unassign_reviewer(assignment=assignment, by=signed_in_user(request)),
        _("The reviewer was unassigned."),
    )
    return refused or redirect("hosting:application", application_id)
