"""`tsc-hub geography load`: reload the shipped Parties and region terms."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from tsc_hub.geography.services import load_reference_data_service


class Command(BaseCommand):
    """Manage the geography reference data."""

    help = "Manage the Parties and CHM region terms. `load` reloads them from the files the package ships."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="subcommand")
        subcommands.add_parser(
            "load", help="Upsert Parties and regions from data/parties.json and data/regions.json."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "load":
            self._load(quiet=options["verbosity"] == 0)

    def _load(self, *, quiet: bool) -> None:
        bar: tqdm[Any] | None = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = tqdm(total=total, desc="geography", unit="row", disable=quiet, file=sys.stderr)
            bar.update(done - bar.n)

        try:
            counts = load_reference_data_service(by=None, progress=progress)
        finally:
            if bar is not None:
                bar.close()
        self.stdout.write(
            "Parties: {parties} ({parties_created} created, {parties_updated} updated, "
            "{parties_unchanged} unchanged; {parties_not_in_file} not in the file)".format(**counts)
        )
        self.stdout.write(
            "Regions: {regions} ({regions_created} created, {regions_updated} updated, "
            "{regions_unchanged} unchanged)".format(**counts)
        )
        self.stdout.write(
            "Memberships: {memberships} ({memberships_added} added, {memberships_removed} removed)".format(
                **counts
            )
        )
        self.stdout.write(self.style.SUCCESS("Geography reference data loaded."))
