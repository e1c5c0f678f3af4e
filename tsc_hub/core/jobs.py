"""Progress of long background jobs: the task reports, the page polls and draws a progress bar.

Updates are plain UPDATEs outside the job's own transaction, so progress shows while the job runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from tsc_hub.core.models import Job, JobState

MIN_INTERVAL = 0.5  # seconds between progress writes


def create_job(*, kind: str, by: Any) -> Job:
    """A queued job, created before its task is enqueued so the page can show it at once."""
    return Job.objects.create(kind=kind, started_by=by if getattr(by, "pk", None) else None)


def progress_reporter(job_id: int) -> Callable[[int, int], None]:
    """A callback (done, total) that records progress, at most every MIN_INTERVAL seconds."""
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= MIN_INTERVAL or done >= total:
            last[0] = now
            Job.objects.filter(pk=job_id).update(state=JobState.RUNNING, done=done, total=total)

    return report


def start_job(job_id: int) -> None:
    Job.objects.filter(pk=job_id).update(state=JobState.RUNNING)


def finish_job(job_id: int, result: dict[str, Any]) -> None:
    Job.objects.filter(pk=job_id).update(state=JobState.DONE, result=result)


def fail_job(job_id: int, message: str) -> None:
    Job.objects.filter(pk=job_id).update(state=JobState.FAILED, message=message)


def visible_jobs(user: Any) -> Any:
    """A person's own jobs; administrators see all."""
    if user is None or not user.is_authenticated:
        return Job.objects.none()
    if user.has_perm("core.read_audit_log"):
        return Job.objects.all()
    return Job.objects.filter(started_by=user)
