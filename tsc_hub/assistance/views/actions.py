"""Actions on a request from its page: each one a POST that calls a service and returns to the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.models import User
from tsc_hub.assistance import services
from tsc_hub.assistance.models import EligibilityCriterion
from tsc_hub.assistance.views.pages import visible_request
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.exceptions import DomainError, InvalidInput


def _act(
    request: HttpRequest, request_id: int, call: Callable[[Any, Any], object], done: str
) -> HttpResponse:
    record = visible_request(request, request_id)
    try:
        call(record, signed_in_user(request))
    except DomainError as error:
        details = " ".join(problem for problems in error.fields.values() for problem in problems)
        messages.error(request, f"{error.message} {details}".strip())
    else:
        messages.success(request, done)
    return redirect("assistance:detail", request_id=request_id)


@login_required
@require_POST
def transition(request: HttpRequest, request_id: int) -> HttpResponse:
    action, reason = request.POST.get("action", ""), request.POST.get("reason", "")
    return _act(
        request,
        request_id,
        lambda record, by: services.transition_request(request=record, action=action, reason=reason, by=by),
        _("Done."),
    )


@login_required
@require_POST
def attach(request: HttpRequest, request_id: int) -> HttpResponse:
    upload = request.FILES.get("file")

    def call(record: Any, by: Any) -> object:
        if upload is None:
            raise InvalidInput(_("Choose a file to attach."))
        return services.add_attachment(request=record, upload=upload, by=by)

    return _act(request, request_id, call, _("The file was attached."))


@login_required
@require_POST
def eligibility(request: HttpRequest, request_id: int) -> HttpResponse:
    answers = {
        criterion.code: (
            request.POST.get(f"met-{criterion.code}") == "on",
            request.POST.get(f"note-{criterion.code}", ""),
        )
        for criterion in EligibilityCriterion.objects.filter(active=True)
    }
    return _act(
        request,
        request_id,
        lambda record, by: services.assess_eligibility(request=record, answers=answers, by=by),
        _("The checklist was saved."),
    )


@login_required
@require_POST
def officer(request: HttpRequest, request_id: int) -> HttpResponse:
    person = User.objects.filter(email=request.POST.get("email", "").strip(), is_active=True).first()

    def call(record: Any, by: Any) -> object:
        if person is None:
            raise InvalidInput(_("No such person."))
        return services.assign_officer(request=record, officer=person, by=by)

    return _act(request, request_id, call, _("The officer was assigned."))


@login_required
@require_POST
def reassign(request: HttpRequest, request_id: int) -> HttpResponse:
    code = request.POST.get("centre", "")
    centre = SupportCentre.objects.filter(code=code).first() if code else None
    reason = request.POST.get("reason", "")
    return _act(
        request,
        request_id,
        lambda record, by: services.reassign_request(request=record, centre=centre, reason=reason, by=by),
        _("The request was reassigned."),
    )


@login_required
@require_POST
def consent(request: HttpRequest, request_id: int) -> HttpResponse:
    reference = request.POST.get("reference", "")
    return _act(
        request,
        request_id,
        lambda record, by: services.record_consent(request=record, reference=reference, by=by),
        _("Prior informed consent was recorded."),
    )


@login_required
@require_POST
def outcome(request: HttpRequest, request_id: int) -> HttpResponse:
    language = request.POST.get("language", "en")
    texts = {
        "outcome": {language: request.POST.get("outcome", "")},
        "feedback": {language: request.POST.get("feedback", "")},
    }
    return _act(
        request,
        request_id,
        lambda record, by: services.record_outcome(request=record, by=by, **texts),
        _("The outcome was recorded."),
    )
