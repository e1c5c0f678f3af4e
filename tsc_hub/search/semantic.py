"""Cross-language results for "search in all languages": the records whose meaning is closest to the query.

Words only find records written in the words' language. With the switch on, the query is also embedded by
the multilingual sentence encoder the matching engine uses (USE multilingual v3), and compared with one
stored vector per record, so 湿地恢复 finds an English report on wetland restoration. These records come
after the word matches, marked as related.

The worker keeps the vectors (`refresh_vectors`, scheduled, and after a rebuild); a web process loads the
encoder the first time someone uses the switch (about 1.5 s, once) and holds the vectors as one float32
matrix, reloaded when they change. Beyond MAX_RECORDS records the matrix would weigh too much for every
web process to hold (512 floats a record), so the switch then searches the words of every language only
(docs/adr/0017-cross-language-search.md).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from django.db import connections, transaction
from django.db.models import Count, Max

from tsc_hub.matching.engine.embeddings import Matrix, normalise
from tsc_hub.matching.vectors import embedder, embedder_info, text_hash
from tsc_hub.search.models import SearchDocument, SearchVector

logger = logging.getLogger(__name__)

MAX_RECORDS = 100_000
NEAREST = 50  # records considered, before filters
# Which records count as related. USE scores a query and an unrelated record around -0.1 to 0.2, and a
# query and a record on its topic in another language 0.25 to 0.55 (short queries score lower, e.g. a
# two-word Arabic query for wetlands 0.26 with an English wetland report). A record is related when its
# similarity is at least FLOOR and at least RELATIVE times the best one, which drops the near-topic
# records (0.2) when the query clearly names one topic (0.45); docs/adr/0017-cross-language-search.md.
FLOOR = 0.2
RELATIVE = 0.7
TEXT_CHARS = 2_000  # of title and body: the encoder reads the beginning of a long text anyway
BATCH = 256
# The language version a record's vector is made from: the first present in this order.
LANGUAGE_ORDER = ("en", "fr", "es", "ru", "zh", "ar")
Progress = Callable[[int, int | None], None]


def _rank(language: str) -> int:
    return LANGUAGE_ORDER.index(language) if language in LANGUAGE_ORDER else len(LANGUAGE_ORDER)


def record_texts() -> Iterator[tuple[str, str]]:
    """(key, text) of every record in the index, from its first language version in LANGUAGE_ORDER."""
    rows = (
        SearchDocument.objects.order_by("key")
        .values_list("key", "language", "title", "body")
        .iterator(chunk_size=2_000)
    )
    for key, versions in itertools.groupby(rows, key=lambda row: row[0]):
        _, _, title, body = min(versions, key=lambda row: _rank(row[1]))
        yield key, f"{title}\n{body}"[:TEXT_CHARS]


def refresh_vectors(progress: Progress | None = None) -> int:
    """Embed every record whose text (or the encoder) changed; drop the vectors of records gone from the
    index. Returns how many records were embedded. Each batch is saved in its own transaction.

    Does nothing in degraded mode (no sentence encoder) or beyond MAX_RECORDS records: `nearest` would not
    use the vectors."""
    info = embedder_info()
    if info.degraded:
        return 0
    records = SearchDocument.objects.values("key").distinct().count()
    if records > MAX_RECORDS:
        logger.warning(
            "%d records: beyond %d, search in all languages has no related results", records, MAX_RECORDS
        )
        SearchVector.objects.all().delete()
        return 0
    current = (info.model, info.version)
    stored = {
        key: (model, version, digest)
        for key, model, version, digest in SearchVector.objects.values_list(
            "key", "model", "model_version", "text_hash"
        ).iterator(chunk_size=10_000)
    }
    seen: set[str] = set()
    stale: list[tuple[str, str]] = []
    for key, text in record_texts():
        seen.add(key)
        if stored.get(key) != (*current, text_hash(text)):
            stale.append((key, text))
    done = 0
    for start in range(0, len(stale), BATCH):
        batch = stale[start : start + BATCH]
        _save(batch, embedder().embed([text for _key, text in batch]))
        done += len(batch)
        if progress is not None:
            progress(done, len(stale))
    gone = [key for key in stored if key not in seen]
    for start in range(0, len(gone), 1_000):
        SearchVector.objects.filter(key__in=gone[start : start + 1_000]).delete()
    return done


def _save(batch: list[tuple[str, str]], vectors: Matrix) -> None:
    info = embedder_info()
    rows = [
        SearchVector(
            key=key,
            model=info.model,
            model_version=info.version,
            text_hash=text_hash(text),
            vector=np.asarray(vector, dtype="<f4").tobytes(),
        )
        for (key, text), vector in zip(batch, vectors, strict=True)
    ]
    with transaction.atomic():
        SearchVector.objects.filter(key__in=[key for key, _ in batch]).delete()
        SearchVector.objects.bulk_create(rows)


@dataclass(frozen=True)
class _Loaded:
    stamp: tuple[object, ...]
    keys: list[str]
    vectors: Matrix


_loaded: dict[str, _Loaded] = {}
_lock = threading.Lock()


def _current(using: str) -> _Loaded | None:
    """The vectors of the encoder in use, loaded once per process and again when they change."""
    info = embedder_info()
    vectors = SearchVector.objects.using(using).filter(model=info.model, model_version=info.version)
    figures = vectors.aggregate(count=Count("id"), last=Max("updated_at"), top=Max("id"))
    if not figures["count"] or figures["count"] > MAX_RECORDS:
        return None
    stamp = (info.model, info.version, figures["count"], figures["last"], figures["top"])
    with _lock:
        loaded = _loaded.get(using)
        if loaded is None or loaded.stamp != stamp:
            keys, blobs = [], []
            for key, blob in vectors.values_list("key", "vector").iterator(chunk_size=5_000):
                keys.append(key)
                blobs.append(bytes(blob))
            matrix = np.frombuffer(b"".join(blobs), dtype="<f4").reshape(len(keys), -1)
            loaded = _loaded[using] = _Loaded(stamp, keys, normalise(matrix))
    return loaded


def nearest(text: str, using: str = "default", limit: int = NEAREST) -> list[tuple[str, float]]:
    """The keys of the records related in meaning to `text` with their similarity, closest first (see
    FLOOR). Empty when there are no vectors, too many to hold, or only the character n-gram fallback,
    which knows spelling, not meaning, and would only repeat what the words found."""
    if embedder_info().degraded or not text.strip():
        return []
    loaded = _current(using)
    if loaded is None:
        return []
    query = embedder().embed([text])[0]
    if query.shape[0] != loaded.vectors.shape[1]:
        return []
    similarity = loaded.vectors @ query
    count = min(limit, similarity.size)
    top = np.argpartition(-similarity, count - 1)[:count]
    top = top[np.argsort(-similarity[top], kind="stable")]
    cut = max(FLOOR, RELATIVE * float(similarity[top[0]]))
    return [(loaded.keys[i], float(similarity[i])) for i in top.tolist() if similarity[i] >= cut]


def entry_rows(keys: list[str], using: str = "default") -> list[tuple[int, int, int, bytes, str]]:
    """Every language version's (document id, record, sort date, facet codes, key) of these records."""
    if not keys:
        return []
    marks = ", ".join(["%s"] * len(keys))
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT e.document_id, e.record, e.sort_date, e.facet_codes, d.key "
            "FROM search_searchdocument d JOIN search_searchentry e ON e.document_id = d.id "
            f"WHERE d.key IN ({marks})",
            keys,
        )
        return [(row[0], row[1], row[2], bytes(row[3]), row[4]) for row in cursor.fetchall()]
