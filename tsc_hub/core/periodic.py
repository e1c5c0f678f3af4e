"""Jobs that run on a schedule (expiring offers, flagging overdue requests, daily digests).

Apps register them in their AppConfig.ready(); every `tsc-hub worker` checks the schedule and enqueues
what is due. A row per job in PeriodicRun, claimed with a conditional UPDATE, makes sure that several
workers on several machines enqueue a due job once.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from tsc_hub.core.models import PeriodicRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    """`enqueue` is called once per `every`; it should enqueue a task, not do the work itself."""

    name: str
    every: datetime.timedelta
    enqueue: Callable[[], object]


_REGISTRY: dict[str, PeriodicJob] = {}


def register_periodic(name: str, every: datetime.timedelta, enqueue: Callable[[], object]) -> None:
    """Add a job to the schedule (idempotent by name)."""
    _REGISTRY[name] = PeriodicJob(name=name, every=every, enqueue=enqueue)


def registered_jobs() -> list[PeriodicJob]:
    return sorted(_REGISTRY.values(), key=lambda job: job.name)


def _claim(job: PeriodicJob, now: datetime.datetime) -> bool:
    PeriodicRun.objects.get_or_create(name=job.name)
    due_before = now - job.every
    claimed = PeriodicRun.objects.filter(
        Q(last_enqueued_at__isnull=True) | Q(last_enqueued_at__lte=due_before), name=job.name
    ).update(last_enqueued_at=now)
    return claimed == 1


def enqueue_due_jobs(now: datetime.datetime | None = None) -> list[str]:
    """Enqueue every job whose interval has passed; returns the names enqueued."""
    moment = now or timezone.now()
    enqueued = []
    for job in registered_jobs():
        if _claim(job, moment):
            job.enqueue()
            enqueued.append(job.name)
            logger.info("periodic job %s enqueued", job.name)
    return enqueued
