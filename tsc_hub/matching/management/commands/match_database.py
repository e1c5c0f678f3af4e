"""The `tsc-hub match` subcommands that work on the database: embed, suggest, train, assign.

Each shows a progress bar on stderr and reports domain errors as a one-line message (exit code 1).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tsc_hub.core.exceptions import DomainError


@contextmanager
def _bar(command: BaseCommand, options: dict[str, Any], desc: str) -> Iterator[Callable[[int, int], None]]:
    bar = tqdm(desc=desc, unit="record", disable=options["verbosity"] == 0, file=sys.stderr)

    def report(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        yield report
    except DomainError as error:
        details = [
            str(message)
            for messages in (getattr(error, "fields", None) or {}).values()
            for message in messages
        ]
        raise CommandError(" ".join([str(error.message), *details]), returncode=1) from error
    finally:
        bar.close()


def embed(command: BaseCommand, options: dict[str, Any]) -> None:
    from tsc_hub.matching.vectors import embedder_info, refresh_embeddings

    info = embedder_info()
    with _bar(command, options, "embed") as report:
        done = refresh_embeddings(progress=report)
    command.stdout.write(f"embedded {done} records with {info.model} {info.version}")


def suggest(command: BaseCommand, options: dict[str, Any]) -> None:
    from tsc_hub.matching.suggestions import store_engine_suggestions
    from tsc_hub.matching.vectors import refresh_embeddings

    refresh_embeddings()
    with _bar(command, options, "suggest") as report:
        stored = store_engine_suggestions(
            per_request=options["per_request"], min_score=options["min_score"], progress=report
        )
    command.stdout.write(f"stored {stored} suggestions")


def train(command: BaseCommand, options: dict[str, Any]) -> None:
    from tsc_hub.matching.weights import train_ranking_model

    with _bar(command, options, "train"):
        model = train_ranking_model(by=None)
    evaluation = model.evaluation
    verdict = "in use" if model.active else "kept aside (not better than the version in use)"
    command.stdout.write(
        f"weights v{model.version} from {model.outcomes} decisions: held-out AUC "
        f"{evaluation['candidate_eval']['auc']:.3f} vs {evaluation['current']['auc']:.3f}; {verdict}"
    )


def assign(command: BaseCommand, options: dict[str, Any]) -> None:
    from tsc_hub.matching.assignments import compute_assignment
    from tsc_hub.matching.vectors import refresh_embeddings

    refresh_embeddings()
    with _bar(command, options, "rank") as report:
        run = compute_assignment(
            by=None, min_share=options["min_share"], priority_bonus=options["priority_bonus"], progress=report
        )
    command.stdout.write(
        f"assigned {run.assigned} of {run.requests} requests to {run.providers} providers "
        f"({run.solver}, {run.seconds:.2f} s): quality {run.total_quality:.3f}, without fairness "
        f"{run.unconstrained_quality:.3f}, cost of fairness {run.fairness_cost:.3f}; "
        f"{run.suggestions_created} new suggestions"
    )
