"""The query parser: small grammar, bounded size, nothing passes through as engine syntax."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tsc_hub.search.query import MAX_CLAUSES, Clause, ParsedQuery, fts5_match, parse, tsquery


def typed(text):
    return [clause.typed for clause in parse(text).clauses]


def test_words_are_required_and_quotes_make_phrases():
    assert typed('wetland "marine protected areas" Kunming') == [
        ("wetland",),
        ("marine", "protected", "area"),
        ("kunming",),
    ]
    assert typed("«zones humides» “湿地”") == [("zone", "humide"), ("湿地",)]


def test_an_unmatched_quote_is_ignored():
    assert typed('marine "protected areas') == [("marine",), ("protected",), ("area",)]


def test_chinese_runs_are_phrases():
    assert typed("湿地保护") == [("湿地", "地保", "保护")]


def test_operators_are_plain_punctuation():
    assert typed("a OR b NOT -c NEAR(d e) f* ^g h:i") == [
        ("a",),
        ("or",),
        ("b",),
        ("not",),
        ("c",),
        ("near",),
        ("d",),
        ("e",),
        ("f",),
        ("g",),
        ("h",),
        ("i",),
    ]


def test_repeated_words_count_once_and_clauses_are_capped():
    assert typed("a a a") == [("a",)]
    assert len(parse(" ".join(f"w{n}" for n in range(1000))).clauses) == MAX_CLAUSES


def test_engine_queries():
    query = parse('wetland "marine areas"').with_alternatives({0: ["wetlandz"]})
    assert fts5_match(query, [[3, 4]]) == '("wetland" OR "wetlandz") AND "marine area" AND ("§3" OR "§4")'
    assert tsquery(query, [[3]]) == (
        "('wetland' | 'wetlandz') & ('marine':A <-> 'area':A | 'marine':B <-> 'area':B) & '§3'"
    )


def test_quotes_in_tokens_would_be_escaped():
    query = ParsedQuery((Clause((("it's", 'say"x'),)),))
    assert fts5_match(query) == '"it\'s say""x"'
    assert tsquery(query) == "('it''s':A <-> 'say\"x':A | 'it''s':B <-> 'say\"x':B)"


@given(st.text())
def test_any_text_parses_into_plain_tokens(text):
    for clause in parse(text).clauses:
        for token in clause.typed:
            assert token
            assert all(char.isalnum() for char in token)
