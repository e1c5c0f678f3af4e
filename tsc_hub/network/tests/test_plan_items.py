"""Changing one part of a work plan on its pages: an outcome, its activities (with budget) and indicators.
Only the centre's staff, while the plan is a draft or has changes requested."""

from decimal import Decimal

import pytest

from tsc_hub.core.models import AuditEvent
from tsc_hub.network import services
from tsc_hub.network.models import PerformanceIndicator, PlanActivity, PlanOutcome, WorkPlan
from tsc_hub.network.tests.conftest import OUTSIDERS
from tsc_hub.network.tests.factories import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(cast, centre):
    return make_plan(centre, by=cast["officer"])


def _parts(plan):
    outcome = plan.outcomes.get()
    return outcome, list(outcome.activities.all()), outcome.indicators.get()


def _content(plan):
    fresh = WorkPlan.objects.get(pk=plan.pk)
    return fresh.version, services.plan_data_of(fresh)


def _item_events():
    return AuditEvent.objects.filter(
        action__regex=r"^network\.(update|remove|add)_(outcome|activity|indicator)$"
    )


def _requests(plan):
    """Every new page of the plan, with what a POST to it sends."""
    outcome, activities, indicator = _parts(plan)
    base = f"/en/network/plans/{plan.pk}"
    activity = {"language": "en", "activity": "X", "budget_amount": "1", "budget_currency": "USD"}
    measure = {"language": "en", "indicator": "X", "unit": "", "baseline": "0", "target": "1"}
    return [
        (f"{base}/outcomes/{outcome.pk}/", {"language": "en", "outcome": "X"}),
        (f"{base}/outcomes/{outcome.pk}/activities/", activity),
        (f"{base}/outcomes/{outcome.pk}/indicators/", measure),
        (f"{base}/activities/{activities[0].pk}/", activity),
        (f"{base}/indicators/{indicator.pk}/", measure),
        (f"{base}/activities/{activities[0].pk}/remove/", {}),
        (f"{base}/indicators/{indicator.pk}/remove/", {}),
        (f"{base}/outcomes/{outcome.pk}/remove/", {}),
    ]


def test_the_centre_changes_an_outcome_in_another_language(client, cast, plan):
    outcome, _activities, _indicator = _parts(plan)
    client.force_login(cast["officer"])
    page = client.get(f"/en/network/plans/{plan.pk}/").content.decode()
    assert f'id="edit-outcome-{outcome.pk}"' in page
    assert f'id="add-activity-{outcome.pk}"' in page
    url = f"/en/network/plans/{plan.pk}/outcomes/{outcome.pk}/"
    assert "Parties use DNA barcoding" in client.get(url).content.decode()
    response = client.post(url, {"language": "fr", "outcome": "Les Parties utilisent le barcoding"})
    assert response.status_code == 302
    outcome.refresh_from_db()
    assert outcome.title == {"en": "Parties use DNA barcoding", "fr": "Les Parties utilisent le barcoding"}
    assert WorkPlan.objects.get(pk=plan.pk).version == 2
    event = _item_events().get()
    assert (event.action, event.actor, event.target_id) == (
        "network.update_outcome",
        cast["officer"],
        str(plan.pk),
    )


def test_the_centre_adds_changes_and_removes_activities(client, cast, plan):
    outcome, activities, _indicator = _parts(plan)
    client.force_login(cast["officer"])
    base = f"/en/network/plans/{plan.pk}"
    form = {"language": "en", "activity": "Field guide", "budget_amount": "300", "budget_currency": "kes"}
    assert client.post(f"{base}/outcomes/{outcome.pk}/activities/", form).status_code == 302
    added = PlanActivity.objects.get(title={"en": "Field guide"})
    assert (added.outcome, added.position, added.budget_amount, added.budget_currency) == (
        outcome,
        2,
        Decimal("300.00"),
        "KES",
    )
    changed = {"language": "en", "activity": "Regional training, two weeks", "budget_amount": "",
               "budget_currency": "EUR"}  # fmt: skip
    assert client.post(f"{base}/activities/{activities[0].pk}/", changed).status_code == 302
    activities[0].refresh_from_db()
    assert (activities[0].title, activities[0].budget_amount, activities[0].budget_currency) == (
        {"en": "Regional training, two weeks"},
        None,
        "EUR",
    )
    assert client.post(f"{base}/activities/{activities[1].pk}/remove/").status_code == 302
    assert [a.title["en"] for a in outcome.activities.all()] == [
        "Regional training, two weeks",
        "Field guide",
    ]
    assert WorkPlan.objects.get(pk=plan.pk).version == 4
    assert [e.action for e in _item_events().order_by("id")] == [
        "network.add_activity",
        "network.update_activity",
        "network.remove_activity",
    ]


def test_the_centre_adds_changes_and_removes_indicators_and_outcomes(client, cast, plan):
    outcome, _activities, indicator = _parts(plan)
    client.force_login(cast["officer"])
    base = f"/en/network/plans/{plan.pk}"
    form = {"language": "en", "indicator": "Barcodes published", "unit": "records", "baseline": "10",
            "target": "500"}  # fmt: skip
    assert client.post(f"{base}/outcomes/{outcome.pk}/indicators/", form).status_code == 302
    added = PerformanceIndicator.objects.get(name={"en": "Barcodes published"})
    assert (added.unit, added.baseline, added.target, added.position) == ("records", 10, 500, 1)
    form = {"language": "en", "indicator": "People trained", "unit": "women and men", "baseline": "5",
            "target": "80"}  # fmt: skip
    assert client.post(f"{base}/indicators/{indicator.pk}/", form).status_code == 302
    indicator.refresh_from_db()
    assert (indicator.unit, indicator.baseline, indicator.target) == ("women and men", 5, 80)
    assert client.post(f"{base}/indicators/{added.pk}/remove/").status_code == 302
    assert list(outcome.indicators.all()) == [indicator]
    assert client.post(f"{base}/outcomes/{outcome.pk}/remove/").status_code == 302
    assert not PlanOutcome.objects.filter(plan=plan).exists()
    assert not PlanActivity.objects.filter(outcome__plan=plan).exists()
    assert WorkPlan.objects.get(pk=plan.pk).version == 5


def test_a_wrong_activity_is_refused_in_the_readers_language(client, cast, plan):
    outcome, _activities, _indicator = _parts(plan)
    before = _content(plan)
    client.force_login(cast["officer"])
    url = f"/fr/network/plans/{plan.pk}/outcomes/{outcome.pk}/activities/"
    response = client.post(
        url, {"language": "en", "activity": "", "budget_amount": "-5", "budget_currency": "USD"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ce champ est obligatoire." in page
    assert "supérieure ou égale à 0" in page
    response = client.post(
        url, {"language": "en", "activity": "A", "budget_amount": "1", "budget_currency": "U1"}
    )
    assert response.status_code == 400
    assert "ISO 4217" in response.content.decode()
    assert _content(plan) == before
    assert not _item_events().exists()


def test_a_wrong_indicator_or_outcome_is_refused_in_the_readers_language(client, cast, plan):
    outcome, _activities, indicator = _parts(plan)
    before = _content(plan)
    client.force_login(cast["officer"])
    base = f"/fr/network/plans/{plan.pk}"
    response = client.post(
        f"{base}/indicators/{indicator.pk}/",
        {"language": "en", "indicator": "X", "baseline": "", "target": "x"},
    )
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.content.decode()
    assert "Saisissez un nombre." in response.content.decode()
    response = client.post(f"{base}/outcomes/{outcome.pk}/", {"language": "en", "outcome": ""})
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.content.decode()
    assert _content(plan) == before
    assert not _item_events().exists()


@pytest.mark.parametrize("state", ["submitted", "approved"])
def test_a_plan_the_centre_no_longer_holds_cannot_be_changed(client, cast, plan, state):
    services.transition_work_plan(plan=plan, action="submit", by=cast["officer"])
    if state == "approved":
        services.transition_work_plan(plan=plan, action="approve", by=cast["coordination"])
    before = _content(plan)
    client.force_login(cast["officer"])
    assert "edit-outcome-" not in client.get(f"/en/network/plans/{plan.pk}/").content.decode()
    for url, form in _requests(plan):
        if not url.endswith("/remove/"):
            response = client.get(url.replace("/en/", "/fr/"))
            assert response.status_code == 409, url
            assert (
                "Un plan de travail soumis ou approuvé ne peut plus être modifié."
                in response.content.decode()
            )
        assert client.post(url, form).status_code == 409, url
    assert _content(plan) == before
    assert not _item_events().exists()


def test_changes_requested_opens_the_plan_again(client, cast, plan):
    services.transition_work_plan(plan=plan, action="submit", by=cast["officer"])
    services.transition_work_plan(
        plan=plan, action="request_changes", by=cast["coordination"], reason="Budget?"
    )
    outcome, _activities, _indicator = _parts(plan)
    client.force_login(cast["officer"])
    url = f"/en/network/plans/{plan.pk}/outcomes/{outcome.pk}/"
    assert client.post(url, {"language": "en", "outcome": "Parties barcode"}).status_code == 302
    assert PlanOutcome.objects.get(pk=outcome.pk).title == {"en": "Parties barcode"}


def test_anonymous_is_sent_to_sign_in(client, plan):
    before = _content(plan)
    for url, form in _requests(plan):
        assert client.post(url, form).status_code == 302, url
    assert _content(plan) == before
    assert not _item_events().exists()


@pytest.mark.parametrize("who", [*OUTSIDERS, "other_officer"])
def test_people_who_cannot_see_the_draft_get_not_found(client, cast, plan, who):
    before = _content(plan)
    client.force_login(cast[who])
    for url, form in _requests(plan):
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, form).status_code == 404, url
    assert _content(plan) == before
    assert not _item_events().exists()


@pytest.mark.parametrize("who", ["coordination", "admin"])
def test_coordination_and_administrators_read_but_do_not_write(client, cast, plan, who):
    before = _content(plan)
    client.force_login(cast[who])
    assert "edit-outcome-" not in client.get(f"/en/network/plans/{plan.pk}/").content.decode()
    for url, form in _requests(plan):
        assert client.post(url, form).status_code == 403, url
    assert _content(plan) == before
    assert not _item_events().exists()


def test_another_centre_cannot_change_an_approved_plan(client, cast, plan):
    services.transition_work_plan(plan=plan, action="submit", by=cast["officer"])
    services.transition_work_plan(plan=plan, action="approve", by=cast["coordination"])
    before = _content(plan)
    client.force_login(cast["other_officer"])
    for url, form in _requests(plan):
        assert client.post(url, form).status_code == 403, url
    assert _content(plan) == before


def test_a_part_of_another_plan_is_not_found(client, cast, plan, andes):
    other = make_plan(andes, by=None)
    other_outcome = other.outcomes.get()
    client.force_login(cast["officer"])
    url = f"/en/network/plans/{plan.pk}/outcomes/{other_outcome.pk}/"
    assert client.post(url, {"language": "en", "outcome": "Stolen"}).status_code == 404
    assert PlanOutcome.objects.get(pk=other_outcome.pk).title == {"en": "Parties use DNA barcoding"}
