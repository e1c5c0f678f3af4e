"""Pages of the meetings: agenda, documents and minutes, for members; the coordination records meetings,
publishes them, adds documents and publishes the minutes."""

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
from tsc_hub.advisory.forms import DocumentForm, MeetingForm, MinutesForm
from tsc_hub.advisory.models import Meeting
from tsc_hub.advisory.permissions import is_coordination
from tsc_hub.advisory.services import MeetingData
from tsc_hub.advisory.views.common import domain_pages, require_coordination, run, run_form
from tsc_hub.core.languages import content_language


@login_required
@domain_pages
def meeting_list(request: HttpRequest) -> HttpResponse:
    require_committee(request.user)
    meetings = Meeting.objects.visible_to(request.user).select_related("subcommittee")
    context = {"meetings": meetings, "coordination": is_coordination(request.user)}
    return render(request, "advisory/meetings.html", context)


@login_required
@domain_pages
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_page(request, access_meeting(request.user, meeting_id))


def _meeting_page(
    request: HttpRequest, meeting: Meeting, minutes_form: MinutesForm | None = None, status: int = 200
) -> HttpResponse:
    coordination = is_coordination(request.user)
    language = content_language()
    context = {
        "meeting": meeting,
        "coordination": coordination,
        "form": DocumentForm() if coordination else None,
        "minutes_form": (minutes_form or MinutesForm(initial={"minutes": meeting.minutes.get(language, "")}))
        if coordination
        else None,
    }
    return render(request, "advisory/meeting.html", context, status=status)


@login_required
@domain_pages
def meeting_create(request: HttpRequest) -> HttpResponse:
    """Record a meeting of the committee or of a subcommittee, with its agenda (one item a line)."""
    require_coordination(request.user)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values, language = form.cleaned_data, content_language()
        data = MeetingData(
            title={language: values["title"]},
            date=values["date"],
            place=values["place"],
            online=values["online"],
            subcommittee=values["subcommittee"],
            agenda=[{language: item} for item in form.agenda_items()],
        )
        by = signed_in_user(request)
        meeting = run_form(form, lambda: services.record_meeting(data=data, by=by))
        if meeting is not None:
            messages.success(request, _("The meeting is recorded; publish it when the members may see it."))
            return redirect("advisory:meeting", meeting.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "advisory/meeting_form.html", {"form": form}, status=status)


@login_required
@require_POST
@domain_pages
def minutes_publish(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Write the report of the meeting in the page's language and publish it with the meeting."""
    require_coordination(request.user)
    meeting = access_meeting(request.user, meeting_id)
    form = MinutesForm(request.POST)
    if form.is_valid():
        minutes = {**meeting.minutes, content_language(): form.cleaned_data["minutes"]}
        by = signed_in_user(request)
        done = run_form(form, lambda: services.publish_minutes(meeting=meeting, minutes=minutes, by=by))
        if done is not None:
            messages.success(request, _("The report of the meeting is published to the members."))
            return redirect("advisory:meeting", meeting.pk)
    meeting.refresh_from_db()
    return _meeting_page(request, meeting, form, status=400)


@login_required
@require_POST
@domain_pages
def meeting_publish(request: HttpRequest, meeting_id: int) -> HttpResponse:
    require_coordination(request.user)
    meeting = access_meeting(request.user, meeting_id)
    user = signed_in_user(request)
    if run(request, lambda: services.publish_meeting(meeting=meeting, by=user)):
        messages.success(request, _("The meeting is published to the members."))
    return redirect("advisory:meeting", meeting.pk)


@login_required
@require_POST
@domain_pages
def document_upload(request: HttpRequest, meeting_id: int) -> HttpResponse:
    require_coordination(request.user)
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
