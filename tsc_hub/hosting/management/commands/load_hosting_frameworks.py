"""Load (or update) the shipped evaluation frameworks for choosing hosts."""

from typing import Any

from django.core.management.base import BaseCommand

from tsc_hub.hosting.frameworks import load_frameworks


class Command(BaseCommand):
    help = "Create or update the evaluation frameworks of tsc_hub/hosting/data/."

    def handle(self, *args: Any, **options: Any) -> None:
        count = load_frameworks()
        self.stdout.write(f"{count} frameworks loaded.")
