"""The two engines behind one interface: SQLite FTS5 (default) and PostgreSQL full-text search.

An engine only answers "which documents match, with what score" for at most `max_hits` documents, and
"does anything match". Filters are index tokens inside that same engine query. Everything else (typo
correction, collapsing language versions, sorting, paging, facet counts, highlighting) is shared Python,
so both backends give the same hits for the same index.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

import numpy as np
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections, transaction

from tsc_hub.search import fuzzy, semantic
from tsc_hub.search.candidates import Candidates, Row
from tsc_hub.search.documents import FACETS
from tsc_hub.search.highlight import highlight, snippet
from tsc_hub.search.interface import Hit, SearchBackend, SearchQuery, SearchResults
from tsc_hub.search.models import SearchDocument, SearchFacetValue
from tsc_hub.search.query import ParsedQuery, fts5_match, parse, tsquery

__all__ = ["Hit", "SearchBackend", "SearchQuery", "SearchResults", "get_backend", "search"]

logger = logging.getLogger(__name__)

# Like Elasticsearch's track_total_hits: beyond this many matches the total is a lower bound, and facets and
# ranking use the first MAX_HITS matches, so a query for "biodiversity" costs what a narrow one does. A match
# costs ~4 µs on SQLite and ~6 µs on PostgreSQL; at 1,000,000 documents 5,000 keeps the p95 under 50 ms
# where 10,000 gives 54 and 67 ms (docs/adr/0014-search.md).
MAX_HITS = 5_000
MAX_FILTER_VALUES = 50
RelatedRow = tuple[Row, set[int]]  # a related record's entry and its facet codes


class EngineBackend:
    """What both engines share; subclasses supply `_match` and `_exists`."""

    vendor = ""

    def __init__(self, *, using: str = "default", max_hits: int = MAX_HITS) -> None:
        self.using = using
        self.max_hits = max_hits

    # The two engine primitives -------------------------------------------------------------------------

    def _match(
        self, query: ParsedQuery, groups: Sequence[Sequence[int]], limit: int, scored: bool
    ) -> list[Row]:
        """At most `limit` matches in index order, scored if `scored` (relevance costs ~2 µs a match)."""
        raise NotImplementedError

    def _exists(self, query: ParsedQuery) -> bool:
        raise NotImplementedError

    # The shared part -----------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        """Answer a query (see SearchQuery and SearchResults); never raises on user input."""
        started = time.perf_counter()
        parsed = parse(query.text)
        named_groups, preference = self._filters(query)
        if named_groups is None or not (parsed or named_groups):
            return SearchResults.empty(query, _since(started))
        groups = [codes for _, codes in named_groups]
        # Without words (browsing by facets) there is no relevance: newest first.
        by_date = query.sort == "date" or not parsed
        candidates = self._candidates(parsed, groups, scored=not by_date)
        corrections: dict[str, list[str]] = {}
        if parsed and len(candidates) == 0 and not candidates.capped:
            parsed, corrections = self._corrected(parsed)
            if corrections:
                candidates = self._candidates(parsed, groups, scored=not by_date)
        related = self._related(query.text) if parsed and query.all_languages else []
        candidates = candidates.with_related(_passing(related, groups))
        selected = candidates.select(by_date=by_date, rank_of_code=preference)
        facets = self._facets(candidates.facet_counts(selected))
        for facet in {name for name, _ in named_groups if name}:
            facets[facet] = self._widened_counts(facet, parsed, named_groups, related, preference)
        page, per_page = query.safe_page, query.safe_per_page
        shown = selected[(page - 1) * per_page : page * per_page]
        return SearchResults(
            total=int(selected.size),
            hits=self._hits(
                candidates.ids[shown].tolist(),
                candidates.scores[shown].tolist(),
                candidates.related[shown].tolist(),
                parsed,
            ),
            facets=_in_order(facets),
            took_ms=_since(started),
            total_exact=not candidates.capped,
            page=page,
            per_page=per_page,
            corrections=corrections,
        )

    def _candidates(self, parsed: ParsedQuery, groups: Sequence[Sequence[int]], scored: bool) -> Candidates:
        try:
            # In a savepoint, so that a failing query leaves the caller's transaction usable.
            with transaction.atomic(using=self.using):
                rows = self._match(parsed, groups, self.max_hits + 1, scored)
        except DatabaseError:
            # The parser makes this unreachable for any input we know of; answer, and let the log tell us.
            logger.exception("search engine refused %r", parsed)
            rows = []
        return Candidates.from_rows(rows[: self.max_hits], capped=len(rows) > self.max_hits)

    def _widened_counts(
        self,
        facet: str,
        parsed: ParsedQuery,
        named_groups: list[tuple[str, list[int]]],
        related: Sequence[RelatedRow],
        preference: dict[int, int],
    ) -> list[tuple[str, int]]:
        """The counts of a facet a value of which is chosen, as if none were: the other values stay
        visible, so a second one can be added (values of one facet combine with OR)."""
        others = [codes for name, codes in named_groups if name != facet]
        if not parsed and not others:
            others = [self._every_kind()]  # every document has a kind: the match-everything filter
        widened = self._candidates(parsed, others, scored=False).with_related(_passing(related, others))
        counts = widened.facet_counts(widened.select(by_date=True, rank_of_code=preference))
        return self._facets(counts).get(facet, [])

    def _every_kind(self) -> list[int]:
        return list(
            SearchFacetValue.objects.using(self.using).filter(facet="kind").values_list("id", flat=True)
        )

    def _filters(self, query: SearchQuery) -> tuple[list[tuple[str, list[int]]] | None, dict[int, int]]:
        """Facet codes per filter group, each named by the facet a person chose on the page or "" for
        the query's own kinds and languages (None when a group can match nothing); language preferences."""
        # (group name, facet, values)
        wanted = [(f, f, _values(v)) for f, v in sorted(query.filters.items()) if f in FACETS and _values(v)]
        if query.kinds:
            wanted.append(("", "kind", _values(query.kinds)))
        preferred = _values(query.languages or ())
        if preferred and not query.all_languages:
            wanted.append(("", "language", preferred))
        pairs = {(facet, value) for _, facet, values in wanted for value in values}
        pairs |= {("language", language) for language in preferred}
        codes = SearchFacetValue.objects.using(self.using).codes(pairs)
        groups = [(name, [codes[(f, v)] for v in values if (f, v) in codes]) for name, f, values in wanted]
        preference = {
            codes[("language", lang)]: rank
            for rank, lang in enumerate(preferred)
            if ("language", lang) in codes
        }
        return (None if any(not found for _, found in groups) else groups), preference

    def _related(self, text: str) -> list[RelatedRow]:
        """The entries of the records closest in meaning to `text` (any language), scored by similarity,
        with their facet codes as a set."""
        similarity = dict(semantic.nearest(text, self.using))
        return [
            (
                (document_id, record, sort_date, blob, similarity[key]),
                set(np.frombuffer(blob, "<u4").tolist()),
            )
            for document_id, record, sort_date, blob, key in semantic.entry_rows(list(similarity), self.using)
        ]

    def _corrected(self, parsed: ParsedQuery) -> tuple[ParsedQuery, dict[str, list[str]]]:
        """Widen each word that matches nothing at all to the title words within one edit of it."""
        extra: dict[int, list[str]] = {}
        for index, clause in enumerate(parsed.clauses):
            word = clause.typed
            if len(word) == 1 and fuzzy.eligible(word[0]) and not self._exists(ParsedQuery((clause,))):
                found = fuzzy.corrections(word[0])
                if found:
                    extra[index] = found
        words = {parsed.clauses[i].typed[0]: found for i, found in extra.items()}
        return parsed.with_alternatives(dict(extra)), words

    def _facets(self, counts: dict[int, int]) -> dict[str, list[tuple[str, int]]]:
        facets: dict[str, list[tuple[str, int]]] = {}
        if not counts:
            return facets
        with connections[self.using].cursor() as cursor:  # plain SQL: the ORM spends ms preparing an IN list
            marks = ", ".join(["%s"] * len(counts))
            cursor.execute(
                f"SELECT id, facet, value FROM search_searchfacetvalue WHERE id IN ({marks})", list(counts)
            )
            for code, facet, value in cursor.fetchall():
                facets.setdefault(facet, []).append((value, counts[code]))
        for values in facets.values():
            values.sort(key=lambda pair: (-pair[1], pair[0]))
        order = {name: index for index, name in enumerate(FACETS)}
        return dict(sorted(facets.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))

    def _hits(
        self, ids: list[int], scores: list[float], related: list[bool], parsed: ParsedQuery
    ) -> list[Hit]:
        shown = ("id", "key", "kind", "subkind", "language", "title", "body", "url", "date")
        rows = SearchDocument.objects.using(self.using).filter(id__in=ids).values_list(*shown)
        documents = {row[0]: row for row in rows}
        terms, phrases = parsed.terms(), parsed.phrases()
        hits = []
        for document_id, score, is_related in zip(ids, scores, related, strict=True):
            if document_id in documents:  # deleted since the match: skip it
                _, key, kind, subkind, language, title, body, url, date = documents[document_id]
                hits.append(
                    Hit(
                        key=key,
                        kind=kind,
                        subkind=subkind,
                        language=language,
                        title_html=highlight(title, terms, phrases),
                        snippet_html=snippet(body, terms, phrases),
                        url=url,
                        date=date,
                        score=score,
                        related=is_related,
                    )
                )
        return hits


class SQLiteBackend(EngineBackend):
    """SQLite FTS5 over our tokens; relevance is bm25 with the title ten times the body."""

    vendor = "sqlite"
    # CROSS JOIN keeps the FTS5 table as the outer loop, so matches come in rowid order and LIMIT stops early.
    MATCH_SQL = (
        "SELECT e.document_id, e.record, e.sort_date, e.facet_codes, {score} "
        "FROM search_fts CROSS JOIN search_searchentry e ON e.document_id = search_fts.rowid "
        "WHERE search_fts MATCH %s LIMIT %s"
    )

    def _match(
        self, query: ParsedQuery, groups: Sequence[Sequence[int]], limit: int, scored: bool
    ) -> list[Row]:
        sql = self.MATCH_SQL.format(score="-bm25(search_fts, 10.0, 1.0, 0.0)" if scored else "0.0")
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, [fts5_match(query, groups), limit])
            return list(cursor.fetchall())

    def _exists(self, query: ParsedQuery) -> bool:
        with connections[self.using].cursor() as cursor:
            cursor.execute("SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT 1", [fts5_match(query)])
            return cursor.fetchone() is not None


class PostgresBackend(EngineBackend):
    """PostgreSQL tsvector and GIN over the same tokens; relevance is ts_rank, titles ten times bodies."""

    vendor = "postgresql"
    # Weights are {D, C, B, A}; facet tokens carry no position, so they never add to the rank.
    MATCH_SQL = (
        "SELECT e.document_id, e.record, e.sort_date, e.facet_codes, {score} "
        "FROM search_searchentry e WHERE e.tsv @@ %s::tsquery LIMIT %s"
    )

    def _match(
        self, query: ParsedQuery, groups: Sequence[Sequence[int]], limit: int, scored: bool
    ) -> list[Row]:
        # Ranking reads and scores every match's tsvector: done only when sorting by relevance.
        score = "ts_rank('{0, 0, 0.1, 1}'::float4[], e.tsv, %s::tsquery, 1)" if scored else "0.0"
        parameters = [tsquery(query)] if scored else []
        with connections[self.using].cursor() as cursor:
            cursor.execute(self.MATCH_SQL.format(score=score), [*parameters, tsquery(query, groups), limit])
            return list(cursor.fetchall())

    def _exists(self, query: ParsedQuery) -> bool:
        with connections[self.using].cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM search_searchentry WHERE tsv @@ %s::tsquery LIMIT 1", [tsquery(query)]
            )
            return cursor.fetchone() is not None


BACKENDS: dict[str, type[EngineBackend]] = {"sqlite": SQLiteBackend, "postgresql": PostgresBackend}


def get_backend(using: str = "default", *, max_hits: int = MAX_HITS) -> EngineBackend:
    """The backend for the database behind `using`."""
    vendor = connections[using].vendor
    if vendor not in BACKENDS:
        raise ImproperlyConfigured(f"search supports SQLite and PostgreSQL, not {vendor}")
    return BACKENDS[vendor](using=using, max_hits=max_hits)


def search(query: SearchQuery) -> SearchResults:
    """Answer a query on the default database."""
    return get_backend().search(query)


def _passing(related: Sequence[RelatedRow], groups: Sequence[Sequence[int]]) -> list[Row]:
    """The related rows having, in every group, one of its codes."""
    wanted = [set(group) for group in groups]
    return [row for row, codes in related if all(codes & group for group in wanted)]


def _in_order(facets: dict[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
    """Facets in the order of FACETS, without empty ones."""
    order = {name: index for index, name in enumerate(FACETS)}
    ordered = sorted(facets.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))
    return {name: values for name, values in ordered if values}


def _values(values: Sequence[str] | str) -> list[str]:
    """Distinct non-empty strings, capped (filter values come from URLs); a lone string is one value."""
    items = [values] if isinstance(values, str) else list(values)
    cleaned = (str(v).replace("\x00", "")[:200] for v in items)  # PostgreSQL refuses NUL in text
    return list(dict.fromkeys(v for v in cleaned if v))[:MAX_FILTER_VALUES]


def _since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)
