"""`tsc-hub worker`: run background jobs with the configured tasks backend."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections

from tsc_hub.core.periodic import enqueue_due_jobs

logger = logging.getLogger(__name__)


SCHEDULE_CHECK_SECONDS = 30


def _schedule_loop() -> None:
    while True:
        try:
            enqueue_due_jobs()
        except Exception:  # a database hiccup must not stop the worker; the next round retries
            logger.exception("checking the schedule failed")
        finally:
            close_old_connections()
        time.sleep(SCHEDULE_CHECK_SECONDS)


def start_scheduler() -> None:
    """Check the schedule every 30 seconds beside the job loop."""
    threading.Thread(target=_schedule_loop, name="tsc-hub-schedule", daemon=True).start()


class Command(BaseCommand):
    help = "Run a background-job worker (database backend: db_worker; RQ backend: rqworker)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--queue", action="append", dest="queues", help="Queue to work (repeatable); default all."
        )
        parser.add_argument(
            "--batch", action="store_true", help="Stop when no job is left (for scripts and tests)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        backend = settings.TASKS["default"]["BACKEND"]
        queues = options["queues"] or list(settings.TASKS["default"].get("QUEUES", ["default"]))
        if not options["batch"]:
            start_scheduler()
        if backend == "django_tasks_db.DatabaseBackend":
            extra = ["--batch"] if options["batch"] else []
            call_command("db_worker", "--queue-name", ",".join(queues), *extra)
            return
        raise CommandError(f"No worker is known for the tasks backend {backend!r}.")
