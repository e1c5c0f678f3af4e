"""Pages of the meetings: agenda, documents and minutes, for members; documents added by coordination."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.advisory import services
from tsc_hub.advisory.access import access_document, access_meeting, require_committee
from tsc_hub.advisory.forms import DocumentForm
from tsc_hub.advisory.models import Meeting
from tsc_hub.advisory.permissions import is_coordination
from tsc_hub.advisory.views.common import domain_pages, run


@login_required
@domain_pages
def meeting_list(request: HttpRequest) -> HttpResponse:
    require_committee(request.user)
    meetings = Meeting.objects.visible_to(request.user).select_related("subcommittee")
    return render(request, "advisory/meetings.html", {"meetings": meetings})


@login_required
@domain_pages
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = access_meeting(request.user, meeting_id)
    coordination = is_coordination(request.user)
    context = {
        "meeting": meeting,
        "coordination": coordination,
        "form": DocumentForm() if coordination else None,
    }
    return render(request, "advisory/meeting.html", context)


@login_required
@require_POST
@domain_pages
def meeting_publish(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = access_meeting(request.user, meeting_id)
    user = signed_in_user(request)
    if run(request, lambda: services.publish_meeting(meeting=meeting, by=user)):
        messages.success(request, _("The meeting is published to the members."))
    return redirect("advisory:meeting", meeting.pk)


@login_required
@require_POST
@domain_pages
def document_upload(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = access_meeting(request.user, meeting_id)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        user, values = signed_in_user(request), form.cleaned_data
        done = run(
            request,
            lambda: services.add_meeting_document(
                meeting=meeting, title=values["title"], upload=values["file"], by=user
            ),
        )
        if done:
            messages.success(request, _("The document is added."))
    else:
        messages.error(request, _("The document could not be added; check the fields."))
    return redirect("advisory:meeting", meeting.pk)


@login_required
@domain_pages
def document_download(request: HttpRequest, document_id: int) -> HttpResponseBase:
    document = access_document(request.user, document_id)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.name)
