"""Reading projects and starting one: the list, a project with its plan and outcomes, the create page."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.core.exceptions import DomainError
from tsc_hub.core.languages import content_language, pick_text
from tsc_hub.matching.models import Match
from tsc_hub.matching.states import MatchState
from tsc_hub.organisations.models import Organisation
from tsc_hub.projects import services
from tsc_hub.projects.forms import (
    CreateProjectForm,
    FundingForm,
    IndicatorForm,
    MilestoneForm,
    OutputForm,
    ProjectForm,
    RatingForm,
)
from tsc_hub.projects.models import Project
from tsc_hub.projects.states import OPEN_STATES, ProjectState
from tsc_hub.projects.workflow import ACTION_LABELS, PARTICIPANTS, PROJECT_WORKFLOW, STAFF

DETAIL = (
    "matches",
    "milestones",
    "indicators",
    "funding",
    "outputs__from_centre",
    "outputs__to_centre",
    "ratings",
)


def visible_project(request: HttpRequest, project_id: int) -> Project:
    """The project if the person may see it, else 404 (its existence is not revealed)."""
    found = (
        Project.objects.visible_to(request.user)
        .with_related()
        .select_related("request__organisation")
        .prefetch_related(*DETAIL)
        .filter(pk=project_id)
        .first()
    )
    if found is None:
        raise Http404(_("No such project, or you may not see it."))
    return found


def project_list(request: HttpRequest) -> HttpResponse:
    """The projects the person may see, optionally in one state."""
    projects = Project.objects.visible_to(request.user).with_related()
    state = request.GET.get("state", "")
    if state in ProjectState.values:
        projects = projects.filter(state=state)
    page = Paginator(projects, 25).get_page(request.GET.get("page"))
    return render(
        request, "projects/list.html", {"page": page, "state": state, "states": ProjectState.choices}
    )


def _forms(project: Project, roles: set[str]) -> dict[str, Any]:
    """The forms of the actions the person may take on the project."""
    if not roles & PARTICIPANTS or project.state not in OPEN_STATES:
        return {}
    language = content_language()
    edit = ProjectForm(
        initial={
            "language": language,
            "title": project.title.get(language, ""),
            "summary": project.summary.get(language, ""),
            "final_report": project.final_report.get(language, ""),
            "start_date": project.start_date,
            "end_date": project.end_date,
        }
    )
    initial = {"language": language}
    return {
        "edit_form": edit,
        "milestone_form": MilestoneForm(initial=initial),
        "indicator_form": IndicatorForm(initial=initial),
        "funding_form": FundingForm(),
        "output_form": OutputForm(initial=initial),
    }


def _rating_form(project: Project, roles: set[str]) -> RatingForm | None:
    if project.state != ProjectState.COMPLETED:
        return None
    rated = {rating.side for rating in project.ratings.all()}
    sides = [side for side in services.sides_of(roles) if side not in rated]
    if not sides:
        return None
    form = RatingForm(initial={"side": sides[0]})
    field: Any = form.fields["side"]
    field.choices = [(value, label) for value, label in field.choices if value in sides]
    return form


def project_detail(request: HttpRequest, project_id: int) -> HttpResponse:
    """A project: partners, plan, funds, outputs, ratings, history and what the person may do."""
    project = visible_project(request, project_id)
    roles = services.project_roles(request.user, project)
    actions = [
        (step.action, ACTION_LABELS.get(step.action, step.action), step.needs_reason)
        for step in PROJECT_WORKFLOW.from_state(project.state)
        if step.roles & roles
    ]
    context = {
        "project": project,
        "actions": actions,
        "may_plan": bool(roles & PARTICIPANTS) and project.state in OPEN_STATES,
        "total_usd": sum((f.amount_usd for f in project.funding.all()), start=Decimal("0.00")),
        "history": [
            (step, ACTION_LABELS.get(step.action, step.action))
            for step in project.transitions.select_related("by")
        ],
        "rating_form": _rating_form(project, roles),
        **_forms(project, roles),
    }
    return render(request, "projects/detail.html", context)


def _agreed_match(request: HttpRequest) -> Match:
    match_id = request.GET.get("match", "")
    found = (
        Match.objects.visible_to(request.user)
        .with_related()
        .filter(pk=int(match_id) if match_id.isdigit() else 0, state=MatchState.AGREED)
        .first()
    )
    if found is None:
        raise Http404(_("No such agreed match, or you may not see it."))
    return found


def _create(request: HttpRequest, form: CreateProjectForm) -> HttpResponse | None:
    if not form.is_valid():
        return None
    co_funder = form.cleaned_data.get("co_funder")
    partners = [services.PartnerData(organisation_id=int(co_funder), role="co_funder")] if co_funder else []
    try:
        project = services.create_project(
            match_ids=[int(pk) for pk in form.cleaned_data["matches"]],
            data=form.to_data(),
            partners=partners,
            by=signed_in_user(request),
        )
    except DomainError as error:
        form.add_error(None, str(error.message))
        for problems in error.fields.values():
            for problem in problems:
                form.add_error(None, problem)
        return None
    messages.success(request, _("The project was created."))
    return redirect("projects:detail", project_id=project.pk)


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    """The help desk starts a project from an agreed match (`?match=<id>`) and its request's other ones."""
    match = _agreed_match(request)
    if not roles_held_for(request.user, match.request) & STAFF:
        return render(request, "projects/forbidden.html", status=403)
    agreed = match.request.matches.filter(state=MatchState.AGREED).select_related("provider_organisation")
    language = content_language()
    initial = {
        "language": language,
        "title": pick_text(match.request.title, language, match.request.original_language).text,
        "matches": [str(match.pk)],
    }
    form = CreateProjectForm(
        request.POST or None, matches=agreed, organisations=Organisation.objects.all(), initial=initial
    )
    if request.method == "POST" and (response := _create(request, form)):
        return response
    return render(request, "projects/create.html", {"form": form, "match": match, "target": match.request})
