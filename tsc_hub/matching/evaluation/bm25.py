"""The plain BM25 baseline the engine is measured against.

Okapi BM25 (k1 = 1.2, b = 0.75, Lucene's idf) over every item of the set for each request, with no hard
constraint: items outside the request's country or past their deadline rank like any other, which is what
a plain text search would do. Texts are all language versions of a record (request: title, problem,
objectives; item: the texts the engine reads). Tokens are Unicode words, NFKC-normalised and casefolded
(accents kept, as a standard analyser does); Chinese, Japanese and Korean runs, written without spaces, are
split into overlapping character bigrams.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from tsc_hub.matching.engine.ranker import record_text
from tsc_hub.matching.engine.records import ItemRecord, RequestRecord

K1 = 1.2
B = 0.75

# Scripts written without spaces between words: Hangul Jamo, CJK punctuation-free blocks, kana, Han, Hangul.
_CJK_RANGES = (
    (0x1100, 0x11FF),
    (0x3040, 0x30FF),
    (0x3130, 0x318F),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _kind(char: str) -> str:
    """'cjk', 'word' or '' (a separator). Combining marks stay in their word (Arabic vowel signs)."""
    if _is_cjk(char):
        return "cjk"
    if char.isalnum() or unicodedata.category(char).startswith("M"):
        return "word"
    return ""


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[start : start + 2] for start in range(len(run) - 1)]


def tokenize(text: str) -> list[str]:
    """Word tokens of `text`, casefolded; CJK runs as character bigrams (a lone character as itself)."""
    normalised = unicodedata.normalize("NFKC", text).casefold()
    tokens: list[str] = []
    for kind, chars in itertools.groupby(normalised, key=_kind):
        run = "".join(chars)
        if kind == "cjk":
            tokens.extend(_bigrams(run))
        elif kind == "word":
            tokens.append(run)
    return tokens


class BM25:
    """An index of documents (id -> text) that scores a query against each of them."""

    def __init__(self, documents: Mapping[str, str], k1: float = K1, b: float = B) -> None:
        self.k1 = k1
        self.b = b
        self._ids = list(documents)
        self._counts = [Counter(tokenize(text)) for text in documents.values()]
        self._lengths = [sum(counts.values()) for counts in self._counts]
        self._average_length = sum(self._lengths) / len(self._lengths) if self._lengths else 0.0
        self._document_frequency: Counter[str] = Counter()
        for counts in self._counts:
            self._document_frequency.update(counts.keys())

    def idf(self, term: str) -> float:
        """Lucene's idf, never negative: a term in most documents still counts a little."""
        total, containing = len(self._ids), self._document_frequency[term]
        return math.log(1.0 + (total - containing + 0.5) / (containing + 0.5))

    def scores(self, query: str) -> dict[str, float]:
        """The BM25 score of every document for `query` (each distinct query term counted once)."""
        terms = set(tokenize(query))
        return {
            document_id: self._score(terms, counts, length)
            for document_id, counts, length in zip(self._ids, self._counts, self._lengths, strict=True)
        }

    def _score(self, terms: Iterable[str], counts: Counter[str], length: int) -> float:
        # Length normalisation relative to the average document; a corpus of empty texts scores nothing.
        norm = (
            self.k1 * (1.0 - self.b + self.b * length / self._average_length) if self._average_length else 1.0
        )
        score = 0.0
        for term in terms:
            frequency = counts.get(term, 0)
            if frequency:
                score += self.idf(term) * frequency * (self.k1 + 1.0) / (frequency + norm)
        return score

    def rank(self, query: str, top: int | None = None) -> list[str]:
        """Ids of the documents sharing a term with `query`, best first (ties by id), at most `top`."""
        scored = [(score, document_id) for document_id, score in self.scores(query).items() if score > 0]
        scored.sort(key=lambda entry: (-entry[0], entry[1]))
        return [document_id for _, document_id in scored[:top]]


def rank_bm25(
    requests: Sequence[RequestRecord], items: Sequence[ItemRecord], top: int | None = 10
) -> dict[str, list[str]]:
    """Request id -> the ids of the items BM25 ranks first for it (every item is a candidate)."""
    index = BM25({item.id: record_text(item.texts) for item in items})
    return {request.id: index.rank(record_text(request.texts), top) for request in requests}
