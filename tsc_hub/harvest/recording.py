"""The report of a harvest run as it goes: counts and problems kept in memory, written to the run row
now and then (so its page shows them live) and at the end, and the progress of its job."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable

from django.utils import timezone

from tsc_hub.harvest.models import HarvestRun
from tsc_hub.harvest.states import RunState

Progress = Callable[[int, int], None]
"""Called with (records done, records in all); `all` is a guess (done + 1) while the size is unknown."""

CREATED, UPDATED, UNCHANGED, WITHDRAWN = "created", "updated", "unchanged", "withdrawn"
OUTCOMES = (CREATED, UPDATED, UNCHANGED, WITHDRAWN)
# A run keeps the first 1,000 problems; `skipped` still counts them all.
MAX_PROBLEMS = 1000
FLUSH_INTERVAL = 2.0  # seconds between writes of the counts to the run row


class HarvestFailed(Exception):
    """The harvest cannot go on (the source cannot be reached, answers an error, sends no JSON...)."""


class RunRecorder:
    """Counts what happens to each record of one run, and writes the report to its HarvestRun."""

    def __init__(self, run: HarvestRun, progress: Progress | None = None) -> None:
        self.run = run
        self.progress = progress
        self.counts = dict.fromkeys(OUTCOMES, 0)
        self.problems: list[dict[str, str]] = []
        self.skipped = 0
        self.expected: int | None = None
        self._flushed = time.monotonic()

    @property
    def done(self) -> int:
        return sum(self.counts.values()) + self.skipped

    def count(self, outcome: str) -> None:
        """One record created, updated, unchanged or withdrawn."""
        self.counts[outcome] += 1
        self._advance()

    def skip(self, identifier: str, reason: str) -> None:
        """One record not saved, and why."""
        self.skipped += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append({"identifier": identifier[:300], "reason": reason[:2000]})
        self._advance()

    def _advance(self) -> None:
        done = self.done
        if self.progress is not None:
            total = self.expected if self.expected is not None and self.expected >= done else done + 1
            self.progress(done, total)
        if time.monotonic() - self._flushed >= FLUSH_INTERVAL:
            self.flush()

    def dates(self, *, since: datetime.datetime | None, until: datetime.datetime | None) -> None:
        """The range of changes the run asks for."""
        self.run.from_datestamp, self.run.until_datestamp = since, until
        HarvestRun.objects.filter(pk=self.run.pk).update(from_datestamp=since, until_datestamp=until)

    def flush(self) -> None:
        """Write the counts and problems so far to the run row."""
        self._flushed = time.monotonic()
        for name, value in self.counts.items():
            setattr(self.run, name, value)
        self.run.skipped = self.skipped
        self.run.problems = list(self.problems)
        HarvestRun.objects.filter(pk=self.run.pk).update(
            **self.counts, skipped=self.skipped, problems=self.run.problems
        )

    def finish(self, *, next_from: datetime.datetime | None) -> None:
        """The run succeeded; the next harvest reads changes from `next_from`."""
        if self.progress is not None:
            self.progress(self.done, self.done)
        self.run.state, self.run.next_from = RunState.DONE, next_from
        self._close()

    def fail(self, message: str) -> None:
        """The run stopped; what it saved stays saved, and the next harvest starts where this one did."""
        self.run.state, self.run.message = RunState.FAILED, message[:5000]
        self._close()

    def _close(self) -> None:
        self.flush()
        self.run.finished_at = timezone.now()
        self.run.save(update_fields=["state", "next_from", "message", "finished_at"])
