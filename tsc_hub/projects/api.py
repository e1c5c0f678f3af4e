"""API of cooperation projects: the same rules as the pages, through the same services."""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts.auth import ANYONE, SIGNED_IN, signed_in_user
from tsc_hub.core.exceptions import NotFound
from tsc_hub.matching.models import Match
from tsc_hub.projects import services
from tsc_hub.projects.models import Milestone, ProgressIndicator, Project
from tsc_hub.projects.schemas import (
    FundingIn,
    FundingOut,
    IndicatorIn,
    IndicatorOut,
    IndicatorUpdateIn,
    MilestoneIn,
    MilestoneOut,
    MilestoneUpdateIn,
    OutputIn,
    OutputOut,
    PartnerIn,
    PartnersIn,
    ProjectIn,
    ProjectOut,
    ProjectSummaryOut,
    ProjectTransitionIn,
    ProjectUpdateIn,
    RatingIn,
    RatingOut,
)
from tsc_hub.projects.workflow import PROJECT_WORKFLOW

router = Router(tags=["projects"])
DETAIL = (
    "matches",
    "milestones",
    "indicators",
    "funding",
    "outputs__from_centre",
    "outputs__to_centre",
    "ratings",
    "transitions__by",
)


def _visible(request: HttpRequest, project_id: int) -> Project:
    found = Project.objects.visible_to(request.user).select_related("request").filter(pk=project_id).first()
    if found is None:
        raise NotFound(_("No such project, or you may not see it."))
    return found


def _get(request: HttpRequest, project_id: int) -> Project:
    """The project with everything the detail shows and the actions the caller may take."""
    found = Project.objects.visible_to(request.user).with_related().prefetch_related(*DETAIL)
    project = found.filter(pk=project_id).first()
    if project is None:
        raise NotFound(_("No such project, or you may not see it."))
    roles = services.project_roles(request.user, project)
    project.allowed_actions = PROJECT_WORKFLOW.actions_for(project.state, roles)
    project.total_usd = sum((f.amount_usd for f in project.funding.all()), start=Decimal("0.00"))
    return project


def _partners(partners: list[PartnerIn]) -> list[services.PartnerData]:
    return [services.PartnerData(**partner.dict()) for partner in partners]


@router.get("", response=list[ProjectSummaryOut], auth=ANYONE, summary="Projects I may see")
@paginate(LimitOffsetPagination)
def list_projects(
    request: HttpRequest,
    state: str | None = None,
    request_id: int | None = None,
    cooperation_type: str | None = None,
) -> Any:
    projects = Project.objects.visible_to(request.user).with_related()
    if state:
        projects = projects.filter(state=state)
    if request_id:
        projects = projects.filter(request_id=request_id)
    if cooperation_type:
        projects = projects.filter(cooperation_type=cooperation_type)
    return projects


@router.get(
    "/{project_id}", response=ProjectOut, auth=ANYONE, summary="One project, with my possible actions"
)
def get_project(request: HttpRequest, project_id: int) -> Any:
    return _get(request, project_id)


@router.post("", response={201: ProjectOut}, auth=SIGNED_IN, summary="Start a project from agreed matches")
def create_project(request: HttpRequest, payload: ProjectIn) -> Any:
    values = payload.dict()
    match_ids, partners = values.pop("match_ids"), values.pop("partners")
    visible = set(
        Match.objects.visible_to(request.user).filter(pk__in=match_ids).values_list("pk", flat=True)
    )
    if visible != set(match_ids):
        raise NotFound(_("No such match, or you may not see it."))
    project = services.create_project(
        match_ids=match_ids,
        data=services.ProjectData(**values),
        partners=[services.PartnerData(**partner) for partner in partners],
        by=signed_in_user(request),
    )
    return Status(201, _get(request, project.pk))


@router.put("/{project_id}", response=ProjectOut, auth=SIGNED_IN, summary="Change texts, dates, final report")
def update_project(request: HttpRequest, project_id: int, payload: ProjectUpdateIn) -> Any:
    values = payload.dict()
    version = values.pop("version")
    services.update_project(
        project=_visible(request, project_id),
        data=services.ProjectData(**values),
        expected_version=version,
        by=signed_in_user(request),
    )
    return _get(request, project_id)


@router.put("/{project_id}/partners", response=ProjectOut, auth=SIGNED_IN, summary="Replace the partners")
def set_partners(request: HttpRequest, project_id: int, payload: PartnersIn) -> Any:
    services.set_partners(
        project=_visible(request, project_id),
        partners=_partners(payload.partners),
        expected_version=payload.version,
        by=signed_in_user(request),
    )
    return _get(request, project_id)


@router.post("/{project_id}/transitions", response=ProjectOut, auth=SIGNED_IN, summary="Take an action")
def transition(request: HttpRequest, project_id: int, payload: ProjectTransitionIn) -> Any:
    services.transition_project(
        project=_visible(request, project_id),
        action=payload.action,
        reason=payload.reason,
        by=signed_in_user(request),
    )
    return _get(request, project_id)


@router.get("/{project_id}/milestones", response=list[MilestoneOut], auth=ANYONE, summary="The milestones")
def list_milestones(request: HttpRequest, project_id: int) -> Any:
    return _visible(request, project_id).milestones.all()


@router.post(
    "/{project_id}/milestones", response={201: MilestoneOut}, auth=SIGNED_IN, summary="Add a milestone"
)
def add_milestone(request: HttpRequest, project_id: int, payload: MilestoneIn) -> Any:
    milestone = services.add_milestone(
        project=_visible(request, project_id), by=signed_in_user(request), **payload.dict()
    )
    return Status(201, milestone)


def _milestone(request: HttpRequest, project_id: int, milestone_id: int) -> Milestone:
    found = _visible(request, project_id).milestones.filter(pk=milestone_id).first()
    if found is None:
        raise NotFound(_("No such milestone."))
    return found


@router.put(
    "/{project_id}/milestones/{milestone_id}", response=MilestoneOut, auth=SIGNED_IN, summary="Change one"
)
def update_milestone(
    request: HttpRequest, project_id: int, milestone_id: int, payload: MilestoneUpdateIn
) -> Any:
    milestone = _milestone(request, project_id, milestone_id)
    return services.update_milestone(milestone=milestone, by=signed_in_user(request), **payload.dict())


@router.post(
    "/{project_id}/milestones/{milestone_id}/done", response=MilestoneOut, auth=SIGNED_IN, summary="Done"
)
def complete_milestone(request: HttpRequest, project_id: int, milestone_id: int) -> Any:
    milestone = _milestone(request, project_id, milestone_id)
    return services.complete_milestone(milestone=milestone, by=signed_in_user(request))


@router.get(
    "/{project_id}/indicators", response=list[IndicatorOut], auth=ANYONE, summary="Progress indicators"
)
def list_indicators(request: HttpRequest, project_id: int) -> Any:
    return _visible(request, project_id).indicators.all()


@router.post(
    "/{project_id}/indicators", response={201: IndicatorOut}, auth=SIGNED_IN, summary="Add an indicator"
)
def add_indicator(request: HttpRequest, project_id: int, payload: IndicatorIn) -> Any:
    indicator = services.add_indicator(
        project=_visible(request, project_id), by=signed_in_user(request), **payload.dict()
    )
    return Status(201, indicator)


@router.put(
    "/{project_id}/indicators/{indicator_id}", response=IndicatorOut, auth=SIGNED_IN, summary="Update one"
)
def update_indicator(
    request: HttpRequest, project_id: int, indicator_id: int, payload: IndicatorUpdateIn
) -> Any:
    indicator: ProgressIndicator | None = (
        _visible(request, project_id).indicators.filter(pk=indicator_id).first()
    )
    if indicator is None:
        raise NotFound(_("No such indicator."))
    return services.update_indicator(indicator=indicator, by=signed_in_user(request), **payload.dict())


@router.get("/{project_id}/funding", response=list[FundingOut], auth=ANYONE, summary="Funds mobilised")
def list_funding(request: HttpRequest, project_id: int) -> Any:
    return _visible(request, project_id).funding.all()


@router.post(
    "/{project_id}/funding", response={201: FundingOut}, auth=SIGNED_IN, summary="Record funds mobilised"
)
def record_funding(request: HttpRequest, project_id: int, payload: FundingIn) -> Any:
    record = services.record_funding(
        project=_visible(request, project_id),
        data=services.FundingData(**payload.dict()),
        by=signed_in_user(request),
    )
    return Status(201, record)


@router.get("/{project_id}/outputs", response=list[OutputOut], auth=ANYONE, summary="Outputs")
def list_outputs(request: HttpRequest, project_id: int) -> Any:
    return _visible(request, project_id).outputs.select_related("from_centre", "to_centre")


@router.post("/{project_id}/outputs", response={201: OutputOut}, auth=SIGNED_IN, summary="Record an output")
def record_output(request: HttpRequest, project_id: int, payload: OutputIn) -> Any:
    output = services.record_output(
        project=_visible(request, project_id),
        data=services.OutputData(**payload.dict()),
        by=signed_in_user(request),
    )
    return Status(201, output)


@router.get("/{project_id}/ratings", response=list[RatingOut], auth=ANYONE, summary="Ratings of both sides")
def list_ratings(request: HttpRequest, project_id: int) -> Any:
    return _visible(request, project_id).ratings.all()


@router.post(
    "/{project_id}/ratings", response={201: RatingOut}, auth=SIGNED_IN, summary="Rate a completed project"
)
def rate_project(request: HttpRequest, project_id: int, payload: RatingIn) -> Any:
    rating = services.rate_project(
        project=_visible(request, project_id), by=signed_in_user(request), **payload.dict()
    )
    return Status(201, rating)
