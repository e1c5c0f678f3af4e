"""Reading CBD Clearing-House (CHM) thesaurus term files.

The CHM thesaurus API answers a domain's terms as a JSON list of
{termId, identifier, name, title{lang}, shortTitle{lang}, description, longDescription{lang},
broaderTerms, narrowerTerms, relatedTerms, ...}. Every entry is checked before anything is written.

English labels grouped by domain ({"organization_types": {identifier: label}, "regions": {...}}, as in the
CBD's identifier-label files) are read too: the group named like the vocabulary (ORGANIZATION-TYPES reads
"organization_types") gives its terms.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from tsc_hub.vocabularies.formats import (
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

# CHM titles start with a code ("GBF-T01. ", "GBF-G-A. "); the notation says that, so labels drop it
# and read the same in every language.
CODE_PREFIX = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\.\s+")


def load_chm_json(path_or_data: str | Path | Any) -> Any:
    """The parsed content of a CHM file (a path), or the data itself if it is already parsed."""
    if not isinstance(path_or_data, (str, Path)):
        return path_or_data
    path = Path(path_or_data)
    problems = Problems()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.add(path.name, _("There is no such file."))
    except (OSError, UnicodeDecodeError) as error:
        problems.add(path.name, _("The file cannot be read (%(error)s).") % {"error": error})
    except json.JSONDecodeError as error:
        problems.add(
            path.name,
            _("This is not valid JSON (%(error)s at line %(line)d, column %(column)d).")
            % {"error": error.msg, "line": error.lineno, "column": error.colno},
        )
    problems.raise_if_any()
    return None  # pragma: no cover - raise_if_any raised


def strip_code(texts: dict[str, str] | None) -> dict[str, str] | None:
    """Texts without a leading CHM code such as "GBF-T01. "."""
    if texts is None:
        return None
    return {language: CODE_PREFIX.sub("", text, count=1) or text for language, text in texts.items()}


def parse_chm_terms(raw: Any, *, vocabulary: str) -> VocabularyData:
    """Check a CHM term list and turn it into VocabularyData; InvalidInput lists every problem."""
    problems = Problems()
    if isinstance(raw, dict):
        raw = _group_of_labels(raw, vocabulary, problems)
    if not isinstance(raw, list):
        problems.add("", _("A CHM terms file must be a JSON list of terms."))
        problems.raise_if_any()
    if not raw:
        problems.add("", _("The file contains no terms."))
        problems.raise_if_any()
    terms: list[TermData] = []
    seen: set[str] = set()
    for number, entry in enumerate(raw, start=1):
        term = _parse_entry(entry, number, problems)
        if term is None:
            continue
        if term.identifier in seen:
            problems.add(
                entry_location(number, term.identifier),
                _("“%(identifier)s” appears more than once in the file.") % {"identifier": term.identifier},
            )
        seen.add(term.identifier)
        terms.append(term)
    problems.raise_if_any()
    return VocabularyData(identifier=vocabulary, terms=tuple(terms))


def _group_key(name: str) -> str:
    return name.strip().casefold().replace("-", "_").replace(" ", "_")


def _group_of_labels(raw: dict[str, Any], vocabulary: str, problems: Problems) -> Any:
    """The terms of the group of English labels named like the vocabulary, as CHM term entries; `raw`
    itself when it holds no such groups; None (with a problem naming the groups) when none is named so."""
    groups = {
        name: labels
        for name, labels in raw.items()
        if isinstance(labels, dict) and labels and all(isinstance(label, str) for label in labels.values())
    }
    if not groups:
        return raw
    group = next(
        (labels for name, labels in groups.items() if _group_key(name) == _group_key(vocabulary)), None
    )
    if group is not None:
        return [{"identifier": identifier, "name": label} for identifier, label in group.items()]
    problems.add(
        "",
        _("This file groups terms by domain (%(groups)s): name the vocabulary after one, e.g. %(example)s.")
        % {"groups": ", ".join(groups), "example": next(iter(groups)).upper().replace("_", "-")},
    )
    return None


def _parse_entry(entry: Any, number: int, problems: Problems) -> TermData | None:
    if not isinstance(entry, dict):
        problems.add(entry_location(number), _("Expected an object with the term's fields."))
        return None
    where = entry_location(number, entry.get("identifier"))
    errors_before = len(problems.items)
    identifier = clean_identifier(entry.get("identifier"), problems=problems, where=where)
    title = clean_texts(entry.get("title"), problems=problems, where=where, name="title")
    short_title = clean_texts(entry.get("shortTitle"), problems=problems, where=where, name="shortTitle")
    long_description = clean_texts(
        entry.get("longDescription"), problems=problems, where=where, name="longDescription"
    )
    name = clean_optional_text(entry.get("name"), problems=problems, where=where, name="name")
    description = clean_optional_text(
        entry.get("description"), problems=problems, where=where, name="description"
    )
    term_id = clean_term_id(entry.get("termId"), problems=problems, where=where, name="termId")
    relations = {
        key: clean_identifier_list(entry.get(key), problems=problems, where=where, name=key)
        for key in ("broaderTerms", "narrowerTerms", "relatedTerms")
    }
    if identifier is None or len(problems.items) > errors_before:
        return None
    return TermData(
        identifier=identifier,
        labels=strip_code(title or ({"en": name} if name else None)),
        short_labels=strip_code(short_title),
        definitions=long_description or ({"en": description} if description else None),
        chm_term_id=term_id,
        broader=_others(relations["broaderTerms"], identifier),
        narrower=_others(relations["narrowerTerms"], identifier),
        related=_others(relations["relatedTerms"], identifier),
    )


def _others(identifiers: tuple[str, ...], identifier: str) -> tuple[str, ...]:
    return tuple(other for other in identifiers if other != identifier)
