"""The in-memory shape of vocabulary data read from files, and how reading problems are reported.

Readers (`builtin`, `chm`) turn a file into a `VocabularyData` or raise `InvalidInput` listing every
problem found; nothing is written to the database until a whole file has been read without problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.languages import clean_multilingual

# The identifier columns of Vocabulary and Term.
MAX_IDENTIFIER_LENGTH = 64
MAX_NOTATION_LENGTH = 32
# PositiveIntegerField holds 0..2,147,483,647 on every database Django supports.
MAX_TERM_ID = 2_147_483_647
# How many problems the error message spells out; `fields` always carries all of them.
PROBLEMS_IN_MESSAGE = 5


@dataclass(frozen=True)
class TermData:
    """One term as read from a file. None means "the file says nothing": what is stored is kept."""

    identifier: str
    labels: dict[str, str] | None = None
    short_labels: dict[str, str] | None = None
    definitions: dict[str, str] | None = None
    notation: str | None = None
    chm_term_id: int | None = None
    position: int | None = None
    broader: tuple[str, ...] = ()
    narrower: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class VocabularyData:
    """A vocabulary and its terms as read from a file."""

    identifier: str
    terms: tuple[TermData, ...] = ()
    labels: dict[str, str] | None = None
    descriptions: dict[str, str] | None = None
    source: str | None = None


class Problems:
    """Collects what is wrong with a file, each with where it is, then raises them all at once."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, message: str) -> None:
        self.items.append((where, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        """Raise InvalidInput naming the first problems; `fields` maps every location to its messages."""
        if not self.items:
            return
        shown = [f"{where}: {message}" if where else message for where, message in self.items]
        text = "; ".join(shown[:PROBLEMS_IN_MESSAGE])
        hidden = len(shown) - PROBLEMS_IN_MESSAGE
        if hidden > 0:
            text += " " + ngettext(
                "(and %(count)d more problem)", "(and %(count)d more problems)", hidden
            ) % {"count": hidden}
        fields: dict[str, list[str]] = {}
        for where, message in self.items:
            fields.setdefault(where or "file", []).append(message)
        raise InvalidInput(_("The file cannot be imported: %(problems)s") % {"problems": text}, fields=fields)


def clean_identifier(value: Any, *, problems: Problems, where: str, name: str = "identifier") -> str | None:
    """A non-blank identifier that fits the database column, or None after recording why not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.add(where, _("“%(name)s” is missing.") % {"name": name})
        return None
    if not isinstance(value, str):
        problems.add(where, _("“%(name)s” must be a text.") % {"name": name})
        return None
    value = value.strip()
    if len(value) > MAX_IDENTIFIER_LENGTH:
        problems.add(
            where,
            _("“%(name)s” is longer than %(max)d characters.") % {"name": name, "max": MAX_IDENTIFIER_LENGTH},
        )
        return None
    return value


def clean_texts(value: Any, *, problems: Problems, where: str, name: str) -> dict[str, str] | None:
    """Texts keyed by UN language; None when absent, empty or invalid (invalid is recorded)."""
    if value is None:
        return None
    try:
        cleaned = clean_multilingual(value)
    except ValueError as error:
        problems.add(where, f"“{name}”: {error}")
        return None
    return cleaned or None


def clean_identifier_list(value: Any, *, problems: Problems, where: str, name: str) -> tuple[str, ...]:
    """A list of term identifiers (absent means empty)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.add(where, _("“%(name)s” must be a list of term identifiers.") % {"name": name})
        return ()
    return tuple(dict.fromkeys(item.strip() for item in value if item.strip()))


def clean_term_id(value: Any, *, problems: Problems, where: str, name: str) -> int | None:
    """A CHM numeric term id, or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_TERM_ID:
        problems.add(where, _("“%(name)s” must be a whole number of at least 0.") % {"name": name})
        return None
    return value


def clean_optional_text(
    value: Any, *, problems: Problems, where: str, name: str, max_length: int | None = None
) -> str | None:
    """A plain text, or None."""
    if value is None:
        return None
    if not isinstance(value, str):
        problems.add(where, _("“%(name)s” must be a text.") % {"name": name})
        return None
    if max_length is not None and len(value.strip()) > max_length:
        problems.add(
            where, _("“%(name)s” is longer than %(max)d characters.") % {"name": name, "max": max_length}
        )
        return None
    return value.strip()


def entry_location(number: int, identifier: Any = None) -> str:
    """How a problem names an entry of a file: its 1-based number and, when known, its identifier."""
    if isinstance(identifier, str) and identifier.strip():
        return _("entry %(number)d (%(identifier)s)") % {"number": number, "identifier": identifier.strip()}
    return _("entry %(number)d") % {"number": number}
