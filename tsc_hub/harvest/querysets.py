"""Reads of harvest sources and runs."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.db.models import OuterRef, Q, Subquery

from tsc_hub.harvest.states import RunState, Schedule


class HarvestSourceQuerySet(models.QuerySet[Any]):
    """Sources of harvested records."""

    def active(self) -> Any:
        return self.filter(active=True)

    def due(self, now: datetime.datetime, intervals: dict[str, datetime.timedelta]) -> Any:
        """Active sources on a schedule whose interval has passed since they were last put on it."""
        due = Q()
        for schedule, every in intervals.items():
            due |= Q(schedule=schedule) & (
                Q(last_scheduled_at__isnull=True) | Q(last_scheduled_at__lte=now - every)
            )
        return self.active().exclude(schedule=Schedule.MANUAL).filter(due)

    def with_last_run_id(self) -> Any:
        """Each source with `last_run_id`, its latest run (one subquery, not one query per source)."""
        from tsc_hub.harvest.models import HarvestRun

        latest = HarvestRun.objects.filter(source=OuterRef("pk")).order_by("-started_at", "-id")
        return self.annotate(last_run_id=Subquery(latest.values("pk")[:1]))


class HarvestRunQuerySet(models.QuerySet[Any]):
    """Harvest runs, newest first."""

    def running_since(self, moment: datetime.datetime) -> Any:
        """Runs still running that started after `moment` (older ones are taken as abandoned)."""
        return self.filter(state=RunState.RUNNING, started_at__gte=moment)

    def succeeded(self) -> Any:
        return self.filter(state=RunState.DONE)
