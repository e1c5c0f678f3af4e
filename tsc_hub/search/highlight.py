"""Highlighted titles and snippets, built in Python from the original text and the analysed query.

The same code runs on both backends, so highlighting cannot differ between them. Matches are found by
analysing the text with offsets (tsc_hub.search.analysis), so 'exóticas' is marked for the query
'exoticas' and 湿地 inside 湿地保护 is marked exactly. Everything outside <mark> is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tsc_hub.search.analysis import OffsetTokens
from tsc_hub.search.query import Phrase

HIGHLIGHT_CHARS = 20_000  # only this much of a long body is searched for a snippet (analysis is ~0.3 µs/char)
SNIPPET_CHARS = 240
_SPACES = re.compile(r"\s+")
Span = tuple[int, int]


def _spans(text: str, terms: frozenset[str], phrases: Iterable[Phrase]) -> list[Span]:
    """Merged character spans of `text` covering query terms and phrases."""
    found = OffsetTokens(text)
    words = found.tokens
    spans = [found.span(i, i) for i, word in enumerate(words) if word in terms]
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(words) - size + 1):
            if words[i] == phrase[0] and tuple(words[i : i + size]) == phrase:
                spans.append(found.span(i, i + size - 1))
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _render(text: str, spans: list[Span], start: int, end: int) -> str:
    parts: list[str] = []
    position = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts += [escape(text[position:span_start]), "<mark>", escape(text[span_start:span_end]), "</mark>"]
        position = span_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text: str, terms: frozenset[str], phrases: Iterable[Phrase] = ()) -> SafeString:
    """All of `text`, escaped, with matches in <mark>."""
    return mark_safe(
        _render(text, _spans(text, terms, phrases), 0, len(text))
    )  # every part was escaped by _render


def _window(text: str, spans: list[Span], size: int) -> Span:
    """The stretch of about `size` characters holding the most matches, cut at word boundaries."""
    best_start, best_count, last = 0, 0, 0
    for first, (start, _) in enumerate(spans):
        last = max(last, first)
        while last + 1 < len(spans) and spans[last + 1][1] <= start + size:
            last += 1
        if last - first + 1 > best_count:
            best_start, best_count = start, last - first + 1
    start = max(0, best_start - size // 5)
    end = min(len(text), start + size)
    if start > 0:  # begin after a space, if there is one close by (no space in Chinese: cut anywhere)
        space = text.find(" ", start, best_start)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", max(start, end - size // 5), end)
        end = space if space != -1 else end
    return start, end


def snippet(
    text: str, terms: frozenset[str], phrases: Iterable[Phrase] = (), size: int = SNIPPET_CHARS
) -> SafeString:
    """A passage of `text` around its matches (its beginning if none), escaped, matches in <mark>."""
    text = _SPACES.sub(" ", text[:HIGHLIGHT_CHARS]).strip()
    spans = _spans(text, terms, phrases)
    start, end = _window(text, spans, size)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(
        prefix + _render(text, spans, start, end).strip() + suffix
    )  # every part was escaped by _render
