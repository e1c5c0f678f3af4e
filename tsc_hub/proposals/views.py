"""The proposal page of a request: assemble, edit, download as PDF or DOCX."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.exceptions import DomainError
from tsc_hub.proposals import services
from tsc_hub.proposals.exports import export_language, render_docx, render_pdf
from tsc_hub.proposals.forms import ProposalForm
from tsc_hub.proposals.models import Proposal

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _request_for(request: HttpRequest, request_id: int) -> AssistanceRequest:
    found = AssistanceRequest.objects.visible_to(request.user).filter(pk=request_id).first()
    if found is None or not services.may_edit(request.user, found):
        raise Http404(_("No such proposal, or you may not see it."))
    return found


@login_required
def proposal_page(request: HttpRequest, request_id: int) -> HttpResponse:
    """Show the proposal (assembling it on a POST when there is none) and its edit form."""
    target = _request_for(request, request_id)
    proposal = Proposal.objects.filter(request=target).first()
    if request.method == "POST" and proposal is None:
        try:
            services.assemble_proposal(request=target, by=signed_in_user(request))
        except DomainError as error:
            messages.error(request, str(error.message))
        return redirect("proposals:page", request_id=request_id)
    form = ProposalForm(
        request.POST or None, initial=ProposalForm.initial_from(proposal) if proposal else None
    )
    if request.method == "POST" and proposal is not None and form.is_valid():
        try:
            services.update_proposal(
                proposal=proposal,
                data=form.to_data(),
                expected_version=int(request.POST.get("version", "0") or 0),
                by=signed_in_user(request),
            )
        except DomainError as error:
            form.add_error(None, str(error.message))
            for problems in error.fields.values():
                for problem in problems:
                    form.add_error(None, problem)
        else:
            messages.success(request, _("The proposal was saved."))
            return redirect("proposals:page", request_id=request_id)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "proposals/page.html", {"target": target, "proposal": proposal, "form": form}, status=status
    )


@login_required
def download(request: HttpRequest, request_id: int, kind: str) -> HttpResponse:
    """The proposal as PDF or DOCX, headings in the reader's language."""
    target = _request_for(request, request_id)
    proposal = Proposal.objects.filter(request=target).first()
    if proposal is None or kind not in {"pdf", "docx"}:
        raise Http404(_("No such proposal, or you may not see it."))
    language = export_language(get_language(), proposal)
    content, mime = (
        (render_pdf(proposal, language), "application/pdf")
        if kind == "pdf"
        else (render_docx(proposal, language), DOCX)
    )
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="proposal-{request_id}.{kind}"'
    return response
