"""Pages of calls: the list, a new call, one call with its applications, its workflow buttons."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts import policy
from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.roles import Role
from tsc_hub.hosting import services
from tsc_hub.hosting.forms import AssignForm, CallForm
from tsc_hub.hosting.models import Application, Call, Criterion
from tsc_hub.hosting.permissions import MANAGE_CALLS, READ_REPORT
from tsc_hub.hosting.services.common import deadline_passed
from tsc_hub.hosting.views.common import forbidden, holds, run_action, run_service, visible_call
from tsc_hub.hosting.workflow import (
    ACTION_LABELS,
    CALL_WORKFLOW,
    EDITABLE_CALL_STATES,
    PHASE_CLOSED_IN,
)


def call_list(request: HttpRequest) -> HttpResponse:
    """The calls the reader may see: open ones for everyone."""
    calls = Call.objects.visible_to(request.user).select_related("framework")
    context = {
        "calls": calls,
        "can_manage": request.user.has_perm(MANAGE_CALLS),
        "is_reviewer": holds(request, Role.APPLICATION_REVIEWER),
    }
    return render(request, "hosting/list.html", context)


@login_required
def call_create(request: HttpRequest) -> HttpResponse:
    """Write a new call (coordination staff)."""
    if not request.user.has_perm(MANAGE_CALLS):
        return forbidden(request, _("Only coordination staff and administrators manage calls for hosts."))
    form = CallForm(request.POST or None)
    status = 200
    if request.method == "POST":
        call, status = run_service(
            form, lambda: services.create_call(data=form.to_data(), by=signed_in_user(request))
        )
        if call is not None:
            messages.success(request, _("Saved."))
            return redirect("hosting:call", call.pk)
    return render(request, "hosting/call_form.html", {"form": form}, status=status)


@login_required
def call_edit(request: HttpRequest, call_id: int) -> HttpResponse:
    """Change a call while it is a draft or open (coordination staff)."""
    call = visible_call(request, call_id)
    if not request.user.has_perm(MANAGE_CALLS):
        return forbidden(request, _("Only coordination staff and administrators manage calls for hosts."))
    if call.state not in EDITABLE_CALL_STATES:
        return forbidden(request, _("A call can be changed only while it is a draft or open."), status=409)
    form = CallForm(request.POST or None, record=call)
    status = 200
    if request.method == "POST":
        saved, status = run_service(
            form,
            lambda: services.update_call(
                call=call,
                data=form.to_data(),
                by=signed_in_user(request),
                version=form.cleaned_data.get("version"),
            ),
        )
        if saved is not None:
            messages.success(request, _("Saved."))
            return redirect("hosting:call", call.pk)
    return render(request, "hosting/call_form.html", {"form": form, "call": call}, status=status)


def _applications(request: HttpRequest, call: Call) -> Any:
    return (
        Application.objects.visible_to(request.user)
        .filter(call=call)
        .with_related()
        .prefetch_related("assignments__reviewer")
    )


def call_detail(request: HttpRequest, call_id: int) -> HttpResponse:
    """One call: its texts, criteria, the reader's applications (all, for coordination) and next steps."""
    call = visible_call(request, call_id)
    held = policy.roles_held_for(request.user, call)
    can_manage = request.user.has_perm(MANAGE_CALLS)
    actions = [
        {"name": t.action, "label": ACTION_LABELS.get(t.action, t.action), "needs_reason": t.needs_reason}
        for t in CALL_WORKFLOW.from_state(call.state)
        if t.roles & held
    ]
    context = {
        "call": call,
        "criteria": Criterion.objects.filter(phase__framework=call.framework_id).select_related("phase"),
        "applications": _applications(request, call) if request.user.is_authenticated else [],
        "can_apply": holds(request, Role.INSTITUTION_MEMBER)
        and call.state == "open"
        and not deadline_passed(call),
        "deadline_passed": deadline_passed(call),
        "can_manage": can_manage,
        "can_edit": can_manage and call.state in EDITABLE_CALL_STATES,
        "actions": actions,
        "assign_form": AssignForm() if can_manage else None,
        "closed_phases": [n for n, states in PHASE_CLOSED_IN.items() if call.state in states],
        "can_read_report": request.user.has_perm(READ_REPORT),
        "history": call.transitions.select_related("by") if can_manage else [],
    }
    return render(request, "hosting/call_detail.html", context)


@login_required
@require_POST
def call_transition(request: HttpRequest, call_id: int) -> HttpResponse:
    """Take one workflow step of a call (the buttons of the call page)."""
    call = visible_call(request, call_id)
    action = request.POST.get("action", "")
    refused = run_action(
        request,
        lambda: services.transition_call(
            call=call, action=action, by=signed_in_user(request), reason=request.POST.get("reason", "")
        ),
        _("Done: %(action)s.") % {"action": ACTION_LABELS.get(action, action)},
    )
    return refused or redirect("hosting:call", call_id)
