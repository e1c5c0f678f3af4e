"""Actions on a project from its page: each one a POST that calls a service and returns to the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.core.exceptions import DomainError, InvalidInput
from tsc_hub.projects import services
from tsc_hub.projects.forms import (
    FundingForm,
    IndicatorForm,
    IndicatorValueForm,
    MilestoneForm,
    OutputForm,
    ProjectForm,
    RatingForm,
)
from tsc_hub.projects.models import Project
from tsc_hub.projects.views.pages import visible_project

Call = Callable[[Project, Any], object]


def _act(request: HttpRequest, project_id: int, call: Call, done: str) -> HttpResponse:
    project = visible_project(request, project_id)
    try:
        call(project, signed_in_user(request))
    except DomainError as error:
        details = " ".join(problem for problems in error.fields.values() for problem in problems)
        messages.error(request, f"{error.message} {details}".strip())
    else:
        messages.success(request, done)
    return redirect("projects:detail", project_id=project_id)


def _valid(form: forms.Form) -> dict[str, Any]:
    """The cleaned data, or InvalidInput with the form's problems (shown as a message)."""
    if not form.is_valid():
        fields = {name: [str(e) for e in errors] for name, errors in form.errors.items()}
        raise InvalidInput(_("Some of the data sent is not valid."), fields=fields)
    return form.cleaned_data


@login_required
@require_POST
def transition(request: HttpRequest, project_id: int) -> HttpResponse:
    action, reason = request.POST.get("action", ""), request.POST.get("reason", "")
    return _act(
        request,
        project_id,
        lambda project, by: services.transition_project(project=project, action=action, reason=reason, by=by),
        _("Done."),
    )


@login_required
@require_POST
def edit(request: HttpRequest, project_id: int) -> HttpResponse:
    def call(project: Project, by: Any) -> object:
        form = ProjectForm(request.POST)
        _valid(form)
        version = int(request.POST.get("version", "0") or 0)
        return services.update_project(
            project=project, data=form.to_data(project), expected_version=version, by=by
        )

    return _act(request, project_id, call, _("The project was saved."))


@login_required
@require_POST
def add_milestone(request: HttpRequest, project_id: int) -> HttpResponse:
    def call(project: Project, by: Any) -> object:
        data = _valid(MilestoneForm(request.POST))
        return services.add_milestone(
            project=project, title={data["language"]: data["title"]}, due_date=data["due_date"], by=by
        )

    return _act(request, project_id, call, _("The milestone was added."))


@login_required
@require_POST
def complete_milestone(request: HttpRequest, project_id: int, milestone_id: int) -> HttpResponse:
    def call(project: Project, by: Any) -> object:
        milestone = project.milestones.filter(pk=milestone_id).first()
        if milestone is None:
            raise Http404(_("No such milestone."))
        return services.complete_milestone(milestone=milestone, by=by)

    return _act(request, project_id, call, _("The milestone is done."))


@login_required
@require_POST
def add_indicator(request: HttpRequest, project_id: int) -> HttpResponse:
    def call(project: Project, by: Any) -> object:
        data = _valid(IndicatorForm(request.POST))
        return services.add_indicator(
            project=project,
            name={data["language"]: data["name"]},
            unit=data["unit"],
            baseline=data["baseline"],
            target=data["target"],
            by=by,
        )

    return _act(request, project_id, call, _("The indicator was added."))


@login_required
@require_POST
def update_indicator(request: HttpRequest, project_id: int, indicator_id: int) -> HttpResponse:
    def call(project: Project, by: Any) -> object:
        indicator = project.indicators.filter(pk=indicator_id).first()
        if indicator is None:
            raise Http404(_("No such indicator."))
        data = _valid(IndicatorValueForm(request.POST))
        return services.update_indicator(indicator=indicator, current_value=data["current_value"], by=by)

    return _act(request, project_id, call, _("The indicator was updated."))


@login_required
@require_POST
def record_funding(request: HttpRequest, project_id: int) -> HttpResponse:
    def call(project: Project, by: Any) -> object:
        form = FundingForm(request.POST)
        _valid(form)
        return services.record_funding(project=project, data=form.to_data(), by=by)

    return _act(request, project_id, call, _("The funds were recorded."))


@login_required
@require_POST
def record_output(request: HttpRequest, project_id: int) -> HttpResponse:
    def call(project: Project, by: Any) -> object:
        form = OutputForm(request.POST)
        _valid(form)
        return services.record_output(project=project, data=form.to_data(), by=by)

    return _act(request, project_id, call, _("The output was recorded."))


@login_required
@require_POST
def rate(request: HttpRequest, project_id: int) -> HttpResponse:
    def call(project: Project, by: Any) -> object:
        data = _valid(RatingForm(request.POST))
        return services.rate_project(
            project=project, side=data["side"], score=data["score"], comment=data["comment"], by=by
        )

    return _act(request, project_id, call, _("Thank you for your rating."))
