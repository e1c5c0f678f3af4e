"""`tsc-hub centres select --input FILE [--min-centres K] [--max-per-subregion M] [--min-score S] [--json]`.

Errors in the input or an impossible request end the command with the message, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tsc_hub.centres.selection import Selection, SelectionError, read_problem, select_centres


class Command(BaseCommand):
    """Support-centre tools; `select` chooses the hosts exactly (CBD SBI/4/7)."""

    help = "Support-centre tools. `select` chooses the host candidates that best cover the Parties."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        select = actions.add_parser(
            "select",
            help="Choose hosts: most Parties covered, then least overlap, then highest total score.",
        )
        select.add_argument(
            "--input", required=True, metavar="FILE", help="JSON: parties, subregions, candidates."
        )
        select.add_argument("--min-centres", type=int, default=15, metavar="K", help="At least K hosts (15).")
        select.add_argument(
            "--max-per-subregion", type=int, default=1, metavar="M", help="At most M hosts per subregion (1)."
        )
        select.add_argument(
            "--min-score", type=float, default=0.0, metavar="S", help="Only candidates scoring S or more (0)."
        )
        select.add_argument("--json", action="store_true", help="Print the result as one JSON object.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "select":
            self._select(options)

    def _select(self, options: dict[str, Any]) -> None:
        try:
            text = Path(options["input"]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {options['input']}: {error}") from error
        try:
            selection = select_centres(
                read_problem(text),
                min_centres=options["min_centres"],
                max_per_subregion=options["max_per_subregion"],
                min_score=options["min_score"],
            )
        except SelectionError as error:
            raise CommandError(str(error.message)) from error
        if options["json"]:
            self.stdout.write(json.dumps(selection.as_json(), ensure_ascii=False))
        else:
            self.stdout.write(_as_text(selection))


def _as_text(selection: Selection) -> str:
    lines = [
        f"Selected {len(selection.selected)} centres: {', '.join(selection.selected)}",
        f"Parties covered: {selection.covered}; overlap: {selection.overlap}; "
        f"total score: {selection.total_score:g}",
        f"Uncovered ({len(selection.uncovered)}): {', '.join(selection.uncovered) or '-'}",
        f"Solved in {selection.solve_ms:.0f} ms",
    ]
    return "\n".join(lines)
