import pytest

from tsc_hub.core.languages import clean_multilingual, content_language, pick_text


def test_users_language_is_chosen_first():
    chosen = pick_text({"en": "Wetlands", "fr": "Zones humides"}, language="fr", original="en")
    assert (chosen.text, chosen.language, chosen.is_fallback) == ("Zones humides", "fr", False)


def test_falls_back_to_original_language_before_english():
    chosen = pick_text({"en": "Wetlands", "es": "Humedales"}, language="ar", original="es")
    assert (chosen.text, chosen.language, chosen.is_fallback) == ("Humedales", "es", True)


def test_falls_back_to_english_when_original_is_missing():
    chosen = pick_text({"en": "Wetlands", "ru": "Водно-болотные угодья"}, language="zh", original="fr")
    assert chosen.language == "en"
    assert chosen.is_fallback


def test_blank_texts_are_skipped():
    assert pick_text({"fr": "  ", "ru": "Лес"}, language="fr").text == "Лес"


def test_django_chinese_code_maps_to_content_key():
    assert content_language("zh-hans") == "zh"
    assert content_language("pt-br") == "en"


def test_unknown_language_key_is_rejected_with_a_message():
    with pytest.raises(ValueError, match="not one of the six UN languages"):
        clean_multilingual({"de": "Wald"})


def test_required_multilingual_needs_one_text():
    with pytest.raises(ValueError, match="at least one language"):
        clean_multilingual({"en": " "}, required=True)
