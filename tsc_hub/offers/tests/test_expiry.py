"""Offers expire by themselves once their application deadline has passed."""

import datetime

import pytest
from django.core.management import call_command

from tsc_hub.core.periodic import enqueue_due_jobs, registered_jobs
from tsc_hub.offers.models import Offer, RecordTransition
from tsc_hub.offers.services import expire_due_offers
from tsc_hub.offers.tasks import expire_due_offers_task
from tsc_hub.offers.tests.factories import OfferFactory

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def offers():
    return {
        "past": OfferFactory(state="published", application_deadline=TODAY - DAY),
        "today": OfferFactory(state="published", application_deadline=TODAY),
        "future": OfferFactory(state="published", application_deadline=TODAY + DAY),
        "none": OfferFactory(state="published", application_deadline=None),
        "draft_past": OfferFactory(state="draft", application_deadline=TODAY - DAY),
        "review_past": OfferFactory(state="in_review", application_deadline=TODAY - DAY),
    }


def _states(offers):
    return {name: Offer.objects.get(pk=offer.pk).state for name, offer in offers.items()}


EXPECTED = {
    "past": "expired",
    "today": "published",
    "future": "published",
    "none": "published",
    "draft_past": "draft",
    "review_past": "in_review",
}


@pytest.mark.django_db
def test_the_service_expires_only_past_deadline_published_offers(offers):
    assert expire_due_offers() == 1
    assert _states(offers) == EXPECTED
    step = RecordTransition.objects.get(action="expire")
    assert (step.record_id, step.by, step.from_state) == (offers["past"].pk, None, "published")
    assert expire_due_offers() == 0


@pytest.mark.django_db
def test_the_task_expires_them(offers):
    result = expire_due_offers_task.enqueue()
    assert result.return_value == 1
    assert _states(offers) == EXPECTED


@pytest.mark.django_db
def test_the_command_expires_them(offers, capsys):
    call_command("offers", "expire")
    assert "Offers expired: 1" in capsys.readouterr().out
    assert _states(offers) == EXPECTED


@pytest.mark.django_db
def test_the_command_takes_another_day_as_today(offers):
    call_command("offers", "expire", "--today", (TODAY + 2 * DAY).isoformat())
    assert _states(offers)["today"] == "expired"
    assert _states(offers)["future"] == "expired"
    assert _states(offers)["none"] == "published"


@pytest.mark.django_db
def test_the_schedule_runs_the_job_every_hour(offers):
    job = next(job for job in registered_jobs() if job.name == "offers.expire_due")
    assert job.every == datetime.timedelta(hours=1)
    assert "offers.expire_due" in enqueue_due_jobs()
    assert _states(offers)["past"] == "expired"


@pytest.mark.django_db
def test_open_never_returns_a_past_deadline_offer(offers):
    assert set(Offer.objects.open()) == {offers["today"], offers["future"], offers["none"]}
    later = Offer.objects.open(as_of=TODAY + 2 * DAY)
    assert set(later) == {offers["none"]}
    assert all(
        o.application_deadline is None or o.application_deadline >= TODAY for o in Offer.objects.open()
    )
