"""Background jobs of harvesting: one harvest with progress on its job, and the schedule's check.

Tasks take ids and plain values and call services.
"""

from __future__ import annotations

from typing import Any

from django_tasks import task

from tsc_hub.core.exceptions import DomainError
from tsc_hub.core.jobs import fail_job, finish_job, progress_reporter, start_job
from tsc_hub.harvest.states import RunState


@task()
def harvest_task(job_id: int, source_id: int, user_id: int | None) -> Any:
    """Harvest one source, reporting progress to the job; the job's result names the run."""
    from tsc_hub.accounts.models import User
    from tsc_hub.core.models import Job
    from tsc_hub.harvest.models import HarvestSource
    from tsc_hub.harvest.services import run_harvest

    start_job(job_id)
    source = HarvestSource.objects.filter(pk=source_id).first()
    if source is None:
        fail_job(job_id, "The source no longer exists.")
        return None
    by = User.objects.filter(pk=user_id).first() if user_id is not None else None
    try:
        run = run_harvest(
            source=source,
            by=by,
            progress=progress_reporter(job_id),
            job=Job.objects.filter(pk=job_id).first(),
        )
    except DomainError as error:
        fail_job(job_id, str(error.message))
        return None
    except Exception as error:
        fail_job(job_id, f"{type(error).__name__}: {error}")
        raise
    if run.state == RunState.FAILED:
        fail_job(job_id, run.message)
    else:
        finish_job(job_id, {"harvest_run": run.pk, "created": run.created, "skipped": run.skipped})
    return run.pk


@task()
def harvest_due_sources_task() -> int:
    """Queue the harvests the sources' schedules say are due (checked every hour)."""
    from tsc_hub.harvest.services import enqueue_due_harvests

    return len(enqueue_due_harvests())
