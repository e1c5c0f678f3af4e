"""The six UN languages and the display rule for multilingual content.

Content fields are JSON objects keyed by the CHM's two-letter codes (ar, en, es, fr, ru, zh).
Django calls Chinese "zh-hans" for its own translations; `content_language` maps between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import translation

UN_LANGUAGES: tuple[str, ...] = ("ar", "en", "es", "fr", "ru", "zh")
RTL_LANGUAGES = frozenset({"ar"})
# Each language named in itself, as a language switcher shows it.
NATIVE_NAMES: dict[str, str] = {
    "ar": "العربية",
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "ru": "Русский",
    "zh": "中文",
}


def content_language(django_code: str | None = None) -> str:
    """The content key (ar/en/es/fr/ru/zh) for a Django language code; the active one by default."""
    code = (django_code or translation.get_language() or "en").lower()
    base = code.split("-")[0].split("_")[0]
    return base if base in UN_LANGUAGES else "en"


def django_language(content_code: str) -> str:
    """The Django language code for a content key."""
    return "zh-hans" if content_code == "zh" else content_code


@dataclass(frozen=True)
class LocalizedText:
    """A text chosen from a multilingual value, with the language it is really in."""

    text: str
    language: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text


def pick_text(value: Any, language: str | None = None, original: str | None = None) -> LocalizedText:
    """The user's language, else the record's original language, else English, else any.

    `is_fallback` is true whenever the text is not in the requested language, so the page can
    show a marker.
    """
    wanted = language or content_language()
    if not isinstance(value, dict):
        return LocalizedText(str(value or ""), wanted, False)
    order = [wanted, original, "en", *UN_LANGUAGES, *value.keys()]
    for code in order:
        if code and isinstance(value.get(code), str) and value[code].strip():
            return LocalizedText(value[code], code, code != wanted)
    return LocalizedText("", wanted, False)


def clean_multilingual(value: Any, *, required: bool = False) -> dict[str, str]:
    """Validate a multilingual value: only UN language keys, text values, blanks dropped.

    Raises ValueError with a message a person can read.
    """
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ValueError(
            translation.gettext("Expected texts keyed by language code (ar, en, es, fr, ru, zh).")
        )
    cleaned: dict[str, str] = {}
    for key, text in value.items():
        if key not in UN_LANGUAGES:
            raise ValueError(
                translation.gettext("“%(code)s” is not one of the six UN languages.") % {"code": key}
            )
        if not isinstance(text, str):
            raise ValueError(translation.gettext("Each language must have a text value."))
        if text.strip():
            cleaned[key] = text.strip()
    if required and not cleaned:
        raise ValueError(translation.gettext("Give a text in at least one language."))
    return cleaned
