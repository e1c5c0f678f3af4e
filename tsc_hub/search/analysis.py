"""Text analysis shared by documents and queries on every backend: the same tokens give the same hits.

The engines never tokenise language themselves: SQLite FTS5 indexes our tokens with its `ascii` tokenizer
(which never splits a non-ASCII run) and PostgreSQL parses our space-separated tokens with the `simple`
configuration. Analysis is, in order:

1. compatibility decomposition (NFKD), case folding, and NFKD again (folding may create decomposable
   characters), so ligatures, full-width forms and presentation forms become plain letters;
2. removal of every combining mark (é→e, ñ→n, ё→е, Arabic tashkeel; أ إ آ decompose to ا plus a mark) and of
   format characters (soft hyphen, zero-width joiners), which therefore never split a word;
3. Arabic letter folding (ة→ه, ى→ي, ٱ→ا, Persian ک/ی) and removal of tatweel; Arabic-Indic digits → 0-9;
4. tokens are runs of letters and digits; runs of CJK ideographs or kana become overlapping bigrams
   (a single character stays a unigram), so 湿地 is found inside 湿地保护 without a dictionary;
5. a Latin-letter token of four letters or more ending in one "s" loses it, so that the plural of English,
   French, Spanish and Portuguese words finds the singular and back (wetlands = wetland, zones humides =
   zone humide, especies = especie). It is not a stemmer: it only folds the commonest inflection, in the same
   way for documents and queries, and never changes a word's span in the original text.

Every step maps characters one at a time, so `normalise` (whole string, C speed) and the character by
character folding behind `normalise_with_offsets` (for highlighting) give the same string; property tests
hold them to it.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

MAX_TOKEN_LENGTH = 64  # longer runs are cut, on documents and queries alike (PostgreSQL caps lexemes at 2 KB)

_CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# A token is a run of CJK letters or a run of other letters and digits (\w without the underscore).
_TOKEN = re.compile(rf"(?:(?=[{_CJK_RANGES}])[^\W_])+|[^\W_{_CJK_RANGES}]+")
_CJK = re.compile(rf"[{_CJK_RANGES}]")
_PLURAL = re.compile(r"(?<=[a-z]{2}[a-rt-z])s$")


def fold_plural(token: str) -> str:
    """The token without a plural "s" (step 5): wetlands → wetland; glass, gas and bus stay."""
    return _PLURAL.sub("", token)


_ARABIC = {
    "\u0629": "\u0647",  # ة → ه
    "\u0649": "\u064a",  # ى → ي
    "\u0671": "\u0627",  # ٱ → ا
    "\u06a9": "\u0643",  # Persian kaf → ك
    "\u06cc": "\u064a",  # Persian yeh → ي
    "\u0640": None,  # tatweel
}


@functools.cache
def _table() -> dict[int, str | None]:
    """One translate table for steps 2 and 3 (built once; scanning every code point takes ~0.2 s)."""
    table: dict[int, str | None] = {ord(k): v for k, v in _ARABIC.items()}
    for code in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(code))
        if category[0] == "M" or category == "Cf":
            table[code] = None
    for zero in (0x0660, 0x06F0):  # Arabic-Indic and Eastern Arabic-Indic digits
        for digit in range(10):
            table[zero + digit] = str(digit)
    return table


def normalise(text: str) -> str:
    """The folded form of `text` (steps 1-3), before tokenisation."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return folded.translate(_table())


@functools.lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    return normalise(char)


@functools.cache
def _bmp_fold_lengths() -> npt.NDArray[np.int64]:
    """How many characters each code point of the Basic Multilingual Plane folds to (built once, ~60 ms)."""
    return np.fromiter((len(normalise(chr(code))) for code in range(0x10000)), dtype=np.int64, count=0x10000)


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """`normalise(text)` and, for each of its characters, the index of the character of `text` behind it."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    if codes.size and int(codes.max()) < 0x10000:
        # Folding maps characters one at a time, so the offsets follow from each character's folded length.
        lengths = _bmp_fold_lengths()[codes]
        return normalise(text), np.repeat(np.arange(codes.size), lengths).tolist()
    return _normalise_slowly_with_offsets(text)


def _normalise_slowly_with_offsets(text: str) -> tuple[str, list[int]]:
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        if folded:
            parts.append(folded)
            origin.extend([index] * len(folded))
    return "".join(parts), origin


@dataclass(frozen=True, slots=True)
class Token:
    """An analysed token and the span [start, end) of the original text it was made from."""

    text: str
    start: int
    end: int


def _split(normalised: str) -> Iterator[list[tuple[str, int, int]]]:
    """Groups of (token, start, end) in `normalised`: one group per word, a CJK run's bigrams together."""
    for match in _TOKEN.finditer(normalised):
        run, start = match.group(), match.start()
        if _CJK.match(run) is None:
            yield [(fold_plural(run[:MAX_TOKEN_LENGTH]), start, match.end())]
        elif len(run) == 1:
            yield [(run, start, start + 1)]
        else:
            yield [(run[i : i + 2], start + i, start + i + 2) for i in range(len(run) - 1)]


def _flat(normalised: str) -> list[tuple[str, int, int]]:
    """(token, start, end) in `normalised`, in order; one regex pass when there is no CJK (the usual case)."""
    if _CJK.search(normalised) is None:
        return [
            (fold_plural(m.group()[:MAX_TOKEN_LENGTH]), m.start(), m.end())
            for m in _TOKEN.finditer(normalised)
        ]
    return [span for group in _split(normalised) for span in group]


def tokens(text: str) -> list[str]:
    """The analysed tokens of `text`, in order (what the index stores)."""
    normalised = normalise(text)
    if _CJK.search(normalised) is None:
        return [fold_plural(run[:MAX_TOKEN_LENGTH]) for run in _TOKEN.findall(normalised)]
    return [token for token, _, _ in _flat(normalised)]


def token_groups(text: str) -> list[list[str]]:
    """The tokens of `text` by word; the bigrams of a CJK run form one group (a query phrase)."""
    return [[token for token, _, _ in group] for group in _split(normalise(text))]


class OffsetTokens:
    """The tokens of a text, and the span of the original text behind any run of them (for highlighting)."""

    def __init__(self, text: str) -> None:
        normalised, self._origin = normalise_with_offsets(text)
        self._found = _flat(normalised)
        self.tokens = [token for token, _, _ in self._found]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """The [start, end) of the original text covered by tokens first..last (inclusive)."""
        return self._origin[self._found[first][1]], self._origin[self._found[last][2] - 1] + 1


def tokens_with_offsets(text: str) -> list[Token]:
    """The analysed tokens of `text` with the spans of the original text they cover."""
    found = OffsetTokens(text)
    return [Token(token, *found.span(i, i)) for i, token in enumerate(found.tokens)]


def analysed_text(text: str, limit: int | None = None) -> str:
    """The tokens of `text` joined by spaces, at most `limit` of them: the form both engines index."""
    found = tokens(text)
    return " ".join(found if limit is None else found[:limit])
