"""API of host selection: calls, applications, reviewers' assignments and scores, phases, the shortlist and
scenario comparison. Reads go through each model's `visible_to`; writes through the services."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from tsc_hub.accounts import policy
from tsc_hub.accounts.auth import ANYONE, SIGNED_IN, signed_in_user
from tsc_hub.accounts.models import User
from tsc_hub.core.exceptions import InvalidInput, NotFound, PermissionDenied
from tsc_hub.hosting import services
from tsc_hub.hosting.models import Application, Call, Criterion, ReviewAssignment, Score
from tsc_hub.hosting.permissions import READ_REPORT
from tsc_hub.hosting.scenarios import compare_scenarios, scenario_summary, shortlist
from tsc_hub.hosting.schemas import (
    ApplicationIn,
    ApplicationOut,
    ApplicationUpdateIn,
    AssignIn,
    AssignmentOut,
    CallDetailOut,
    CallIn,
    CallOut,
    CallUpdateIn,
    ConflictIn,
    ReasonIn,
    ScenarioIn,
    ScenarioOut,
    ScoreIn,
    ScoreOut,
    SelectionIn,
    SelectionOut,
    TransitionIn,
)
from tsc_hub.hosting.workflow import CALL_WORKFLOW

router = Router(tags=["hosting"])


def _call(request: HttpRequest, call_id: int) -> Any:
    found = Call.objects.visible_to(request.user).select_related("framework").filter(pk=call_id).first()
    if found is None:
        raise NotFound(_("No such call."))
    return found


def _detail(request: HttpRequest, call: Call) -> Call:
    criteria = Criterion.objects.filter(phase__framework=call.framework_id).select_related("phase")
    call.criteria = list(criteria)  # type: ignore[attr-defined]
    call.scale = [call.framework.scale_min, call.framework.scale_max]  # type: ignore[attr-defined]
    held = policy.roles_held_for(request.user, call)
    call.actions = CALL_WORKFLOW.actions_for(call.state, held)  # type: ignore[attr-defined]
    return call


def _application(request: HttpRequest, application_id: int) -> Any:
    found = Application.objects.visible_to(request.user).with_related().filter(pk=application_id).first()
    if found is None:
        raise NotFound(_("No such application."))
    return found


def _assignment(request: HttpRequest, assignment_id: int) -> Any:
    found = ReviewAssignment.objects.visible_to(request.user).filter(pk=assignment_id).first()
    if found is None:
        raise NotFound(_("No such assignment."))
    return found


def _coordination_call(request: HttpRequest, call_id: int) -> Any:
    call = _call(request, call_id)
    if not request.user.has_perm(READ_REPORT):
        raise PermissionDenied(_("Only coordination staff read shortlists and scenarios."))
    return call


@router.get("/calls", response=list[CallOut], auth=ANYONE, summary="Calls for hosts")
def list_calls(request: HttpRequest) -> Any:
    """Open calls for anyone; every call for coordination; the calls one applied to or reviews."""
    return Call.objects.visible_to(request.user).select_related("framework")


@router.post("/calls", response={201: CallDetailOut}, auth=SIGNED_IN, summary="Write a call (draft)")
def create_call(request: HttpRequest, payload: CallIn) -> Status[Any]:
    call = services.create_call(data=services.CallData(**payload.dict()), by=signed_in_user(request))
    return Status(201, _detail(request, _call(request, call.pk)))


@router.get("/calls/{call_id}", response=CallDetailOut, auth=ANYONE, summary="One call, with its criteria")
def get_call(request: HttpRequest, call_id: int) -> Any:
    return _detail(request, _call(request, call_id))


@router.put("/calls/{call_id}", response=CallDetailOut, auth=SIGNED_IN, summary="Change a call")
def update_call(request: HttpRequest, call_id: int, payload: CallUpdateIn) -> Any:
    """Change a draft or open call (`version` for optimistic locking; an open call keeps its kind and
    framework)."""
    values = payload.dict()
    version = values.pop("version")
    services.update_call(
        call=_call(request, call_id),
        data=services.CallData(**values),
        by=signed_in_user(request),
        version=version,
    )
    return _detail(request, _call(request, call_id))


@router.post("/calls/{call_id}/transitions", response=CallDetailOut, auth=SIGNED_IN, summary="Move a call")
def transition_call(request: HttpRequest, call_id: int, payload: TransitionIn) -> Any:
    """publish, start_review (after the deadline), close_phase1, close_phase2, cancel (with a reason)."""
    call = _call(request, call_id)
    services.transition_call(
        call=call, action=payload.action, by=signed_in_user(request), reason=payload.reason
    )
    return _detail(request, _call(request, call_id))


@router.post(
    "/calls/{call_id}/phases/{phase}/close", response=CallDetailOut, auth=SIGNED_IN, summary="Close a phase"
)
def close_phase(request: HttpRequest, call_id: int, phase: int) -> Any:
    """Aggregate the scores; phase 1 invites those at the cut-off, phase 2 draws up the shortlist."""
    if phase not in (1, 2):
        raise InvalidInput(_("A call has phases 1 and 2."), fields={"phase": [_("1 or 2.")]})
    services.close_phase(call=_call(request, call_id), phase=phase, by=signed_in_user(request))
    return _detail(request, _call(request, call_id))


@router.get(
    "/calls/{call_id}/applications",
    response=list[ApplicationOut],
    auth=SIGNED_IN,
    summary="A call's applications",
)
def list_call_applications(request: HttpRequest, call_id: int) -> Any:
    """The applications of the call the caller may see (all for coordination, their own for applicants)."""
    return Application.objects.visible_to(request.user).filter(call=_call(request, call_id)).with_related()


@router.post(
    "/calls/{call_id}/applications",
    response={201: ApplicationOut},
    auth=SIGNED_IN,
    summary="Start an application",
)
def create_application(request: HttpRequest, call_id: int, payload: ApplicationIn) -> Status[Any]:
    data = services.ApplicationData(**payload.dict())
    application = services.create_application(
        call=_call(request, call_id), data=data, by=signed_in_user(request)
    )
    return Status(201, _application(request, application.pk))


@router.get("/applications", response=list[ApplicationOut], auth=SIGNED_IN, summary="My applications")
def my_applications(request: HttpRequest) -> Any:
    """Every application the caller may see: their organisations', or those assigned to them."""
    return Application.objects.visible_to(request.user).with_related()


@router.get(
    "/applications/{application_id}", response=ApplicationOut, auth=SIGNED_IN, summary="One application"
)
def get_application(request: HttpRequest, application_id: int) -> Any:
    return _application(request, application_id)


@router.put("/applications/{application_id}", response=ApplicationOut, auth=SIGNED_IN, summary="Change it")
def update_application(request: HttpRequest, application_id: int, payload: ApplicationUpdateIn) -> Any:
    values = payload.dict()
    version = values.pop("version")
    services.update_application(
        application=_application(request, application_id),
        data=services.ApplicationData(**values),
        by=signed_in_user(request),
        version=version,
    )
    return _application(request, application_id)


@router.post(
    "/applications/{application_id}/submit", response=ApplicationOut, auth=SIGNED_IN, summary="Submit"
)
def submit_application(request: HttpRequest, application_id: int) -> Any:
    services.submit_application(application=_application(request, application_id), by=signed_in_user(request))
    return _application(request, application_id)


@router.post(
    "/applications/{application_id}/withdraw", response=ApplicationOut, auth=SIGNED_IN, summary="Withdraw"
)
def withdraw_application(request: HttpRequest, application_id: int, payload: ReasonIn) -> Any:
    application = _application(request, application_id)
    services.withdraw_application(application=application, by=signed_in_user(request), reason=payload.reason)
    return _application(request, application_id)


@router.post(
    "/applications/{application_id}/assignments",
    response={201: AssignmentOut},
    auth=SIGNED_IN,
    summary="Assign a reviewer",
)
def assign_reviewer(request: HttpRequest, application_id: int, payload: AssignIn) -> Status[Any]:
    reviewer = User.objects.filter(pk=payload.reviewer).first()
    if reviewer is None:
        raise InvalidInput(_("No such person."), fields={"reviewer": [_("Unknown.")]})
    application = _application(request, application_id)
    assignment = services.assign_reviewer(
        application=application, reviewer=reviewer, by=signed_in_user(request)
    )
    return Status(201, assignment)


@router.get("/assignments", response=list[AssignmentOut], auth=SIGNED_IN, summary="Reviewers' assignments")
def list_assignments(request: HttpRequest) -> Any:
    """The caller's own assignments (every assignment for coordination)."""
    return ReviewAssignment.objects.visible_to(request.user)


@router.post(
    "/assignments/{assignment_id}/conflict", response=AssignmentOut, auth=SIGNED_IN, summary="Declare"
)
def declare_conflict(request: HttpRequest, assignment_id: int, payload: ConflictIn) -> Any:
    """Declare a conflict of interest: the reviewer leaves the application (recorded)."""
    assignment = _assignment(request, assignment_id)
    return services.declare_conflict(assignment=assignment, reason=payload.reason, by=signed_in_user(request))


@router.delete(
    "/assignments/{assignment_id}", response={204: None}, auth=SIGNED_IN, summary="Unassign a reviewer"
)
def unassign_reviewer(request: HttpRequest, assignment_id: int) -> Status[None]:
    """Take an application from a reviewer who has not scored it, while its phase is open (coordination)."""
    services.unassign_reviewer(assignment=_assignment(request, assignment_id), by=signed_in_user(request))
    return Status(204, None)


@router.get("/assignments/{assignment_id}/scores", response=list[ScoreOut], auth=SIGNED_IN, summary="Scores")
def list_scores(request: HttpRequest, assignment_id: int) -> Any:
    """The scores of an assignment the caller may see (blind until the phase closes)."""
    assignment = _assignment(request, assignment_id)
    return (
        Score.objects.visible_to(request.user)
        .filter(assignment=assignment)
        .select_related("assignment", "criterion__phase")
    )


@router.put("/assignments/{assignment_id}/scores", response=list[ScoreOut], auth=SIGNED_IN, summary="Score")
def score_application(request: HttpRequest, assignment_id: int, payload: list[ScoreIn]) -> Any:
    """Score criteria of the phase under way, each with a reason (changes a score given before)."""
    assignment = _assignment(request, assignment_id)
    data = [services.ScoreData(item.criterion, item.value, item.reason) for item in payload]
    services.score_application(assignment=assignment, scores=data, by=signed_in_user(request))
    return Score.objects.filter(assignment=assignment).select_related("assignment", "criterion__phase")


@router.get(
    "/applications/{application_id}/scores", response=list[ScoreOut], auth=SIGNED_IN, summary="All its scores"
)
def application_scores(request: HttpRequest, application_id: int) -> Any:
    """Every score of an application the caller may see: their own, and others' once the phase closed."""
    application = _application(request, application_id)
    return (
        Score.objects.visible_to(request.user)
        .filter(assignment__application=application)
        .select_related("assignment", "criterion__phase")
    )


@router.get("/calls/{call_id}/shortlist", response=list[ApplicationOut], auth=SIGNED_IN, summary="Shortlist")
def get_shortlist(request: HttpRequest, call_id: int) -> Any:
    """The shortlisted applications per subregion, by rank (coordination staff)."""
    return shortlist(_coordination_call(request, call_id))


@router.post(
    "/calls/{call_id}/scenarios", response=list[ScenarioOut], auth=SIGNED_IN, summary="Compare scenarios"
)
def scenarios(request: HttpRequest, call_id: int, payload: ScenarioIn) -> Any:
    """Each K of `ks` solved on the shortlist; an infeasible scenario has feasible=false and its error."""
    call = _coordination_call(request, call_id)
    found = compare_scenarios(
        call=call, ks=payload.ks, max_per_subregion=payload.max_per_subregion, min_score=payload.min_score
    )
    return [scenario_summary(s) for s in found]


@router.post(
    "/calls/{call_id}/selections", response={201: SelectionOut}, auth=SIGNED_IN, summary="Record a selection"
)
def record_selection(request: HttpRequest, call_id: int, payload: SelectionIn) -> Status[Any]:
    selection = services.record_selection(
        call=_call(request, call_id),
        min_centres=payload.min_centres,
        max_per_subregion=payload.max_per_subregion,
        min_score=payload.min_score,
        note=payload.note,
        by=signed_in_user(request),
    )
    return Status(201, selection)
