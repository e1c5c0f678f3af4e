"""Properties of the multilingual display rule, over generated values."""

from hypothesis import given
from hypothesis import strategies as st

from tsc_hub.core.languages import UN_LANGUAGES, clean_multilingual, pick_text

languages = st.sampled_from(UN_LANGUAGES)
texts = st.text(min_size=0, max_size=20)
values = st.dictionaries(languages, texts, max_size=6)


@given(values, languages, st.one_of(st.none(), languages))
def test_the_wanted_language_wins_whenever_it_has_text(value, wanted, original):
    chosen = pick_text(value, language=wanted, original=original)
    if value.get(wanted, "").strip():
        assert (chosen.text, chosen.is_fallback) == (value[wanted], False)


@given(values, languages, st.one_of(st.none(), languages))
def test_a_fallback_is_always_marked_and_never_blank(value, wanted, original):
    chosen = pick_text(value, language=wanted, original=original)
    if chosen.language != wanted:
        assert chosen.is_fallback
        assert chosen.text.strip()
    if not any(text.strip() for text in value.values()):
        assert chosen.text == ""


@given(values, languages)
def test_original_language_comes_before_english(value, wanted):
    original = "fr"
    chosen = pick_text(value, language=wanted, original=original)
    if not value.get(wanted, "").strip() and value.get("fr", "").strip():
        assert chosen.language == "fr"


@given(values)
def test_cleaning_keeps_only_non_blank_texts_stripped(value):
    cleaned = clean_multilingual(value)
    assert set(cleaned) == {code for code, text in value.items() if text.strip()}
    assert all(text == text.strip() for text in cleaned.values())
