"""Any text is answered: results or an empty result, never an error (on both engines)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tsc_hub.search.interface import SearchResults

SYNTAX = [
    '"',
    "*",
    "NEAR(",
    "-",
    ":",
    "^",
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "{",
    "}",
    "+",
    "'",
    "\\",
    "\x00",
    "<->",
    "!",
    "&",
    "|",
]
words = st.one_of(
    st.sampled_from(SYNTAX), st.sampled_from(["kunming", "湿地", "المحمية", "exóticas"]), st.text(max_size=12)
)

examples = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@examples
@given(st.lists(words, max_size=30).map(" ".join))
def test_any_query_is_answered(find, text):
    results = find(text)
    assert isinstance(results, SearchResults)
    assert results.total == len({hit.key for hit in results.hits}) or results.total > len(results.hits)


@examples
@given(
    st.text(), st.dictionaries(st.text(max_size=10), st.lists(st.text(max_size=10), max_size=3), max_size=3)
)
def test_any_filters_are_answered(find, text, filters):
    assert isinstance(
        find(text, filters=filters, kinds=list(filters), languages=list(filters)), SearchResults
    )


def test_thousands_of_words_are_answered(find):
    results = find(" ".join(["restoration"] + [f"word{n}" for n in range(5000)]))
    assert results.total == 0
    assert find("restoration " * 5000).total == 3


def test_odd_pages_are_answered(find):
    assert find("restoration", page=-3, per_page=0).hits[0].key == "resource:1"
    assert len(find("restoration", per_page=10_000).hits) == 3
