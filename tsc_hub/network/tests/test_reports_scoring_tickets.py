"""Annual reports, performance scoring, the collaboration space and the global help desk."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.network import services
from tsc_hub.network.models import PerformanceCriterion, Ticket
from tsc_hub.network.services import ExchangeData, MeetingData, ScoreData

pytestmark = pytest.mark.django_db
YEAR = timezone.now().year


def test_a_report_goes_from_draft_to_published(cast, centre):
    officer, coordination = cast["officer"], cast["coordination"]
    report = services.prefill_annual_report(centre=centre, year=YEAR, by=officer)
    assert report.figures["requests_received"] == 0
    services.update_report_narrative(report=report, narrative={"fr": "Une bonne année."}, by=officer)
    report = services.transition_report(report=report, action="submit", by=officer)
    with pytest.raises(Conflict):
        services.refresh_report_figures(report=report, by=officer)
    report = services.transition_report(
        report=report, action="request_changes", by=coordination, reason="More"
    )
    services.refresh_report_figures(report=report, by=officer)
    report = services.transition_report(report=report, action="submit", by=officer)
    report = services.transition_report(report=report, action="accept", by=coordination)
    with pytest.raises(PermissionDenied):
        services.transition_report(report=report, action="publish", by=officer)
    report = services.transition_report(report=report, action="publish", by=coordination)
    assert report.state == "published"
    assert report.published_at is not None
    with pytest.raises(Conflict):
        services.update_report_narrative(report=report, narrative={"en": "x"}, by=officer)


@pytest.mark.parametrize(
    "who", ["other_officer", "coordination", "focal_point", "provider", "member", "nobody"]
)
def test_only_the_centre_files_its_report(cast, centre, who):
    with pytest.raises(PermissionDenied):
        services.prefill_annual_report(centre=centre, year=YEAR, by=cast[who])


def test_a_future_year_or_a_second_report_is_refused(cast, centre):
    with pytest.raises(InvalidInput):
        services.prefill_annual_report(centre=centre, year=YEAR + 1, by=cast["officer"])
    services.prefill_annual_report(centre=centre, year=YEAR, by=cast["officer"])
    with pytest.raises(Conflict):
        services.prefill_annual_report(centre=centre, year=YEAR, by=cast["officer"])


def _all_scores(value=4):
    return [
        ScoreData(code, value, "ok") for code in PerformanceCriterion.objects.values_list("code", flat=True)
    ]


def test_the_shipped_criteria_weigh_one_hundred():
    criteria = PerformanceCriterion.objects.all()
    assert criteria.count() == 8
    assert sum(c.weight for c in criteria) == 100
    assert all(set(c.names) == {"ar", "en", "es", "fr", "ru", "zh"} for c in criteria)


def test_scoring_is_weighted_and_a_rescore_keeps_the_former_version(cast, centre):
    scoring = services.score_centre(centre=centre, year=YEAR, scores=_all_scores(4), by=cast["coordination"])
    assert str(scoring.total) == "4.00"
    scores = _all_scores(4)
    scores[0] = ScoreData("responsiveness", 2, "slow")  # weight 20 of 100
    scoring = services.score_centre(centre=centre, year=YEAR, scores=scores, by=cast["coordination"])
    assert str(scoring.total) == "3.60"
    assert scoring.version == 2
    assert scoring.revisions.get().content["total"] == "4.00"


def test_scoring_needs_every_criterion_and_coordination(cast, centre):
    with pytest.raises(InvalidInput):
        services.score_centre(centre=centre, year=YEAR, scores=_all_scores()[:3], by=cast["coordination"])
    with pytest.raises(InvalidInput):
        services.score_centre(centre=centre, year=YEAR, scores=_all_scores(6), by=cast["coordination"])
    for who in ("officer", "admin", "other_officer", "focal_point"):
        with pytest.raises(PermissionDenied):
            services.score_centre(centre=centre, year=YEAR, scores=_all_scores(), by=cast[who])


def test_documents_are_checked_and_shared_only_for_ones_own_centre(cast, centre, andes, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    document = services.share_document(centre=centre, title="Plan", upload=pdf, by=cast["officer"])
    assert document.content_type == "application/pdf"
    fake = SimpleUploadedFile("plan.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(InvalidInput):
        services.share_document(centre=centre, title="Fake", upload=fake, by=cast["officer"])
    exe = SimpleUploadedFile("tool.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(InvalidInput):
        services.share_document(centre=centre, title="Exe", upload=exe, by=cast["officer"])
    with pytest.raises(PermissionDenied):
        services.share_document(centre=andes, title="Plan", upload=pdf, by=cast["officer"])
    with pytest.raises(PermissionDenied):
        services.delete_document(document=document, by=cast["other_officer"])
    services.delete_document(document=document, by=cast["officer"])


def test_exchanges_are_recorded_by_either_centre_or_coordination(cast, centre):
    today = datetime.date.today()
    data = ExchangeData("east-africa", "andes", {"en": "GIS toolbox"}, today, kind="tool")
    services.record_tool_exchange(data=data, by=cast["other_officer"])
    services.record_tool_exchange(data=data, by=cast["coordination"])
    for who in ("focal_point", "provider", "nobody"):
        with pytest.raises(PermissionDenied):
            services.record_tool_exchange(data=data, by=cast[who])
    with pytest.raises(InvalidInput):
        services.record_tool_exchange(
            data=ExchangeData("andes", "andes", {"en": "x"}, today), by=cast["coordination"]
        )


def test_only_coordination_records_meetings(cast, centre):
    data = MeetingData(
        {"en": "Joint annual meeting"}, datetime.date(2025, 11, 3), "Montreal", ["east-africa"]
    )
    meeting = services.record_meeting(data=data, by=cast["coordination"])
    assert list(meeting.centres.values_list("code", flat=True)) == ["east-africa"]
    with pytest.raises(PermissionDenied):
        services.record_meeting(data=data, by=cast["officer"])


def test_a_ticket_has_targets_and_is_flagged_when_late(cast, centre):
    opened = timezone.now() - datetime.timedelta(hours=30)
    ticket = services.open_ticket(
        centre=centre,
        subject="Template",
        body="Which template?",
        category="technical",
        by=cast["officer"],
        now=opened,
    )
    assert ticket.first_response_due == opened + datetime.timedelta(hours=24)
    assert services.is_overdue(ticket)
    assert list(Ticket.objects.overdue()) == [ticket]
    services.reply_to_ticket(ticket=ticket, body="Looking", by=cast["coordination"])
    ticket.refresh_from_db()
    assert ticket.first_responded_at is not None
    assert not services.is_overdue(ticket)
    ticket = services.transition_ticket(
        ticket=ticket, action="wait", by=cast["coordination"], reason="Which year?"
    )
    ticket = services.transition_ticket(ticket=ticket, action="resume", by=cast["officer"])
    ticket = services.transition_ticket(
        ticket=ticket, action="resolve", by=cast["coordination"], reason="Sent"
    )
    assert ticket.resolved_at is not None
    ticket = services.transition_ticket(ticket=ticket, action="close", by=cast["officer"])
    assert ticket.state == "closed"
    assert ticket.assignee == cast["coordination"]


@pytest.mark.parametrize("who", ["other_officer", "coordination", "focal_point", "provider", "nobody"])
def test_only_the_centres_staff_open_its_tickets(cast, centre, who):
    with pytest.raises(PermissionDenied):
        services.open_ticket(centre=centre, subject="x", body="y", category="advice", by=cast[who])


def test_other_centres_cannot_write_on_a_ticket(cast, centre):
    ticket = services.open_ticket(centre=centre, subject="x", body="y", category="advice", by=cast["officer"])
    for who in ("other_officer", "focal_point", "admin"):
        with pytest.raises(PermissionDenied):
            services.reply_to_ticket(ticket=ticket, body="hi", by=cast[who])
    with pytest.raises(PermissionDenied):
        services.transition_ticket(ticket=ticket, action="start", by=cast["officer"])
