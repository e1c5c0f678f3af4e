"""The `tsc-hub` console command: Django management with tsc-hub's settings.

`tsc-hub seed-demo` and `tsc-hub seed_demo` are the same command: dashes are accepted so the
commands read like the rest of the command line.
"""

from __future__ import annotations

import os
import sys


def _normalise(argv: list[str]) -> list[str]:
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv = [argv[0], argv[1].replace("-", "_"), *argv[2:]]
    return argv


def main(argv: list[str] | None = None) -> None:
    """Run a management command with TSC_HUB_SETTINGS (default: config.settings.local)."""
    os.environ.setdefault(
        "DJANGO_SETTINGS_MODULE", os.environ.get("TSC_HUB_SETTINGS", "config.settings.local")
    )
    from django.core.management import execute_from_command_line

    args = _normalise(list(sys.argv if argv is None else argv))
    args[0] = "tsc-hub"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
