"""Background jobs of matching: saved-search alerts, embeddings, engine suggestions, the global assignment.

Tasks take ids and plain values and call services; long ones report progress to a core Job.
"""

from __future__ import annotations

from typing import Any

from django_tasks import task

from tsc_hub.core.exceptions import DomainError
from tsc_hub.core.jobs import fail_job, finish_job, progress_reporter, start_job
from tsc_hub.matching.alerts import announce_new_requests


@task()
def announce_new_requests_task() -> int:
    """Tell saved searches about newly published requests (scheduled every 15 minutes)."""
    return announce_new_requests()


@task()
def refresh_embeddings_task() -> int:
    """Embed records whose text changed (scheduled every 5 minutes; cheap when nothing changed)."""
    from tsc_hub.matching.vectors import refresh_embeddings

    return refresh_embeddings()


@task()
def store_engine_suggestions_task() -> int:
    """Refresh embeddings, then store the engine's best new suggestions for every open request (daily)."""
    from tsc_hub.matching.suggestions import store_engine_suggestions
    from tsc_hub.matching.vectors import refresh_embeddings

    refresh_embeddings()
    return store_engine_suggestions()


@task()
def compute_assignment_task(job_id: int, user_id: int | None, min_share: float, priority_bonus: float) -> Any:
    """The global assignment for coordination staff, with progress on the job page."""
    from tsc_hub.accounts.models import User
    from tsc_hub.matching.assignments import compute_assignment
    from tsc_hub.matching.vectors import refresh_embeddings

    start_job(job_id)
    try:
        refresh_embeddings()
        run = compute_assignment(
            by=User.objects.filter(pk=user_id).first(),
            min_share=min_share,
            priority_bonus=priority_bonus,
            progress=progress_reporter(job_id),
        )
    except DomainError as error:
        fail_job(job_id, str(error))
        return None
    finish_job(job_id, {"assignment_run": run.pk})
    return run.pk
