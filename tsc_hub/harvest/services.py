"""Writes of harvesting: sources added and changed, harvests started, run and scheduled.

`by=None` is the system (the schedule, the command line): it skips the permission check. Records are
saved by the knowledge and CHM services as the system too; the run keeps who started it.
"""

from __future__ import annotations

import datetime
import logging
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, PermissionDenied
from tsc_hub.core.jobs import create_job
from tsc_hub.core.models import Job, JobState
from tsc_hub.harvest.chm_json import harvest_chm_json
from tsc_hub.harvest.models import HarvestRun, HarvestSource
from tsc_hub.harvest.oai import harvest_oai
from tsc_hub.harvest.permissions import MANAGE_HARVEST
from tsc_hub.harvest.recording import HarvestFailed, Progress, RunRecorder
from tsc_hub.harvest.states import Protocol, Schedule
from tsc_hub.harvest.validation import SourceData, check_source

__all__ = [
    "CHECK_EVERY",
    "SourceData",
    "create_source",
    "enqueue_due_harvests",
    "run_harvest",
    "start_harvest",
    "update_source",
]

logger = logging.getLogger(__name__)

CHECK_EVERY = datetime.timedelta(hours=1)
"""How often the periodic job looks for sources due; a schedule's interval is shortened by as much, so a
daily source is harvested every 23 to 24 hours rather than drifting by an hour a day."""
INTERVALS = {
    Schedule.DAILY.value: datetime.timedelta(days=1) - CHECK_EVERY,
    Schedule.WEEKLY.value: datetime.timedelta(days=7) - CHECK_EVERY,
}
# A run or job older than this that still says "running" is taken as abandoned (a worker that died).
ABANDONED_AFTER = datetime.timedelta(hours=12)


def _require(by: Any) -> None:
    if by is not None and not by.has_perm(MANAGE_HARVEST):
        raise PermissionDenied(_("Only coordination staff and administrators manage harvesting."))


def _audit(by: Any, action: str, target: Any, changes: dict[str, Any]) -> None:
    record_event(actor=by, action=action, target=target, changes=changes)


@transaction.atomic
def create_source(*, data: SourceData, by: Any) -> HarvestSource:
    """Add a source of records to harvest (InvalidInput lists every problem)."""
    _require(by)
    values = check_source(data)
    source = HarvestSource.objects.create(**values, created_by=by if getattr(by, "pk", None) else None)
    _audit(
        by,
        "create_harvest_source",
        source,
        {**values, "fallback_organisation": source.fallback_organisation_id},
    )
    return source


@transaction.atomic
def update_source(*, source: HarvestSource, data: SourceData, by: Any) -> HarvestSource:
    """Change a source; its name cannot change once it has been harvested (it is the records' source)."""
    _require(by)
    current = HarvestSource.objects.select_for_update().get(pk=source.pk)
    values = check_source(data, current)
    before = {name: getattr(current, name) for name in values}
    for name, value in values.items():
        setattr(current, name, value)
    current.save()
    changes = {name: [before[name], value] for name, value in values.items() if before[name] != value}
    _audit(by, "update_harvest_source", current, changes)
    return current


def _busy(source: HarvestSource, *, besides_job: int | None = None) -> bool:
    """Whether a harvest of the source is queued or running (abandoned ones aside)."""
    recent = timezone.now() - ABANDONED_AFTER
    jobs = Job.objects.filter(
        kind=source.job_kind, state__in=[JobState.QUEUED, JobState.RUNNING], created_at__gte=recent
    )
    if besides_job is not None:
        jobs = jobs.exclude(pk=besides_job)
    runs = HarvestRun.objects.filter(source=source).running_since(recent)
    if besides_job is not None:
        runs = runs.exclude(job_id=besides_job)
    return jobs.exists() or runs.exists()


def start_harvest(*, source: HarvestSource, by: Any) -> Job:
    """Queue a harvest of the source now: a Job whose task is enqueued once the job is committed."""
    from tsc_hub.harvest.tasks import harvest_task

    _require(by)
    with transaction.atomic():
        locked = HarvestSource.objects.select_for_update().get(pk=source.pk)
        if _busy(locked):
            raise Conflict(
                _("A harvest of this source is already queued or running."), code="harvest_running"
            )
        job = create_job(kind=locked.job_kind, by=by)
        _audit(by, "start_harvest", locked, {"job": job.pk})
        user_id = by.pk if getattr(by, "pk", None) else None
        transaction.on_commit(lambda: harvest_task.enqueue(job.pk, locked.pk, user_id))
    return job


def run_harvest(
    *, source: HarvestSource, by: Any, progress: Progress | None = None, job: Job | None = None
) -> HarvestRun:
    """Harvest a source now and return the run's report (state done or failed).

    Each record is saved in its own transaction; a record that cannot be saved is counted as skipped with
    why, the others are saved. A run that fails keeps what it saved, and the next run asks for the same
    changes again: records already saved are then unchanged, so nothing is duplicated.
    """
    _require(by)
    if _busy(source, besides_job=job.pk if job is not None else None):
        raise Conflict(_("A harvest of this source is already queued or running."), code="harvest_running")
    run = HarvestRun.objects.create(
        source=source, job=job, started_by=by if getattr(by, "pk", None) else None
    )
    recorder = RunRecorder(run, progress)
    harvester = harvest_oai if source.protocol == Protocol.OAI_PMH else harvest_chm_json
    try:
        # Reasons are stored once, so they are written in the site's language, whoever started the run.
        with translation.override(settings.LANGUAGE_CODE):
            next_from = harvester(source, recorder)
    except HarvestFailed as error:
        recorder.fail(str(error))
    except Exception as error:
        recorder.fail(f"The harvest stopped on an unexpected error: {type(error).__name__}: {error}")
        logger.exception("harvest of source %s failed", source.pk)
        _audit(by, "harvest_run", run, _summary(run))
        raise
    else:
        recorder.finish(next_from=next_from)
        if next_from is not None:
            HarvestSource.objects.filter(pk=source.pk).update(last_harvested_from=next_from)
            source.last_harvested_from = next_from
    _audit(by, "harvest_run", run, _summary(run))
    return run


def _summary(run: HarvestRun) -> dict[str, Any]:
    names = (
        "state",
        "created",
        "updated",
        "unchanged",
        "withdrawn",
        "skipped",
        "from_datestamp",
        "until_datestamp",
    )
    return {name: getattr(run, name) for name in names}


def enqueue_due_harvests(now: datetime.datetime | None = None) -> list[HarvestSource]:
    """Queue a harvest of every active source whose schedule says it is due (the periodic job)."""
    from tsc_hub.harvest.tasks import harvest_task

    moment = now or timezone.now()
    queued = []
    for source in HarvestSource.objects.due(moment, INTERVALS):
        with transaction.atomic():
            # Claimed with a conditional UPDATE, so two workers never queue the same source twice.
            claimed = HarvestSource.objects.filter(
                pk=source.pk, last_scheduled_at=source.last_scheduled_at
            ).update(last_scheduled_at=moment)
            if claimed != 1 or _busy(source):
                continue
            job = create_job(kind=source.job_kind, by=None)
            transaction.on_commit(partial(harvest_task.enqueue, job.pk, source.pk, None))
        queued.append(source)
    return queued
