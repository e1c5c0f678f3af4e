"""Writing the index: add or replace documents, reindex or remove a record, rebuild everything.

Every write runs in a transaction per batch of documents. The engines' own structures follow the tables
through database triggers (migration 0002), so they are consistent with them inside that transaction.
Other apps call these through tasks (tsc_hub.search.tasks) enqueued after their own commit.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator

import numpy as np
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from tsc_hub.search import fuzzy
from tsc_hub.search.analysis import analysed_text
from tsc_hub.search.documents import Document, InvalidDocument, record_key, source_for, sources
from tsc_hub.search.models import SearchDocument, SearchEntry, SearchFacetValue
from tsc_hub.search.query import facet_token

BATCH_SIZE = 500
MAX_TITLE_TOKENS = 256
# PostgreSQL keeps positions up to 16,383; indexing fewer tokens keeps phrases equal on both engines.
MAX_BODY_TOKENS = 16_000
Progress = Callable[[int, int | None], None]


class UnknownKind(LookupError):
    """No source is registered for this kind of record."""


def index_documents(docs: Iterable[Document]) -> int:
    """Add documents, replacing those with the same key and language; returns how many were written."""
    written = 0
    for batch in _batches(docs):
        with transaction.atomic():
            written += _replace(batch)
    return written


def reindex(kind: str, object_id: int) -> int:
    """Replace every language version of one record by what its source says now (nothing if unpublished)."""
    source = source_for(kind)
    if source is None:
        raise UnknownKind(kind)
    key = record_key(kind, object_id)
    docs = source.documents_for(object_id)
    if any(doc.key != key for doc in docs):
        raise InvalidDocument(f"the {kind} source returned documents of another record than {key}")
    with transaction.atomic():
        _delete(SearchDocument.objects.filter(key=key))
        return _replace(docs)


def remove(kind: str, object_id: int) -> int:
    """Remove every language version of one record; returns how many documents went."""
    with transaction.atomic():
        return _delete(SearchDocument.objects.filter(key=record_key(kind, object_id)))


def rebuild(progress: Progress | None = None) -> int:
    """Make the index equal to what the sources hold now; returns how many documents were written.

    Records are replaced batch by batch (the index keeps answering meanwhile), then whatever was not
    written by this rebuild (deleted records, kinds without a source) is removed. Running it twice
    gives the same index.
    """
    started = timezone.now()
    written = 0
    for source in sources():
        for batch in _batches(source.all_documents()):
            with transaction.atomic():
                written += _replace(batch, stale_before=started)
            if progress is not None:
                progress(written, None)
    stale = SearchDocument.objects.filter(updated_at__lt=started).values_list("id", flat=True)
    while ids := list(stale[:BATCH_SIZE]):
        with transaction.atomic():
            _delete(SearchDocument.objects.filter(id__in=ids))
    with transaction.atomic():
        fuzzy.prune_terms()
    optimise()
    return written


def optimise() -> None:
    """Let the engine compact its index after many writes (FTS5 merges its segments; PostgreSQL analyses)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        else:
            cursor.execute("ANALYZE search_searchentry")


def record_hash(key: str) -> int:
    """A signed 64-bit hash of a record key: language versions of one record share it."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little", signed=True)


def facet_codes(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The code of every (facet, value), creating codes for new values."""
    found = SearchFacetValue.objects.codes(pairs)
    missing = pairs - found.keys()
    if missing:
        SearchFacetValue.objects.bulk_create(
            [SearchFacetValue(facet=f, value=v) for f, v in sorted(missing)], ignore_conflicts=True
        )
        found |= SearchFacetValue.objects.codes(missing)
    return found


def document_rows(doc: Document, codes: dict[tuple[str, str], int]) -> tuple[SearchDocument, SearchEntry]:
    """The two rows that index one document (unsaved; the entry is linked once the document has an id)."""
    own = sorted({codes[pair] for pair in doc.facet_pairs()})
    title, body = _text(doc.title), _text(doc.body)
    document = SearchDocument(
        key=doc.key,
        kind=doc.kind,
        subkind=doc.subkind,
        language=doc.language,
        title=title,
        body=body,
        url=_text(doc.url),
        date=doc.date,
        year=doc.date.year if doc.date else None,
        analysed_title=analysed_text(title, MAX_TITLE_TOKENS),
        analysed_body=analysed_text(body, MAX_BODY_TOKENS),
        facet_tokens=" ".join(facet_token(code) for code in own),
    )
    entry = SearchEntry(
        record=record_hash(doc.key),
        sort_date=_sort_date(doc.date),
        facet_codes=np.asarray(own, dtype="<u4").tobytes(),
    )
    return document, entry


# A stored document equal to a new one in these fields is left alone (its entry derives from them too).
_COMPARED = (
    "kind",
    "subkind",
    "title",
    "body",
    "url",
    "date",
    "analysed_title",
    "analysed_body",
    "facet_tokens",
)


def _replace(docs: Iterable[Document], stale_before: datetime.datetime | None = None) -> int:
    """Write one batch inside the caller's transaction; returns how many documents it holds.

    A document replaces the one with its key and language, unless they are equal: then only `updated_at`
    moves (no engine work, so a rebuild of an unchanged index rewrites nothing). With `stale_before` (a
    rebuild), the other languages of its record written before that time are removed.
    """
    unique = {(d.key, d.language): d for d in docs}  # the last version of a document in a batch wins
    if not unique:
        return 0
    for doc in unique.values():
        doc.validate()
    codes = facet_codes({pair for doc in unique.values() for pair in doc.facet_pairs()})
    rows = {pair: document_rows(doc, codes) for pair, doc in unique.items()}
    existing = SearchDocument.objects.filter(key__in={key for key, _ in unique})
    unchanged, doomed = [], []
    for pk, key, language, updated_at, *stored in existing.values_list(
        "id", "key", "language", "updated_at", *_COMPARED
    ):
        new = rows.get((key, language))
        if new is not None and stored == [getattr(new[0], field) for field in _COMPARED]:
            unchanged.append(pk)
            del rows[(key, language)]
        elif new is not None or (stale_before is not None and updated_at < stale_before):
            doomed.append(pk)
    SearchDocument.objects.filter(id__in=unchanged).update(updated_at=timezone.now())
    _delete(SearchDocument.objects.filter(id__in=doomed))
    documents = SearchDocument.objects.bulk_create([document for document, _ in rows.values()])
    for document, (_, entry) in zip(documents, rows.values(), strict=True):
        entry.document = document
    SearchEntry.objects.bulk_create([entry for _, entry in rows.values()])
    fuzzy.add_terms(fuzzy.count_terms(document.analysed_title for document in documents))
    return len(unique)


def _delete(documents: QuerySet[SearchDocument]) -> int:
    """Delete documents, uncounting their title words; returns how many went."""
    titles = list(documents.values_list("analysed_title", flat=True))
    if not titles:
        return 0
    fuzzy.remove_terms(fuzzy.count_terms(titles))
    return documents.delete()[1].get(SearchDocument._meta.label, 0)


def _text(text: str) -> str:
    return text.replace("\x00", "")  # PostgreSQL refuses NUL in text


def _sort_date(date: datetime.date | None) -> int:
    return date.year * 10_000 + date.month * 100 + date.day if date else 0


def _batches(docs: Iterable[Document]) -> Iterator[list[Document]]:
    iterator = iter(docs)
    while batch := list(itertools.islice(iterator, BATCH_SIZE)):
        yield batch
