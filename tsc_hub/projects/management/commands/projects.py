"""`tsc-hub projects rates import FILE.csv`: load exchange rates to US dollars, all or nothing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from tsc_hub.core.exceptions import DomainError
from tsc_hub.projects.services import import_exchange_rates, parse_rates


class Command(BaseCommand):
    """Manage what cooperation projects need."""

    help = "Manage cooperation projects. `rates import FILE.csv` loads exchange rates to US dollars."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="subcommand")
        rates = subcommands.add_parser("rates", help="Exchange rates to US dollars.")
        actions = rates.add_subparsers(dest="action", required=True, metavar="action")
        load = actions.add_parser(
            "import",
            help="Create or replace rates from a CSV file with the header currency,date,usd_per_unit "
            "(e.g. EUR,2026-01-01,1.17). Every row is checked first: one bad row loads nothing.",
        )
        load.add_argument("file", type=Path, help="The CSV file (UTF-8).")
        load.add_argument("--source", default="", help="Where the rates come from, kept with each rate.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "rates" and options["action"] == "import":
            self._import(options["file"], options["source"], quiet=options["verbosity"] == 0)

    def _import(self, path: Path, source: str, *, quiet: bool) -> None:
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                rows = parse_rates(handle)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        except DomainError as error:
            problems = "\n".join(f"  {where}: {' '.join(found)}" for where, found in error.fields.items())
            raise CommandError(f"{error.message}\n{problems}") from error
        bar = tqdm(total=len(rows), desc="exchange rates", unit="rate", disable=quiet, file=sys.stderr)

        def advance(done: int) -> None:
            bar.update(done)

        try:
            counts = import_exchange_rates(rows=rows, by=None, source=source or path.name, progress=advance)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        finally:
            bar.close()
        self.stdout.write(
            self.style.SUCCESS(
                f"Exchange rates loaded: {counts['created']} created, {counts['updated']} updated."
            )
        )
