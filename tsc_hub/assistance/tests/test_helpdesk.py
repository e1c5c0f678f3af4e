"""The help desk's work on a request: officers, reassignment, eligibility, attachments, the tracker."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tsc_hub.assistance.models import AssistanceRequest, RequestAttachment
from tsc_hub.assistance.services import (
    add_attachment,
    assess_eligibility,
    assign_officer,
    reassign_request,
    transition_request,
)
from tsc_hub.assistance.tests.factories import make_request
from tsc_hub.assistance.tracking import tracker
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied


@pytest.fixture
def submitted(cast, institution):
    request = make_request(by=cast["focal_point"], organisation=institution)
    return transition_request(request=request, action="submit", by=cast["focal_point"])


@pytest.mark.django_db
def test_officer_assignment_needs_an_officer_of_the_centre(cast, submitted):
    with pytest.raises(InvalidInput):
        assign_officer(request=submitted, officer=cast["other_officer"], by=cast["officer"])
    assert (
        assign_officer(request=submitted, officer=cast["officer"], by=cast["officer"]).officer
        == cast["officer"]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["officer", "focal_point", "other_officer", "nobody"])
def test_only_coordination_reassigns(cast, submitted, who):
    andes = SupportCentre.objects.get(code="andes")
    with pytest.raises(PermissionDenied):
        reassign_request(request=submitted, centre=andes, reason="workload", by=cast[who])


@pytest.mark.django_db
def test_reassignment_is_kept_with_its_reason(cast, submitted):
    andes = SupportCentre.objects.get(code="andes")
    request = reassign_request(
        request=submitted, centre=andes, reason="Spanish-speaking expert", by=cast["coordination"]
    )
    assert request.centre == andes
    step = request.transitions.get(action="reassign")
    assert (step.reason, step.from_state, step.to_state) == (
        "Spanish-speaking expert",
        "endorsed",
        "endorsed",
    )


@pytest.mark.django_db
def test_priority_score_weighs_the_criteria_met(cast, submitted):
    request = assess_eligibility(
        request=submitted,
        by=cast["officer"],
        answers={
            "national-priorities": (True, "NBSAP target 6"),
            "gbf-targets": (True, ""),
            "gender": (False, ""),
        },
    )
    assert request.priority_score == round(100 * 5 / 6)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "member", "other_officer", "provider"])
def test_eligibility_is_the_help_desks_call(cast, submitted, who):
    with pytest.raises(PermissionDenied):
        assess_eligibility(request=submitted, answers={"gender": (True, "")}, by=cast[who])


@pytest.mark.django_db
def test_unknown_criteria_are_refused(cast, submitted):
    with pytest.raises(InvalidInput, match="Unknown criteria"):
        assess_eligibility(request=submitted, answers={"astrology": (True, "")}, by=cast["officer"])


@pytest.mark.django_db
def test_a_real_pdf_is_attached(cast, submitted, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("concept-note.pdf", b"%PDF-1.7 minimal", content_type="application/pdf")
    attachment = add_attachment(request=submitted, upload=upload, by=cast["member"])
    assert (attachment.content_type, attachment.size) == ("application/pdf", 16)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ....", "not accepted"),
        ("fake.pdf", b"<html>not a pdf</html>", "does not match"),
        ("photo.png", b"\xff\xd8\xff jpeg bytes", "does not match"),
    ],
)
def test_wrong_types_are_refused_and_nothing_is_stored(
    cast, submitted, settings, tmp_path, name, content, message
):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(InvalidInput, match=message):
        add_attachment(request=submitted, upload=SimpleUploadedFile(name, content), by=cast["member"])
    assert not RequestAttachment.objects.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_files_over_the_limit_are_refused(cast, submitted, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TSC_HUB_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * (1024 * 1024 + 1))
    with pytest.raises(InvalidInput, match="larger than 1 MB"):
        add_attachment(request=submitted, upload=big, by=cast["member"])


@pytest.mark.django_db
def test_tracker_counts_days_in_each_stage_and_says_who_acts_next(cast, submitted):
    now = timezone.now()
    endorse = submitted.transitions.get(action="endorse")
    type(endorse).objects.filter(request=submitted).update(at=now - datetime.timedelta(days=5))
    AssistanceRequest.objects.filter(pk=submitted.pk).update(
        state_changed_at=now - datetime.timedelta(days=5)
    )
    view = tracker(AssistanceRequest.objects.get(pk=submitted.pk), now=now)
    assert view.days_by_state["endorsed"] == pytest.approx(5, abs=0.01)
    assert "help desk" in view.next_who.lower()
    assert next(step for step in view.path if step[2] == "current")[0] == "endorsed"
