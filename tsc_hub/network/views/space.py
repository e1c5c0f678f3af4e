"""Pages of the collaboration space (centre staff and coordination only) and of performance scoring."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.centres.models import SupportCentre
from tsc_hub.network import services
from tsc_hub.network.access import require_space
from tsc_hub.network.forms import DocumentForm, ExchangeForm, MeetingForm
from tsc_hub.network.models import (
    JointMeeting,
    PerformanceCriterion,
    PerformanceScoring,
    SharedDocument,
    Ticket,
    ToolExchange,
)
from tsc_hub.network.permissions import is_coordination, reads_all
from tsc_hub.network.services import ExchangeData, MeetingData, ScoreData
from tsc_hub.network.views.common import domain_pages, forbidden, my_centres, run


@login_required
@domain_pages
def space(request: HttpRequest) -> HttpResponse:
    """Documents, exchanges, meetings and the forms to add them."""
    require_space(request.user)
    centres = my_centres(request.user)
    every = list(SupportCentre.objects.order_by("code"))
    context = {
        "documents": SharedDocument.objects.visible_to(request.user).select_related("centre", "meeting")[:50],
        "exchanges": ToolExchange.objects.visible_to(request.user).select_related("from_centre", "to_centre")[
            :50
        ],
        "meetings": JointMeeting.objects.visible_to(request.user)[:20],
        "document_form": DocumentForm(centres=centres) if centres else None,
        "exchange_form": ExchangeForm(centres=every),
        "meeting_form": MeetingForm() if is_coordination(request.user) else None,
        "open_tickets": Ticket.objects.visible_to(request.user).open().count(),
    }
    return render(request, "network/space.html", context)


@login_required
@require_POST
@domain_pages
def document_upload(request: HttpRequest) -> HttpResponse:
    require_space(request.user)
    centres = my_centres(request.user)
    form = DocumentForm(request.POST, request.FILES, centres=centres)
    if form.is_valid():
        centre = next(c for c in centres if str(c.pk) == form.cleaned_data["centre"])
        user, values = signed_in_user(request), form.cleaned_data
        done = run(
            request,
            lambda: services.share_document(
                centre=centre, title=values["title"], upload=values["file"], by=user
            ),
        )
        if done:
            messages.success(request, _("The document is shared with the network."))
    else:
        messages.error(request, _("The document could not be shared; check the fields."))
    return redirect("network:space")


@login_required
@domain_pages
def document_download(request: HttpRequest, document_id: int) -> HttpResponseBase:
    require_space(request.user)
    document = SharedDocument.objects.visible_to(request.user).filter(pk=document_id).first()
    if document is None:
        raise Http404("no such document")
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.name)


@login_required
@require_POST
@domain_pages
def exchange_record(request: HttpRequest) -> HttpResponse:
    require_space(request.user)
    form = ExchangeForm(request.POST, centres=list(SupportCentre.objects.all()))
    if form.is_valid():
        v = form.cleaned_data
        data = ExchangeData(
            v["from_centre"], v["to_centre"], {v["language"]: v["title"]}, v["date"], v["kind"]
        )
        data.link = v["link"] or ""
        user = signed_in_user(request)
        if run(request, lambda: services.record_tool_exchange(data=data, by=user)):
            messages.success(request, _("The exchange is recorded."))
    else:
        messages.error(request, _("The exchange could not be recorded; check the fields."))
    return redirect("network:space")


@login_required
@require_POST
@domain_pages
def meeting_record(request: HttpRequest) -> HttpResponse:
    require_space(request.user)
    form = MeetingForm(request.POST)
    if form.is_valid():
        v = form.cleaned_data
        lang = v["language"]
        data = MeetingData(
            title={lang: v["title"]},
            date=v["date"],
            place=v["place"],
            centres=list(SupportCentre.objects.values_list("code", flat=True)),
            participants=v["participants"].splitlines(),
            agenda={lang: v["agenda"]},
            minutes={lang: v["minutes"]},
        )
        user = signed_in_user(request)
        if run(request, lambda: services.record_meeting(data=data, by=user)):
            messages.success(request, _("The meeting is recorded."))
    else:
        messages.error(request, _("The meeting could not be recorded; check the fields."))
    return redirect("network:space")


@login_required
@domain_pages
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    require_space(request.user)
    meeting = JointMeeting.objects.visible_to(request.user).filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404("no such meeting")
    return render(request, "network/meeting.html", {"meeting": meeting})


@login_required
@domain_pages
def scorings(request: HttpRequest) -> HttpResponse:
    """The scorings the person may see; coordination staff score a centre for a year here."""
    visible = PerformanceScoring.objects.visible_to(request.user).select_related("centre")
    if not reads_all(request.user) and not my_centres(request.user):
        return forbidden(
            request, _("Performance scores are for the coordination entity and the centre scored.")
        )
    context = {
        "scorings": visible,
        "can_score": is_coordination(request.user),
        "centres": SupportCentre.objects.order_by("code"),
        "year": timezone.now().year - 1,
    }
    return render(request, "network/scorings.html", context)


@login_required
@domain_pages
def score(request: HttpRequest, centre_code: str, year: int) -> HttpResponse:
    """Coordination staff score one centre for one year on every criterion."""
    if not is_coordination(request.user):
        return forbidden(request, _("Only the coordination entity scores the centres."))
    centre = SupportCentre.objects.filter(code=centre_code).first()
    if centre is None:
        raise Http404("no such centre")
    criteria = list(PerformanceCriterion.objects.filter(active=True))
    current = PerformanceScoring.objects.filter(centre=centre, year=year).first()
    given = {s.criterion_id: s for s in current.scores.all()} if current else {}
    if request.method == "POST":
        scores = [
            ScoreData(
                c.code, request.POST.get(f"score-{c.code}", ""), request.POST.get(f"comment-{c.code}", "")
            )
            for c in criteria
        ]
        user, comment = signed_in_user(request), request.POST.get("comment", "")
        done = run(
            request,
            lambda: services.score_centre(centre=centre, year=year, scores=scores, by=user, comment=comment),
        )
        if done:
            messages.success(request, _("Saved."))
            return redirect("network:scorings")
    rows = [{"criterion": c, "given": given.get(c.pk)} for c in criteria]
    context = {"centre": centre, "year": year, "rows": rows, "current": current}
    return render(request, "network/score.html", context)


@login_required
@domain_pages
def score_revisions(request: HttpRequest, centre_code: str, year: int) -> HttpResponse:
    """A centre's scoring for a year with every former version (coordination and the centre's staff)."""
    scoring = (
        PerformanceScoring.objects.visible_to(request.user)
        .select_related("centre", "scored_by")
        .filter(centre__code=centre_code, year=year)
        .first()
    )
    if scoring is None:
        raise Http404(_("No such scoring, or you may not see it."))
    names = {c.code: c for c in PerformanceCriterion.objects.all()}
    current = {
        "version": scoring.version,
        "total": scoring.total,
        "comment": scoring.comment,
        "by": scoring.scored_by,
        "at": scoring.scored_at,
        "scores": [(s.criterion, s.score, s.comment) for s in scoring.scores.select_related("criterion")],
    }
    revisions = [
        {
            "version": revision.version,
            "total": revision.content.get("total", ""),
            "comment": revision.content.get("comment", ""),
            "by": revision.by,
            "at": revision.at,
            "scores": [
                (names.get(code, code), value, note)
                for code, (value, note) in revision.content.get("scores", {}).items()
            ],
        }
        for revision in scoring.revisions.select_related("by")
    ]
    context = {
        "scoring": scoring,
        "versions": [current, *revisions],
        "can_score": is_coordination(request.user),
    }
    return render(request, "network/score_revisions.html", context)
