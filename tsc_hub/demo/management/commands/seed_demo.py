"""`tsc-hub seed-demo [--scale N]`: load the demo data set (demo mode only)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from tsc_hub.core.demo import DEMO_PASSWORD
from tsc_hub.core.exceptions import DomainError
from tsc_hub.demo.services import PHASES, seed_demo


class Command(BaseCommand):
    help = "Create demo organisations, support centres and people in every role (idempotent; demo mode only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale", type=int, default=1, help="1 = the base set; each step adds 24 organisations."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # One step per phase of seed_demo and one per 24 generated organisations.
        total = PHASES + max(options["scale"] - 1, 0)
        steps = tqdm(desc="seed-demo", total=total, unit="step", disable=options["verbosity"] == 0)

        def advance(message: str) -> None:
            steps.set_postfix_str(message)
            steps.update()

        try:
            report = seed_demo(scale=options["scale"], progress=advance)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        finally:
            steps.close()
        created = ", ".join(f"{name} {count}" for name, count in report.created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data ready (created: {created})."))
        self.stdout.write(f"Demo accounts use the password {DEMO_PASSWORD!r}; see docs/demo.md.")
