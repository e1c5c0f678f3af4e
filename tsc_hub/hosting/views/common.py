"""What the hosting pages share: lookups through visible_to, the refusal page, running a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.core.exceptions import Conflict, DomainError, PermissionDenied
from tsc_hub.hosting.models import Application, Call, ReviewAssignment


def forbidden(request: HttpRequest, reason: str, status: int = 403) -> HttpResponse:
    return render(request, "hosting/forbidden.html", {"reason": reason}, status=status)


def visible_call(request: HttpRequest, call_id: int) -> Call:
    found = Call.objects.visible_to(request.user).select_related("framework").filter(pk=call_id).first()
    if found is None:
        raise Http404(_("No such call."))
    return found


def visible_application(request: HttpRequest, application_id: int) -> Application:
    found = Application.objects.visible_to(request.user).with_related().filter(pk=application_id).first()
    if found is None:
        raise Http404(_("No such application."))
    return found


def own_assignment(request: HttpRequest, assignment_id: int) -> ReviewAssignment:
    """An assignment of the signed-in reviewer (others answer 404)."""
    found = (
        ReviewAssignment.objects.filter(pk=assignment_id, reviewer_id=request.user.pk)
        .select_related("application__call__framework", "application__organisation", "application__subregion")
        .first()
    )
    if found is None:
        raise Http404(_("No such assignment."))
    return found


def holds(request: HttpRequest, *roles: str) -> bool:
    user: Any = request.user
    return bool(
        user.is_authenticated and RoleAssignment.objects.active().filter(user=user, role__in=roles).exists()
    )


def run_service(form: forms.Form, write: Callable[[], Any]) -> tuple[Any, int]:
    """Run the service; on a domain error put its messages on the form. Returns (result, status)."""
    if not form.is_valid():
        return None, 400
    try:
        return write(), 200
    except DomainError as error:
        form.add_error(None, str(error.message))
        for name, problems in error.fields.items():
            target = name if name in form.fields else None
            for problem in problems:
                form.add_error(target, str(problem))
        status = 403 if isinstance(error, PermissionDenied) else 409 if isinstance(error, Conflict) else 400
        return None, status


def run_action(request: HttpRequest, write: Callable[[], Any], done: str) -> HttpResponse | None:
    """Run a button's service: a message for the outcome; the refusal page when not allowed."""
    try:
        write()
    except PermissionDenied as error:
        return forbidden(request, str(error.message))
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, done)
    return None
