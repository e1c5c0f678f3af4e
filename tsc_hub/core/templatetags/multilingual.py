"""Template tools for multilingual content fields."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from tsc_hub.core.languages import NATIVE_NAMES, RTL_LANGUAGES, pick_text

register = template.Library()


@register.simple_tag
def ml(value: Any, original: str | None = None) -> SafeString:
    """Show a multilingual value in the reader's language, marking a fallback to another language."""
    chosen = pick_text(value, original=original)
    direction = "rtl" if chosen.language in RTL_LANGUAGES else "ltr"
    if not chosen.is_fallback:
        return format_html('<span lang="{}" dir="{}">{}</span>', chosen.language, direction, chosen.text)
    note = _("Not available in your language; shown in %(language)s.") % {
        "language": NATIVE_NAMES.get(chosen.language, chosen.language)
    }
    return format_html(
        '<span lang="{}" dir="{}" class="ml-fallback">{}</span> <abbr class="ml-marker" title="{}">{}</abbr>',
        chosen.language,
        direction,
        chosen.text,
        note,
        chosen.language.upper(),
    )


@register.filter
def ml_text(value: Any, original: str | None = None) -> str:
    """The plain text of a multilingual value in the reader's language (for attributes, titles)."""
    return pick_text(value, original=original).text
