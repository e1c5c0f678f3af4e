"""Typo tolerance for names: a vocabulary of title words, and its words within one edit of a query word.

Candidates come from "symmetric deletes": the vocabulary stores every word with each one-letter deletion
of it, so two words within one edit (insertion, deletion, substitution or swap of neighbours) share a
stored form. One indexed lookup finds them on either database, then an exact check keeps true neighbours,
so both backends expand a typo to the same words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import connection

from tsc_hub.search.models import SearchTerm, SearchTermVariant

MIN_LENGTH = 4  # shorter words have too many neighbours to guess from
MAX_LENGTH = 32
MAX_CORRECTIONS = 5


def eligible(token: str) -> bool:
    """Whether a token can be corrected: a word of letters of some length (not a number, not Chinese)."""
    return MIN_LENGTH <= len(token) <= MAX_LENGTH and token.isalpha() and not _has_cjk(token)


def _has_cjk(token: str) -> bool:
    return any("\u3040" <= char <= "\u9fff" or char >= "\U00020000" for char in token)


def deletions(token: str) -> set[str]:
    """The token with one character deleted, every way."""
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


def within_one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by at most one insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) < len(b):
        return a[start:] == b[start + 1 :]
    if a[start + 1 :] == b[start + 1 :]:
        return True
    return (
        start + 1 < len(a)
        and a[start] == b[start + 1]
        and a[start + 1] == b[start]
        and a[start + 2 :] == b[start + 2 :]
    )


def title_terms(analysed_title: str) -> set[str]:
    """The distinct correctable words of an analysed title."""
    return {token for token in analysed_title.split() if eligible(token)}


def add_terms(counts: Counter[str]) -> None:
    """Count documents for title words, adding new words and their variants to the vocabulary."""
    if not counts:
        return
    known = set(SearchTerm.objects.filter(token__in=list(counts)).values_list("token", flat=True))
    with connection.cursor() as cursor:
        # One statement on both databases: add the word or increase its count.
        cursor.executemany(
            "INSERT INTO search_searchterm (token, documents) VALUES (%s, %s) "
            "ON CONFLICT (token) DO UPDATE SET documents = search_searchterm.documents + excluded.documents",
            sorted(counts.items()),
        )
    new = SearchTerm.objects.filter(token__in=[t for t in counts if t not in known])
    SearchTermVariant.objects.bulk_create(
        [
            SearchTermVariant(variant=v, term=term)
            for term in new
            for v in {term.token} | deletions(term.token)
        ],
        ignore_conflicts=True,
    )


def remove_terms(counts: Counter[str]) -> None:
    """Uncount documents for title words (words at zero stay until `prune_terms`)."""
    if counts:
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchterm SET documents = documents - %s WHERE token = %s",
                [(n, token) for token, n in sorted(counts.items())],
            )


def prune_terms() -> int:
    """Forget words no document has any more."""
    deleted, _ = SearchTerm.objects.filter(documents__lte=0).delete()
    return deleted


def corrections(token: str) -> list[str]:
    """Vocabulary words within one edit of `token`, most frequent first (at most MAX_CORRECTIONS)."""
    if not eligible(token):
        return []
    rows = (
        SearchTermVariant.objects.filter(
            variant__in=sorted({token} | deletions(token)), term__documents__gt=0
        )
        .values_list("term__token", "term__documents")
        .distinct()
    )
    found = {word: documents for word, documents in rows if word != token and within_one_edit(word, token)}
    return sorted(found, key=lambda word: (-found[word], word))[:MAX_CORRECTIONS]


def count_terms(titles: Iterable[str]) -> Counter[str]:
    """How many of the given analysed titles have each correctable word."""
    counts: Counter[str] = Counter()
    for title in titles:
        counts.update(title_terms(title))
    return counts
