"""The vocabularies tsc-hub ships, one JSON file each in `data/`.

A file reads: {"identifier", "labels", "descriptions", "source", "terms": [{"identifier", "notation",
"labels", "short_labels", "definitions", "chm_term_id", "broader": [ids], "related": [ids]}]}.
Terms keep the order of the file. Relations name terms of the same file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from tsc_hub.vocabularies.formats import (
    MAX_NOTATION_LENGTH,
    Problems,
    TermData,
    VocabularyData,
    clean_identifier,
    clean_identifier_list,
    clean_optional_text,
    clean_term_id,
    clean_texts,
    entry_location,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


def builtin_files(directory: Path | None = None) -> list[Path]:
    """The data files, in name order."""
    return sorted((directory or DATA_DIR).glob("*.json"))


def read_builtin_vocabularies(directory: Path | None = None) -> list[VocabularyData]:
    """Every built-in vocabulary, read and checked; InvalidInput if a file is wrong."""
    return [read_builtin_file(path) for path in builtin_files(directory)]


def read_builtin_file(path: Path) -> VocabularyData:
    """One data file, read and checked."""
    problems = Problems()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        problems.add(path.name, str(error))
        problems.raise_if_any()
    return parse_builtin(raw, name=path.name)


def parse_builtin(raw: Any, *, name: str) -> VocabularyData:
    """Check a data file's content and turn it into VocabularyData (all problems reported at once)."""
    problems = Problems()
    if not isinstance(raw, dict):
        problems.add(name, _("Expected an object with “identifier”, “labels” and “terms”."))
        problems.raise_if_any()
    identifier = clean_identifier(raw.get("identifier"), problems=problems, where=name)
    labels = clean_texts(raw.get("labels"), problems=problems, where=name, name="labels")
    if labels is None:
        problems.add(name, _("“labels” must give the vocabulary's name in at least one language."))
    descriptions = clean_texts(raw.get("descriptions"), problems=problems, where=name, name="descriptions")
    source = clean_optional_text(
        raw.get("source"), problems=problems, where=name, name="source", max_length=255
    )
    entries = raw.get("terms")
    if not isinstance(entries, list):
        problems.add(name, _("“terms” must be a list."))
        problems.raise_if_any()
    terms = [_parse_term(entry, number, name, problems) for number, entry in enumerate(entries, start=1)]
    _check_references([term for term in terms if term is not None], name, problems)
    problems.raise_if_any()
    return VocabularyData(
        identifier=identifier or "",
        labels=labels,
        descriptions=descriptions,
        source=source or "",
        terms=tuple(term for term in terms if term is not None),
    )


def _parse_term(entry: Any, number: int, name: str, problems: Problems) -> TermData | None:
    where = f"{name} " + entry_location(number, entry.get("identifier") if isinstance(entry, dict) else None)
    if not isinstance(entry, dict):
        problems.add(where, _("Expected an object with the term's fields."))
        return None
    identifier = clean_identifier(entry.get("identifier"), problems=problems, where=where)
    labels = clean_texts(entry.get("labels"), problems=problems, where=where, name="labels")
    if labels is None:
        problems.add(where, _("“labels” must give the term's name in at least one language."))

    def texts(key: str) -> dict[str, str]:
        return clean_texts(entry.get(key), problems=problems, where=where, name=key) or {}

    def identifiers(key: str) -> tuple[str, ...]:
        return clean_identifier_list(entry.get(key), problems=problems, where=where, name=key)

    notation = clean_optional_text(
        entry.get("notation"), problems=problems, where=where, name="notation", max_length=MAX_NOTATION_LENGTH
    )
    chm_term_id = clean_term_id(entry.get("chm_term_id"), problems=problems, where=where, name="chm_term_id")
    term = TermData(
        identifier=identifier or "",
        labels=labels,
        short_labels=texts("short_labels"),
        definitions=texts("definitions"),
        notation=notation or "",
        chm_term_id=chm_term_id,
        position=number,
        broader=identifiers("broader"),
        related=identifiers("related"),
    )
    return term if identifier else None


def _check_references(terms: list[TermData], name: str, problems: Problems) -> None:
    """Identifiers are unique and relations name other terms of the same file."""
    seen: set[str] = set()
    for term in terms:
        if term.identifier in seen:
            problems.add(name, _("“%(identifier)s” appears twice.") % {"identifier": term.identifier})
        seen.add(term.identifier)
    for term in terms:
        for other in (*term.broader, *term.related):
            if other == term.identifier or other not in seen:
                problems.add(
                    f"{name} {term.identifier}",
                    _("“%(other)s” is not another term of this vocabulary.") % {"other": other},
                )
