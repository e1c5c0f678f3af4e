"""Background jobs of search. Search sits above the apps it indexes, which therefore cannot call it: the
schedule reindexes recent changes every five minutes and rebuilds the index nightly (search.apps).
"""

from __future__ import annotations

from django_tasks import task

from tsc_hub.core.jobs import finish_job, progress_reporter, start_job
from tsc_hub.search import services


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


@task()
def refresh_recent_task() -> int:
    """Reindex what changed in the last 15 minutes (scheduled every 5)."""
    import datetime

    from tsc_hub.search.sources import refresh_recent

    return refresh_recent(datetime.timedelta(minutes=15))
