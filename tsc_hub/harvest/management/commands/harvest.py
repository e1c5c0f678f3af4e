"""`tsc-hub harvest run NAME | add --name --protocol --url [...] | list`: harvest other portals."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from tsc_hub.core.exceptions import DomainError
from tsc_hub.harvest.models import DEFAULT_METADATA_PREFIX, HarvestSource
from tsc_hub.harvest.recording import Progress
from tsc_hub.harvest.services import SourceData, create_source, run_harvest
from tsc_hub.harvest.states import Protocol, RunState, Schedule
from tsc_hub.knowledge.states import ResourceKind


class Command(BaseCommand):
    help = "Harvest records of other portals (OAI-PMH, CHM JSON), or add a source to harvest."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        running = actions.add_parser(
            "run", help="Harvest a source now (the changes since its last successful harvest)."
        )
        running.add_argument("name", help="Name of the source.")
        actions.add_parser("list", help="List the sources and their latest harvest.")
        adding = actions.add_parser("add", help="Add a source to harvest.")
        adding.add_argument("--name", required=True)
        adding.add_argument("--protocol", required=True, choices=Protocol.values)
        adding.add_argument("--url", required=True, help="OAI-PMH base URL, or the CHM JSON document.")
        adding.add_argument("--extra-url", action="append", default=[], help="CHM JSON: one more document.")
        adding.add_argument("--set", default="", dest="oai_set", help="OAI-PMH setSpec (default: all).")
        adding.add_argument("--metadata-prefix", default=DEFAULT_METADATA_PREFIX)
        adding.add_argument(
            "--default-kind", default=ResourceKind.PUBLICATION.value, choices=ResourceKind.values
        )
        adding.add_argument("--organisation", type=int, default=None, metavar="PK")
        adding.add_argument("--publish", action="store_true", help="Publish new records at once.")
        adding.add_argument("--schedule", default=Schedule.DAILY.value, choices=Schedule.values)
        adding.add_argument("--inactive", action="store_true", help="Leave it off the schedule.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "run":
                self._run(options["name"], show_progress=options["verbosity"] >= 1)
            elif options["action"] == "add":
                self._add(options)
            else:
                self._list()
        except DomainError as error:
            details = [f"{name}: {m}" for name, messages in error.fields.items() for m in messages]
            raise CommandError("\n".join([str(error.message), *details])) from error

    def _run(self, name: str, *, show_progress: bool) -> None:
        source = HarvestSource.objects.filter(name=name).first()
        if source is None:
            known = ", ".join(HarvestSource.objects.values_list("name", flat=True)) or "none"
            raise CommandError(f"There is no source named “{name}” (sources: {known}).")
        with _progress_bar(show_progress) as progress:
            run = run_harvest(source=source, by=None, progress=progress)
        for problem in run.problems:
            self.stderr.write(f"skipped {problem['identifier']}: {problem['reason']}")
        if run.skipped > len(run.problems):
            self.stderr.write(f"... and {run.skipped - len(run.problems)} more skipped.")
        summary = (
            f"created {run.created}, updated {run.updated}, unchanged {run.unchanged}, "
            f"withdrawn {run.withdrawn}, skipped {run.skipped}"
        )
        if run.state == RunState.FAILED:
            raise CommandError(f"The harvest failed ({summary}): {run.message}")
        self.stdout.write(f"Harvested {source.name}: {summary}.")

    def _add(self, options: dict[str, Any]) -> None:
        source = create_source(
            data=SourceData(
                name=options["name"],
                protocol=options["protocol"],
                base_url=options["url"],
                extra_urls="\n".join(options["extra_url"]),
                oai_set=options["oai_set"],
                metadata_prefix=options["metadata_prefix"],
                default_kind=options["default_kind"],
                fallback_organisation=options["organisation"],
                publish_on_import=options["publish"],
                active=not options["inactive"],
                schedule=options["schedule"],
            ),
            by=None,
        )
        self.stdout.write(f"Added source {source.pk}: {source.name} ({source.protocol}, {source.base_url}).")

    def _list(self) -> None:
        for source in HarvestSource.objects.all():
            run = source.runs.first()
            latest = f"{run.started_at:%Y-%m-%d %H:%M} {run.state}" if run else "never harvested"
            self.stdout.write(f"{source.name}\t{source.protocol}\t{source.schedule}\t{latest}")


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Progress]:
    """A tqdm bar on standard error fed by the harvest's progress (hidden when not a terminal)."""
    bar = tqdm(total=0, unit="record", file=sys.stderr, disable=None if enabled else True, leave=False)

    def progress(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    try:
        yield progress
    finally:
        bar.close()
