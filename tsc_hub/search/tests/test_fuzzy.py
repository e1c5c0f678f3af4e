"""Typo tolerance: exact one-edit neighbours, found the same way on both databases."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tsc_hub.search.fuzzy import corrections, deletions, eligible, within_one_edit


def osa_distance(a: str, b: str) -> int:
    """Reference: optimal string alignment distance by dynamic programming."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@given(st.text("abcn", max_size=7), st.text("abcn", max_size=7))
def test_within_one_edit_is_an_osa_distance_of_at_most_one(a, b):
    assert within_one_edit(a, b) == (osa_distance(a, b) <= 1)


@given(st.text("abcdn", min_size=1, max_size=8), st.text("abcdn", min_size=1, max_size=8))
def test_neighbours_always_share_a_stored_variant(a, b):
    if within_one_edit(a, b):
        assert ({a} | deletions(a)) & ({b} | deletions(b))


def test_only_words_of_letters_of_some_length_are_corrected():
    assert eligible("kunmig")
    assert not eligible("kun")
    assert not eligible("2024")
    assert not eligible("湿地保护")
    assert not eligible("x" * 40)


def test_corrections_are_known_title_words_most_frequent_first(corpus):
    assert corrections("kunmig") == ["kunming"]
    assert corrections("botanu") == ["botany"]
    assert corrections("nothinglike") == []
    assert corrections("kun") == []
