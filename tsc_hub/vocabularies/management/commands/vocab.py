"""`tsc-hub vocab import-chm FILE --vocabulary ID | load-builtin | list`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from tsc_hub.core.exceptions import DomainError
from tsc_hub.core.languages import pick_text
from tsc_hub.vocabularies.loading import Progress
from tsc_hub.vocabularies.models import Vocabulary
from tsc_hub.vocabularies.services import ImportReport, import_chm_terms, load_builtin_vocabularies


class Command(BaseCommand):
    help = "Import CHM thesaurus terms, load the built-in vocabularies, or list vocabularies."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        chm = actions.add_parser(
            "import-chm",
            help="Import a CBD Clearing-House thesaurus terms file (a JSON list of terms).",
            description="Import a CHM thesaurus terms file: all or nothing, never duplicating a term.",
        )
        chm.add_argument("file", help="Path of the JSON file, e.g. gbf-targets.json.")
        chm.add_argument(
            "--vocabulary", required=True, help="Identifier of the vocabulary to fill, e.g. GBF-TARGETS."
        )
        actions.add_parser("load-builtin", help="Create or update the vocabularies shipped with tsc-hub.")
        actions.add_parser("list", help="List the vocabularies and how many terms each has.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        show_progress = options["verbosity"] >= 1
        try:
            if action == "import-chm":
                with _progress_bar(show_progress) as progress:
                    report = import_chm_terms(
                        path_or_data=options["file"], vocabulary=options["vocabulary"], progress=progress
                    )
                self._write_report(report)
            elif action == "load-builtin":
                with _progress_bar(show_progress) as progress:
                    reports = load_builtin_vocabularies(progress=progress)
                for report in reports:
                    self._write_report(report)
            else:
                self._list()
        except DomainError as error:
            raise CommandError(str(error.message)) from error

    def _write_report(self, report: ImportReport) -> None:
        created = " (new vocabulary)" if report.vocabulary_created else ""
        self.stdout.write(f"{report.vocabulary}{created}: {report.summary()}")
        if report.unresolved:
            self.stderr.write(
                f"{report.vocabulary}: {len(report.unresolved)} relation(s) name terms it does not have: "
                + ", ".join(report.unresolved[:10])
            )

    def _list(self) -> None:
        for vocabulary in Vocabulary.objects.with_term_count():
            label = pick_text(vocabulary.labels).text
            self.stdout.write(f"{vocabulary.identifier:<24} {vocabulary.term_count:>5} terms  {label}")


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Progress]:
    """A tqdm bar fed by a service's progress callback (hidden when output is not a terminal)."""
    bar = tqdm(total=0, unit="term", file=sys.stderr, disable=None if enabled else True, leave=False)

    def progress(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    try:
        yield progress
    finally:
        bar.close()
