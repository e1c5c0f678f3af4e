"""`tsc-hub chm import FILE | export --schema S | link-organisation GUID PK`: exchange with the CHM."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from tsc_hub.chm.files import dump_records
from tsc_hub.chm.mapping import SCHEMAS
from tsc_hub.chm.services import Progress, export_records, import_records, link_organisation
from tsc_hub.core.exceptions import DomainError


class Command(BaseCommand):
    help = (
        "Import or export CBD Clearing-House records (bbiRequest, bbiOpportunity, bbiProfile, resource, "
        "capacityBuildingInitiative, organization)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        importing = actions.add_parser(
            "import",
            help="Import a file of CHM records (JSON array or JSON Lines), upserting by header.identifier.",
            description="All or nothing: any bad record stops the import and nothing is written.",
        )
        importing.add_argument("file", help="Path of the JSON or JSON Lines file.")
        importing.add_argument(
            "--organisation",
            type=int,
            default=None,
            metavar="PK",
            help="File records whose organisation is not known under this organisation.",
        )
        importing.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the good records and report the bad ones instead of importing nothing.",
        )
        exporting = actions.add_parser("export", help="Write the records of one schema as CHM JSON.")
        exporting.add_argument("--schema", required=True, choices=sorted(SCHEMAS))
        exporting.add_argument(
            "--identifier", action="append", default=[], help="Only this record (repeatable)."
        )
        exporting.add_argument("--output", default=None, help="File to write (default: standard output).")
        exporting.add_argument("--format", choices=["lines", "array"], default="lines")
        link = actions.add_parser(
            "link-organisation", help="Say which of our organisations a CHM organization record is."
        )
        link.add_argument("chm_identifier", help="Identifier of the CHM organization record (GUID).")
        link.add_argument("organisation", type=int, help="Id (pk) of our organisation.")

    def handle(self, *args: Any, **options: Any) -> None:
        show_progress = options["verbosity"] >= 1
        try:
            if options["action"] == "import":
                self._import(options, show_progress)
            elif options["action"] == "export":
                self._export(options, show_progress)
            else:
                link = link_organisation(
                    chm_identifier=options["chm_identifier"], organisation_id=options["organisation"]
                )
                self.stdout.write(f"CHM organization {link.chm_identifier} is organisation {link.object_id}.")
        except DomainError as error:
            raise CommandError(str(error.message)) from error

    def _import(self, options: dict[str, Any], show_progress: bool) -> None:
        with _progress_bar(show_progress) as progress:
            report = import_records(
                path=options["file"],
                fallback_organisation=options["organisation"],
                skip_invalid=options["skip_invalid"],
                progress=progress,
            )
        for label, reason in report.skipped:
            self.stderr.write(f"skipped {label}: {reason}")
        for warning in report.warnings:
            self.stderr.write(f"warning {warning}")
        self.stdout.write(f"Imported: {report.summary()}")

    def _export(self, options: dict[str, Any], show_progress: bool) -> None:
        with _progress_bar(show_progress) as progress:
            result = export_records(
                schema=options["schema"], identifiers=options["identifier"], progress=progress
            )
        text = dump_records(result.records, array=options["format"] == "array")
        summary = f"Exported {len(result.records)} {options['schema']} record(s)"
        if result.identifiers_assigned:
            summary += f"; {result.identifiers_assigned} given a new chm_identifier"
        if options["output"]:
            try:
                Path(options["output"]).write_text(text, encoding="utf-8")
            except OSError as error:
                raise CommandError(f"--output: cannot write {options['output']} ({error}).") from error
            self.stdout.write(f"{summary} to {options['output']}.")
        else:
            self.stdout.write(text, ending="")
            self.stderr.write(f"{summary}.")  # standard output holds the records


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Progress]:
    """A tqdm bar on standard error fed by a service's progress callback (hidden when not a terminal)."""
    bar = tqdm(total=0, unit="record", file=sys.stderr, disable=None if enabled else True, leave=False)

    def progress(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    try:
        yield progress
    finally:
        bar.close()
