"""API of requests for assistance: the same rules as the pages, through the same services."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Router, Status, UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts.auth import ANYONE, SIGNED_IN, signed_in_user
from tsc_hub.accounts.models import User
from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance import services
from tsc_hub.assistance.filters import filter_requests
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.schemas import (
    AttachmentOut,
    ConsentIn,
    EligibilityIn,
    OfficerIn,
    OutcomeIn,
    ReassignIn,
    RequestIn,
    RequestOut,
    RequestSummaryOut,
    RequestUpdateIn,
    TrackerOut,
    TransitionIn,
)
from tsc_hub.assistance.tracking import as_dict, tracker
from tsc_hub.assistance.workflow import REQUEST_WORKFLOW
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.exceptions import InvalidInput, NotFound

router = Router(tags=["requests"])


def _get(request: HttpRequest, request_id: int) -> AssistanceRequest:
    found = (
        AssistanceRequest.objects.visible_to(request.user)
        .select_related("country", "organisation", "centre")
        .prefetch_related("assistance_types", "gbf_targets", "cbd_subjects", "beneficiary_types")
        .filter(pk=request_id)
        .first()
    )
    if found is None:
        raise NotFound(_("No such request, or you may not see it."))
    return found


def _with_actions(request: HttpRequest, record: AssistanceRequest) -> AssistanceRequest:
    roles = roles_held_for(request.user, record)
    record.allowed_actions = REQUEST_WORKFLOW.actions_for(record.state, roles)  # type: ignore[attr-defined]
    return record


@router.get("", response=list[RequestSummaryOut], auth=ANYONE, summary="Requests I may see, filtered")
@paginate(LimitOffsetPagination)
def list_requests(
    request: HttpRequest,
    state: str | None = None,
    country: str | None = None,
    centre: str | None = None,
    gbf_target: str | None = None,
    overdue: bool = False,
) -> Any:
    params = {
        "state": state,
        "country": country,
        "centre": centre,
        "gbf_target": gbf_target,
        "overdue": overdue,
    }
    return filter_requests(AssistanceRequest.objects.visible_to(request.user).for_queue(), params)


@router.get(
    "/{request_id}", response=RequestOut, auth=ANYONE, summary="One request, with the actions I may take"
)
def get_request(request: HttpRequest, request_id: int) -> Any:
    return _with_actions(request, _get(request, request_id))


@router.post("", response={201: RequestOut}, auth=SIGNED_IN, summary="Draft a request")
def create_request(request: HttpRequest, payload: RequestIn) -> Any:
    created = services.create_request(data=services.RequestData(**payload.dict()), by=signed_in_user(request))
    return Status(201, _with_actions(request, _get(request, created.pk)))


@router.put(
    "/{request_id}", response=RequestOut, auth=SIGNED_IN, summary="Change a request before acceptance"
)
def update_request(request: HttpRequest, request_id: int, payload: RequestUpdateIn) -> Any:
    values = payload.dict()
    version = values.pop("version")
    services.update_request(
        request=_get(request, request_id),
        data=services.RequestData(**values),
        expected_version=version,
        by=signed_in_user(request),
    )
    return _with_actions(request, _get(request, request_id))


@router.post("/{request_id}/transitions", response=RequestOut, auth=SIGNED_IN, summary="Take an action")
def transition(request: HttpRequest, request_id: int, payload: TransitionIn) -> Any:
    services.transition_request(
        request=_get(request, request_id),
        action=payload.action,
        reason=payload.reason,
        by=signed_in_user(request),
    )
    return _with_actions(request, _get(request, request_id))


@router.get("/{request_id}/tracker", response=TrackerOut, auth=ANYONE, summary="Where the request stands")
def get_tracker(request: HttpRequest, request_id: int) -> Any:
    return as_dict(tracker(_get(request, request_id)))


@router.post("/{request_id}/reassign", response=RequestOut, auth=SIGNED_IN, summary="Give to another centre")
def reassign(request: HttpRequest, request_id: int, payload: ReassignIn) -> Any:
    centre = None
    if payload.centre:
        centre = SupportCentre.objects.filter(code=payload.centre).first()
        if centre is None:
            raise InvalidInput(
                _("No such support centre."), fields={"centre": [_("No such support centre.")]}
            )
    services.reassign_request(
        request=_get(request, request_id), centre=centre, reason=payload.reason, by=signed_in_user(request)
    )
    return _with_actions(request, _get(request, request_id))


@router.post("/{request_id}/officer", response=RequestOut, auth=SIGNED_IN, summary="Assign an officer")
def officer(request: HttpRequest, request_id: int, payload: OfficerIn) -> Any:
    person = User.objects.filter(pk=payload.officer_id, is_active=True).first()
    if person is None:
        raise InvalidInput(_("No such person."), fields={"officer_id": [_("No such person.")]})
    services.assign_officer(request=_get(request, request_id), officer=person, by=signed_in_user(request))
    return _with_actions(request, _get(request, request_id))


@router.post(
    "/{request_id}/consent", response=RequestOut, auth=SIGNED_IN, summary="Record prior informed consent"
)
def consent(request: HttpRequest, request_id: int, payload: ConsentIn) -> Any:
    services.record_consent(
        request=_get(request, request_id), reference=payload.reference, by=signed_in_user(request)
    )
    return _with_actions(request, _get(request, request_id))


@router.post(
    "/{request_id}/outcome", response=RequestOut, auth=SIGNED_IN, summary="Record outcome and feedback"
)
def outcome(request: HttpRequest, request_id: int, payload: OutcomeIn) -> Any:
    services.record_outcome(
        request=_get(request, request_id),
        outcome=payload.outcome,
        feedback=payload.feedback,
        by=signed_in_user(request),
    )
    return _with_actions(request, _get(request, request_id))


@router.put("/{request_id}/eligibility", response=RequestOut, auth=SIGNED_IN, summary="Record the checklist")
def eligibility(request: HttpRequest, request_id: int, payload: EligibilityIn) -> Any:
    answers = {code: (answer.met, answer.note) for code, answer in payload.answers.items()}
    services.assess_eligibility(
        request=_get(request, request_id), answers=answers, by=signed_in_user(request)
    )
    return _with_actions(request, _get(request, request_id))


@router.get("/{request_id}/attachments", response=list[AttachmentOut], auth=ANYONE, summary="Attached files")
def list_attachments(request: HttpRequest, request_id: int) -> Any:
    return _get(request, request_id).attachments.all()


@router.post(
    "/{request_id}/attachments", response={201: AttachmentOut}, auth=SIGNED_IN, summary="Attach a file"
)
def attach(request: HttpRequest, request_id: int, file: File[UploadedFile]) -> Any:
    attachment = services.add_attachment(
        request=_get(request, request_id), upload=file, by=signed_in_user(request)
    )
    return Status(201, attachment)
