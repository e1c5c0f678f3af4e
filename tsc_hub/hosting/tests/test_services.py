"""Services: the call and application workflows, the deadline, conflicts of interest, closing phases."""

from decimal import Decimal

import pytest

from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.core.workflow import IllegalTransition
from tsc_hub.hosting import services
from tsc_hub.hosting.models import Application, PhaseResult, Score
from tsc_hub.hosting.tests.factories import (
    ApplicationFactory,
    CallFactory,
    application_data,
    in_days,
    pass_deadline,
    score_all,
)
from tsc_hub.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_coordination_writes_and_publishes_a_call(cast):
    data = services.CallData(
        kind="subregional",
        title={"en": "Hosts 2026", "zh": "主办方"},
        framework="subregional-hosts",
        deadline=in_days(30),
        phase1_aggregation="zscore",
    )
    call = services.create_call(data=data, by=cast["coordination"])
    assert call.state == "draft"
    services.transition_call(call=call, action="publish", by=cast["coordination"])
    call.refresh_from_db()
    assert call.state == "open"
    assert [t.action for t in call.transitions.all()] == ["publish"]
    assert AuditEvent.objects.filter(action="hosting.publish", target_id=str(call.pk)).exists()


def test_a_framework_of_the_other_kind_is_refused(cast):
    data = services.CallData(kind="subregional", title={"en": "x"}, framework="global-coordination-host",
                             deadline=in_days(3))  # fmt: skip
    with pytest.raises(InvalidInput) as error:
        services.create_call(data=data, by=cast["coordination"])
    assert "framework" in error.value.fields


@pytest.mark.parametrize("who", ["member", "reviewer", "provider", "focal_point", "officer", "nobody"])
def test_only_coordination_creates_calls(cast, who):
    data = services.CallData(kind="subregional", title={"en": "x"}, framework="subregional-hosts",
                             deadline=in_days(3))  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.create_call(data=data, by=cast[who])


def test_a_member_drafts_edits_and_submits_before_the_deadline(cast, institution, call):
    member = cast["member"]
    application = services.create_application(call=call, data=application_data(institution), by=member)
    assert application.state == "draft"
    services.update_application(
        application=application, data=application_data(institution, mandate="Changed."), by=member, version=1
    )
    services.submit_application(application=application, by=member)
    application.refresh_from_db()
    assert (application.state, application.mandate, application.version) == ("submitted", "Changed.", 2)
    assert sorted(p.pk for p in application.parties_served.all()) == ["ke", "tz", "ug"]
    # Still editable until the deadline.
    services.update_application(application=application, data=application_data(institution), by=member)


def test_after_the_deadline_nothing_is_submitted_or_changed(cast, institution, call):
    member = cast["member"]
    application = services.create_application(call=call, data=application_data(institution), by=member)
    pass_deadline(call)
    with pytest.raises(Conflict) as error:
        services.submit_application(application=application, by=member)
    assert error.value.code == "deadline_passed"
    with pytest.raises(Conflict):
        services.update_application(application=application, data=application_data(institution), by=member)
    with pytest.raises(Conflict):
        services.create_application(call=call, data=application_data(institution), by=member)


def test_phase1_starts_only_after_the_deadline(cast, call):
    with pytest.raises(Conflict) as error:
        services.transition_call(call=call, action="start_review", by=cast["coordination"])
    assert error.value.code == "deadline_not_passed"
    pass_deadline(call)
    assert (
        services.transition_call(call=call, action="start_review", by=cast["coordination"]).state == "phase1"
    )


@pytest.mark.parametrize("who", ["other_member", "provider", "focal_point", "officer", "reviewer"])
def test_only_members_of_the_organisation_apply_for_it(cast, institution, call, who):
    with pytest.raises(PermissionDenied):
        services.create_application(call=call, data=application_data(institution), by=cast[who])


def test_an_incomplete_application_cannot_be_submitted(cast, institution, call):
    data = application_data(institution, mandate="", parties_served=[])
    application = services.create_application(call=call, data=data, by=cast["member"])
    with pytest.raises(InvalidInput) as error:
        services.submit_application(application=application, by=cast["member"])
    assert set(error.value.fields) == {"mandate", "parties_served"}


def test_a_subregional_application_names_its_subregion_and_known_parties(cast, institution, call):
    data = application_data(
        institution, subregion=None, parties_served=["ke", "xx"], capacities={"magic": "x"}
    )
    with pytest.raises(InvalidInput) as error:
        services.create_application(call=call, data=data, by=cast["member"])
    assert set(error.value.fields) == {"subregion", "parties_served", "capacities"}


def test_applying_twice_for_one_subregion_is_refused(cast, institution, call):
    services.create_application(call=call, data=application_data(institution), by=cast["member"])
    with pytest.raises(Conflict):
        services.create_application(call=call, data=application_data(institution), by=cast["member"])


def test_submitting_twice_is_rejected(cast, submitted):
    with pytest.raises(IllegalTransition):
        services.submit_application(application=submitted, by=cast["member"])


def test_documents_are_checked(cast, submitted):
    from django.core.files.uploadedfile import SimpleUploadedFile

    ok = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 letter", content_type="application/pdf")
    document = services.add_document(application=submitted, upload=ok, by=cast["member"])
    assert (document.name, document.content_type) == ("letter.pdf", "application/pdf")
    fake = SimpleUploadedFile("letter.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(InvalidInput):
        services.add_document(application=submitted, upload=fake, by=cast["member"])
    with pytest.raises(PermissionDenied):
        services.add_document(application=submitted, upload=ok, by=cast["other_member"])


def _start(call, coordination):
    pass_deadline(call)
    return services.transition_call(call=call, action="start_review", by=coordination)


def test_reviewers_are_assigned_by_coordination_only(cast, submitted, reviewers):
    with pytest.raises(PermissionDenied):
        services.assign_reviewer(application=submitted, reviewer=reviewers[0], by=cast["reviewer"])
    with pytest.raises(InvalidInput):
        services.assign_reviewer(application=submitted, reviewer=cast["provider"], by=cast["coordination"])
    services.assign_reviewer(application=submitted, reviewer=reviewers[0], by=cast["coordination"])
    with pytest.raises(Conflict):
        services.assign_reviewer(application=submitted, reviewer=reviewers[0], by=cast["coordination"])


def test_a_declared_conflict_removes_the_reviewer_and_their_scores(cast, submitted, reviewers, call):
    coordination = cast["coordination"]
    first = services.assign_reviewer(application=submitted, reviewer=reviewers[0], by=coordination)
    second = services.assign_reviewer(application=submitted, reviewer=reviewers[1], by=coordination)
    _start(call, coordination)
    score_all(first, 1, phase=1)
    with pytest.raises(InvalidInput):
        services.declare_conflict(assignment=first, reason=" ", by=reviewers[0])
    with pytest.raises(PermissionDenied):
        services.declare_conflict(assignment=first, reason="Mine", by=reviewers[1])
    services.declare_conflict(assignment=first, reason="I advised this organisation.", by=reviewers[0])
    first.refresh_from_db()
    assert first.conflict_reason == "I advised this organisation."
    assert AuditEvent.objects.filter(action="hosting.declare_conflict").count() == 1
    with pytest.raises(PermissionDenied):
        score_all(first, 5, phase=1)
    with pytest.raises(Conflict):  # cannot be assigned again
        services.assign_reviewer(application=submitted, reviewer=reviewers[0], by=coordination)
    score_all(second, 4, phase=1)
    services.close_phase(call=call, phase=1, by=coordination)
    submitted.refresh_from_db()
    assert submitted.phase1_score == Decimal("80.00")  # only the second reviewer's 4 of 5 counts
    assert submitted.state == "invited"


def test_scores_need_a_reason_a_known_criterion_and_the_scale(cast, submitted, reviewers, call):
    assignment = services.assign_reviewer(
        application=submitted, reviewer=reviewers[0], by=cast["coordination"]
    )
    with pytest.raises(Conflict):  # not in phase 1 yet
        score_all(assignment, 3, phase=1)
    _start(call, cast["coordination"])
    bad = [services.ScoreData("mandate", 6, "Too high"), services.ScoreData("expertise", 3, ""),
           services.ScoreData("nonsense", 3, "x")]  # fmt: skip
    for item in bad:
        with pytest.raises(InvalidInput):
            services.score_application(assignment=assignment, scores=[item], by=reviewers[0])
    with pytest.raises(PermissionDenied):
        services.score_application(
            assignment=assignment, scores=[services.ScoreData("mandate", 3, "ok")], by=reviewers[1]
        )
    services.score_application(
        assignment=assignment, scores=[services.ScoreData("mandate", "3.5", "ok")], by=reviewers[0]
    )
    assert Score.objects.get().value == Decimal("3.50")


def test_a_phase_closes_only_when_every_application_is_fully_scored(cast, submitted, reviewers, call):
    assignment = services.assign_reviewer(
        application=submitted, reviewer=reviewers[0], by=cast["coordination"]
    )
    _start(call, cast["coordination"])
    services.score_application(
        assignment=assignment, scores=[services.ScoreData("mandate", 3, "ok")], by=reviewers[0]
    )
    with pytest.raises(Conflict) as error:
        services.close_phase(call=call, phase=1, by=cast["coordination"])
    assert error.value.code == "scores_missing"
    with pytest.raises(PermissionDenied):
        services.close_phase(call=call, phase=1, by=cast["reviewer"])
    with pytest.raises(IllegalTransition):
        services.close_phase(call=call, phase=2, by=cast["coordination"])


def _organisation_application(call, cast, subregion="eastern-southern-africa", parties=("ke",)):
    organisation = OrganisationFactory()
    application = ApplicationFactory(call=call, organisation=organisation, parties_served=list(parties))
    if subregion != "eastern-southern-africa":
        from tsc_hub.centres.models import Subregion

        Application.objects.filter(pk=application.pk).update(subregion=Subregion.objects.get(code=subregion))
    Application.objects.filter(pk=application.pk).update(state="submitted")
    application.refresh_from_db()
    return application


def test_cut_offs_invite_then_shortlist_per_subregion(cast, reviewers, call):
    coordination = cast["coordination"]
    # Phase 1 cut-off 60: mean of two reviewers, every criterion alike → 100 · mean / 5.
    marks = {"a": (4, 2), "b": (3, 2), "c": (5, 5), "d": (4, 4)}  # 60 (at the cut-off), 50, 100, 80
    apps = {key: _organisation_application(call, cast) for key in "abc"}
    apps["d"] = _organisation_application(call, cast, subregion="south-america", parties=("co", "pe"))
    assignments = {}
    for key, application in apps.items():
        assignments[key] = [
            services.assign_reviewer(application=application, reviewer=r, by=coordination)
            for r in reviewers[:2]
        ]
    _start(call, coordination)
    for key, (one, two) in marks.items():
        score_all(assignments[key][0], one, 1)
        score_all(assignments[key][1], two, 1)
    services.close_phase(call=call, phase=1, by=coordination)
    states = {key: Application.objects.get(pk=a.pk) for key, a in apps.items()}
    assert {k: (a.state, a.phase1_score) for k, a in states.items()} == {
        "a": ("invited", Decimal("60.00")),
        "b": ("not_invited", Decimal("50.00")),
        "c": ("invited", Decimal("100.00")),
        "d": ("invited", Decimal("80.00")),
    }
    assert PhaseResult.objects.filter(application=apps["a"]).count() == 5
    # Phase 2 cut-off 50: a scores 2.5 → 50 (shortlisted, at the cut-off), c 2 → 40, d 4.5 → 90.
    for key, mark in {"a": 2.5, "c": 2, "d": 4.5}.items():
        for assignment in assignments[key]:
            score_all(assignment, mark, 2)
    services.close_phase(call=call, phase=2, by=coordination)
    final = {key: Application.objects.get(pk=a.pk) for key, a in apps.items()}
    assert {k: (a.state, a.phase2_score, a.rank) for k, a in final.items() if k != "b"} == {
        "a": ("shortlisted", Decimal("50.00"), 1),
        "c": ("not_shortlisted", Decimal("40.00"), 2),
        "d": ("shortlisted", Decimal("90.00"), 1),
    }
    call.refresh_from_db()
    assert call.state == "closed"


def test_z_score_aggregation_when_the_call_asks_for_it(cast, reviewers):
    call = CallFactory(phase1_aggregation="zscore")
    coordination = cast["coordination"]
    x, y, z = (_organisation_application(call, cast) for _ in range(3))
    harsh = [services.assign_reviewer(application=a, reviewer=reviewers[0], by=coordination) for a in (x, y)]
    lenient = [
        services.assign_reviewer(application=a, reviewer=reviewers[1], by=coordination) for a in (y, z)
    ]
    _start(call, coordination)
    score_all(harsh[0], 1, 1)
    score_all(harsh[1], 3, 1)
    score_all(lenient[0], 5, 1)
    score_all(lenient[1], 3, 1)
    services.close_phase(call=call, phase=1, by=coordination)
    # As in test_aggregation: X and Z → 100 · (3 − √2) / 5 = 31.72, Y → 88.28 (see docs/hosting.md).
    scores = [Application.objects.get(pk=a.pk).phase1_score for a in (x, y, z)]
    assert scores == [Decimal("31.72"), Decimal("88.28"), Decimal("31.72")]


def test_withdrawing_and_cancelling(cast, submitted, call):
    services.withdraw_application(application=submitted, by=cast["member"], reason="Changed our plans")
    submitted.refresh_from_db()
    assert submitted.state == "withdrawn"
    with pytest.raises(InvalidInput):
        services.transition_call(call=call, action="cancel", by=cast["coordination"])
    services.transition_call(call=call, action="cancel", by=cast["coordination"], reason="No budget")
    call.refresh_from_db()
    assert call.state == "cancelled"
