"""API of proposals: assemble, read, edit (with version), download."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Status

from tsc_hub.accounts.auth import SIGNED_IN, signed_in_user
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.exceptions import NotFound
from tsc_hub.proposals import services
from tsc_hub.proposals.exports import export_language, render_docx, render_pdf
from tsc_hub.proposals.models import Proposal
from tsc_hub.proposals.schemas import ProposalIn, ProposalOut

router = Router(tags=["proposals"], auth=SIGNED_IN)


def _request(request: HttpRequest, request_id: int) -> AssistanceRequest:
    found = AssistanceRequest.objects.visible_to(request.user).filter(pk=request_id).first()
    if found is None or not services.may_edit(request.user, found):
        raise NotFound(_("No such proposal, or you may not see it."))
    return found


def _proposal(request: HttpRequest, request_id: int) -> Proposal:
    proposal = Proposal.objects.filter(request=_request(request, request_id)).first()
    if proposal is None:
        raise NotFound(_("No such proposal, or you may not see it."))
    return proposal


@router.post(
    "/{request_id}", response={201: ProposalOut}, summary="Assemble the proposal of a matched request"
)
def assemble(request: HttpRequest, request_id: int) -> Any:
    return Status(
        201, services.assemble_proposal(request=_request(request, request_id), by=signed_in_user(request))
    )


@router.get("/{request_id}", response=ProposalOut, summary="The proposal of a request")
def get_proposal(request: HttpRequest, request_id: int) -> Any:
    return _proposal(request, request_id)


@router.put(
    "/{request_id}", response=ProposalOut, summary="Change the proposal (send the version you edited)"
)
def put_proposal(request: HttpRequest, request_id: int, payload: ProposalIn) -> Any:
    values = payload.dict()
    version = values.pop("version")
    return services.update_proposal(
        proposal=_proposal(request, request_id),
        data=services.ProposalData(**values),
        expected_version=version,
        by=signed_in_user(request),
    )


@router.get("/{request_id}/pdf", summary="The proposal as PDF, headings in the request's language")
def pdf(request: HttpRequest, request_id: int) -> HttpResponse:
    proposal = _proposal(request, request_id)
    return HttpResponse(
        render_pdf(proposal, export_language(get_language(), proposal)), content_type="application/pdf"
    )


@router.get("/{request_id}/docx", summary="The proposal as DOCX, headings in the request's language")
def docx(request: HttpRequest, request_id: int) -> HttpResponse:
    proposal = _proposal(request, request_id)
    content = render_docx(proposal, export_language(get_language(), proposal))
    return HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
