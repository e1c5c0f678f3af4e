"""Highlighting: safe HTML, matches found through analysis."""

from __future__ import annotations

from tsc_hub.search.highlight import highlight, snippet


def test_everything_but_the_marks_is_escaped():
    assert (
        highlight("<b>Kunming</b> & co", frozenset({"kunming"}))
        == "&lt;b&gt;<mark>Kunming</mark>&lt;/b&gt; &amp; co"
    )


def test_phrases_and_chinese_are_marked_as_whole_spans():
    assert highlight("marine protected areas", frozenset(), [("protected", "area")]) == (
        "marine <mark>protected areas</mark>"
    )
    assert highlight("保护湿地保护", frozenset(), [("湿地", "地保", "保护")]) == "保护<mark>湿地保护</mark>"


def test_a_snippet_is_taken_around_the_matches():
    text = (
        " ".join(f"w{n}" for n in range(300))
        + " the Kunming framework "
        + " ".join(f"x{n}" for n in range(300))
    )
    result = snippet(text, frozenset({"kunming", "framework"}), size=80)
    assert result.startswith("… ")
    assert result.endswith(" …")
    assert "<mark>Kunming</mark> <mark>framework</mark>" in result
    assert len(result) < 140


def test_a_snippet_without_matches_is_the_beginning():
    assert snippet("First words.\n\nThen more.", frozenset({"zzz"})) == "First words. Then more."
