import datetime

import pytest
from django.utils import timezone

from tsc_hub.core import periodic


@pytest.fixture
def calls(monkeypatch):
    made = []
    monkeypatch.setattr(periodic, "_REGISTRY", {})
    periodic.register_periodic("tick", datetime.timedelta(hours=1), lambda: made.append("tick"))
    return made


@pytest.mark.django_db
def test_a_job_is_enqueued_once_per_interval(calls):
    start = timezone.now()
    assert periodic.enqueue_due_jobs(start) == ["tick"]
    assert periodic.enqueue_due_jobs(start + datetime.timedelta(minutes=30)) == []
    assert periodic.enqueue_due_jobs(start + datetime.timedelta(hours=1)) == ["tick"]
    assert calls == ["tick", "tick"]


@pytest.mark.django_db
def test_two_workers_checking_at_once_enqueue_it_once(calls):
    moment = timezone.now()
    first = periodic.enqueue_due_jobs(moment)
    second = periodic.enqueue_due_jobs(moment)
    assert (first, second) == (["tick"], [])
