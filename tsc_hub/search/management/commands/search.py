"""`tsc-hub search rebuild`, `tsc-hub search vectors`, `tsc-hub search query "text" [--lang xx] [--json]`."""

from __future__ import annotations

import html
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from tsc_hub.search import semantic, services
from tsc_hub.search.backends import get_backend
from tsc_hub.search.interface import SearchQuery, SearchResults


class Command(BaseCommand):
    help = "Rebuild the search index, or run a query against it (for debugging)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        rebuild = actions.add_parser(
            "rebuild", help="Make the index equal to the registered sources (idempotent), then its vectors."
        )
        rebuild.add_argument("--no-vectors", action="store_true", help="Leave the vectors for the worker.")
        actions.add_parser("vectors", help="Embed the records whose text changed (cross-language results).")
        query = actions.add_parser("query", help="Search and print the results.")
        query.add_argument("text")
        query.add_argument("--lang", action="append", default=[], help="Preferred language (repeatable).")
        query.add_argument("--all-languages", action="store_true", help="Search every language.")
        query.add_argument("--kind", action="append", default=[], help="Only this kind (repeatable).")
        query.add_argument(
            "--filter", action="append", default=[], metavar="FACET=VALUE", help="Facet filter (repeatable)."
        )
        query.add_argument("--sort", choices=["relevance", "date"], default="relevance")
        query.add_argument("--page", type=int, default=1)
        query.add_argument("--per-page", type=int, default=10)
        query.add_argument("--json", action="store_true", help="Print the results as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        show_progress = options["verbosity"] >= 1
        if options["action"] == "rebuild":
            self._rebuild(show_progress)
            if not options["no_vectors"]:
                self._vectors(show_progress)
        elif options["action"] == "vectors":
            self._vectors(show_progress)
        else:
            self._query(options)

    def _rebuild(self, show_progress: bool) -> None:
        with tqdm(unit="doc", disable=not show_progress, file=self.stderr) as bar:

            def progress(done: int, total: int | None) -> None:
                bar.update(done - bar.n)

            written = services.rebuild(progress=progress)
        self.stdout.write(f"Indexed {written} documents.")

    def _vectors(self, show_progress: bool) -> None:
        with tqdm(unit="record", disable=not show_progress, file=self.stderr) as bar:

            def progress(done: int, total: int | None) -> None:
                bar.total = total
                bar.update(done - bar.n)

            embedded = semantic.refresh_vectors(progress=progress)
        self.stdout.write(f"Embedded {embedded} records.")

    def _query(self, options: dict[str, Any]) -> None:
        filters: dict[str, list[str]] = {}
        for item in options["filter"]:
            facet, sep, value = item.partition("=")
            if not sep:
                raise CommandError(f"--filter wants FACET=VALUE, not {item!r}")
            filters.setdefault(facet, []).append(value)
        results = get_backend().search(
            SearchQuery(
                text=options["text"],
                filters=filters,
                kinds=options["kind"],
                languages=options["lang"] or None,
                sort=options["sort"],
                page=options["page"],
                per_page=options["per_page"],
                all_languages=options["all_languages"],
            )
        )
        self.stdout.write(_as_json(results) if options["json"] else _as_text(results))


def _as_json(results: SearchResults) -> str:
    payload = {
        "total": results.total,
        "total_exact": results.total_exact,
        "took_ms": results.took_ms,
        "corrections": results.corrections,
        "hits": [
            {
                "key": hit.key,
                "kind": hit.kind,
                "subkind": hit.subkind,
                "language": hit.language,
                "title_html": str(hit.title_html),
                "snippet_html": str(hit.snippet_html),
                "url": hit.url,
                "date": hit.date.isoformat() if hit.date else None,
                "score": hit.score,
            }
            for hit in results.hits
        ],
        "facets": results.facets,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _plain(fragment: str) -> str:
    return html.unescape(fragment.replace("<mark>", "[").replace("</mark>", "]"))


def _as_text(results: SearchResults) -> str:
    lines = [f"{results.total}{'' if results.total_exact else '+'} results in {results.took_ms} ms"]
    for word, found in results.corrections.items():
        lines.append(f"  '{word}' matched nothing; also searched {', '.join(found)}")
    for number, hit in enumerate(results.hits, start=results.start_index):
        lines.append(
            f"{number}. [{hit.language}] {_plain(hit.title_html)}  ({hit.key}, {hit.date or 'no date'})"
        )
        lines.append(f"   {_plain(hit.snippet_html)}")
    for facet, values in results.facets.items():
        if values:
            lines.append(f"{facet}: " + ", ".join(f"{value} ({count})" for value, count in values[:10]))
    return "\n".join(lines)
