"""Background jobs of search. Other apps call `schedule_reindex` / `schedule_remove` from their services;
the job runs after their transaction commits, so it reads what was committed.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_tasks import task

from tsc_hub.core.jobs import finish_job, progress_reporter, start_job
from tsc_hub.search import services


@task()
def reindex_task(kind: str, object_id: int) -> int:
    """Replace one record's documents by what its source says now."""
    return services.reindex(kind, object_id)


@task()
def remove_task(kind: str, object_id: int) -> int:
    """Remove one record's documents."""
    return services.remove(kind, object_id)


@task()
def rebuild_task(job_id: int | None = None) -> int:
    """Rebuild the whole index, reporting progress to a core Job when one is given."""
    if job_id is None:
        return services.rebuild()
    start_job(job_id)
    report = progress_reporter(job_id)
    written = services.rebuild(progress=lambda done, total: report(done, total or done))
    finish_job(job_id, {"documents": written})
    return written


def schedule_reindex(kind: str, object_id: int) -> None:
    """Reindex a record once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: _enqueue(reindex_task, kind, object_id))


def schedule_remove(kind: str, object_id: int) -> None:
    """Remove a record from the index once the current transaction commits."""
    transaction.on_commit(lambda: _enqueue(remove_task, kind, object_id))


def _enqueue(job: Any, kind: str, object_id: int) -> None:
    job.enqueue(kind, object_id)


@task()
def refresh_recent_task() -> int:
    """Reindex what changed in the last 15 minutes (scheduled every 5)."""
    import datetime

    from tsc_hub.search.sources import refresh_recent

    return refresh_recent(datetime.timedelta(minutes=15))
