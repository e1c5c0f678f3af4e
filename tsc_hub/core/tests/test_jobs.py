"""Job progress: reported while the task runs, shown only to the person who started it (and admins)."""

from __future__ import annotations

from typing import Any

import pytest

from tsc_hub.core import jobs
from tsc_hub.core.models import Job, JobState

pytestmark = pytest.mark.django_db


def test_progress_is_recorded_and_the_last_step_always_written(cast: Any) -> None:
    job = jobs.create_job(kind="test", by=cast["coordination"])
    report = jobs.progress_reporter(job.pk)
    report(1, 10)
    report(2, 10)  # within MIN_INTERVAL of the first: skipped
    report(10, 10)
    job.refresh_from_db()
    assert (job.state, job.done, job.total) == (JobState.RUNNING, 10, 10)
    jobs.finish_job(job.pk, {"answer": 42})
    job.refresh_from_db()
    assert (job.state, job.percent, job.finished, job.result) == (JobState.DONE, 100, True, {"answer": 42})


def test_a_failed_job_keeps_its_message(cast: Any) -> None:
    job = jobs.create_job(kind="test", by=None)
    jobs.fail_job(job.pk, "The database went away.")
    job.refresh_from_db()
    assert (job.state, job.message, job.finished) == (JobState.FAILED, "The database went away.", True)


@pytest.mark.parametrize("role", ["officer", "focal_point", "provider", "nobody"])
def test_others_do_not_see_a_persons_jobs(cast: Any, role: str) -> None:
    mine = jobs.create_job(kind="test", by=cast["coordination"])
    assert list(jobs.visible_jobs(cast["coordination"])) == [mine]
    assert mine not in jobs.visible_jobs(cast[role])
    assert not jobs.visible_jobs(None).exists()
    assert Job.objects.count() == 1
