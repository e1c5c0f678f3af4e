"""`tsc-hub offers expire`: expire the published offers whose application deadline has passed."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tsc_hub.offers.services import expire_due_offers


class Command(BaseCommand):
    """Manage offers."""

    help = "Manage offers. `expire` expires published offers whose application deadline has passed."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="subcommand")
        expire = subcommands.add_parser(
            "expire", help="Expire published offers whose application deadline is before today."
        )
        expire.add_argument("--today", help="Take this day (YYYY-MM-DD) as today.", default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "expire":
            self._expire(options["today"])

    def _expire(self, today: str | None) -> None:
        try:
            day = datetime.date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError(f"--today must be a date like 2026-01-31: {error}") from error
        count = expire_due_offers(today=day)
        self.stdout.write(self.style.SUCCESS(f"Offers expired: {count}"))
