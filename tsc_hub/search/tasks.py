"""Background jobs of search. Search sits above the apps it indexes, which therefore cannot call it: the
schedule reindexes recent changes every five minutes and rebuilds the index nightly (search.apps); the
vectors of cross-language results follow every ten minutes and after a rebuild.
"""

from __future__ import annotations

from django_tasks import task

from tsc_hub.core.jobs import finish_job, progress_reporter, start_job
from tsc_hub.search import semantic, services


@task()
def rebuild_task(job_id: int | None = None) -> int:
    """Rebuild the whole index, reporting progress to a core Job when one is given."""
    if job_id is None:
        written = services.rebuild()
        semantic.refresh_vectors()
        return written
    start_job(job_id)
    report = progress_reporter(job_id)
    written = services.rebuild(progress=lambda done, total: report(done, total or done))
    embedded = semantic.refresh_vectors(progress=lambda done, total: report(done, total or done))
    finish_job(job_id, {"documents": written, "embedded": embedded})
    return written


@task()
def refresh_recent_task() -> int:
    """Reindex what changed in the last 15 minutes (scheduled every 5)."""
    import datetime

    from tsc_hub.search.sources import refresh_recent

    return refresh_recent(datetime.timedelta(minutes=15))


@task()
def refresh_vectors_task() -> int:
    """Embed the records whose text changed, for cross-language results (scheduled every 10 minutes)."""
    return semantic.refresh_vectors()
