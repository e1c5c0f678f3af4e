"""Analysis: the same function for documents and queries, on every backend."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tsc_hub.search.analysis import (
    MAX_TOKEN_LENGTH,
    _normalise_slowly_with_offsets,
    analysed_text,
    normalise,
    normalise_with_offsets,
    token_groups,
    tokens,
    tokens_with_offsets,
)


def test_chinese_runs_become_overlapping_bigrams():
    assert tokens("湿地保护") == ["湿地", "地保", "保护"]
    assert tokens("湿") == ["湿"]
    assert token_groups("DNA条形码 湿地") == [["dna"], ["条形", "形码"], ["湿地"]]


def test_arabic_letters_and_marks_are_folded():
    assert tokens("المَحْمِيَّة") == tokens("المحمية") == tokens("المحميه") == ["المحميه"]
    assert tokens("أإآ") == ["ااا"]
    assert tokens("مـــصر") == tokens("مصر")  # tatweel
    assert tokens("٢٠٢٤") == ["2024"]  # Arabic-Indic digits


def test_latin_and_cyrillic_diacritics_are_removed():
    assert tokens("Especies exóticas, Ñandú") == ["especie", "exotica", "nandu"]  # plural "s" folded too
    assert tokens("Ёлка") == ["елка"]
    assert tokens("Straße ﬁsh") == ["strasse", "fish"]


def test_format_characters_do_not_split_words():
    assert tokens("bio\u00addiversity") == ["biodiversity"]


def test_tokens_are_letters_and_digits_only():
    assert tokens('a_b c-d e.f (g) NEAR/3 "h" i*') == [
        "a",
        "b",
        "c",
        "d",
        "e",
        "f",
        "g",
        "near",
        "3",
        "h",
        "i",
    ]


def test_long_words_are_cut():
    assert tokens("x" * 100) == ["x" * MAX_TOKEN_LENGTH]


def test_analysed_text_can_be_limited():
    assert analysed_text("one two three", limit=2) == "one two"


def test_offsets_point_into_the_original_text():
    text = "L'Espèce «exotique» 湿地保护"
    assert [(t.text, text[t.start : t.end]) for t in tokens_with_offsets(text)] == [
        ("l", "L"),
        ("espece", "Espèce"),
        ("exotique", "exotique"),
        ("湿地", "湿地"),
        ("地保", "地保"),
        ("保护", "保护"),
    ]


@given(st.text())
def test_the_fast_and_the_offset_analysis_agree(text):
    assert normalise_with_offsets(text) == _normalise_slowly_with_offsets(text)
    assert _normalise_slowly_with_offsets(text)[0] == normalise(text)
    assert [t.text for t in tokens_with_offsets(text)] == tokens(text)


@given(st.text(alphabet=st.characters(max_codepoint=0xFFFF)))
def test_offsets_of_basic_plane_text_agree_with_the_slow_path(text):
    assert normalise_with_offsets(text) == _normalise_slowly_with_offsets(text)


@given(st.text())
def test_analysis_is_idempotent_on_its_own_output(text):
    analysed = analysed_text(text)
    assert analysed_text(analysed) == analysed


def test_a_plural_s_is_folded_the_same_way_in_documents_and_queries():
    assert tokens("Wetlands, zones humides, áreas protegidas") == [
        "wetland",
        "zone",
        "humide",
        "area",
        "protegida",
    ]
    assert tokens("glass gas bus its 1990s") == ["glass", "gas", "bus", "its", "1990s"]  # ss, short, digits
    assert tokens("леса") == ["леса"]  # Latin letters only
