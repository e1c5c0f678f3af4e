"""The one way terms reach the database: an upsert by identifier that never duplicates.

It takes the model classes as arguments so that the data migration can run it with the historical
models of `apps.get_model` and the services with the live ones. It writes no audit events and opens no
transaction: the caller (a service, or a migration, which is atomic) does both.

Texts are merged language by language: a language given by the file replaces the stored one, and
languages the file does not give are kept, so a CHM file in English never erases our translations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db import models

from tsc_hub.vocabularies.formats import TermData, VocabularyData

Progress = Callable[[int, int], None]
"""Called after each term with (terms done, terms in the file)."""

RelationMode = Literal["replace", "add"]
"""`replace`: the file states all the relations of its terms. `add`: relations are only ever added."""

TEXT_FIELDS = ("labels", "short_labels", "definitions")
VALUE_FIELDS = ("notation", "chm_term_id", "position")


@dataclass
class UpsertOutcome:
    """What an upsert did: term identifiers created, updated (with the fields changed) and unchanged."""

    vocabulary: Any
    vocabulary_created: bool = False
    vocabulary_changes: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    # Relations naming a term the vocabulary does not have, as "TERM broader OTHER".
    unresolved: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.vocabulary_created or self.vocabulary_changes or self.created or self.updated)

    def mark_updated(self, identifier: str, field_name: str) -> None:
        if identifier in self.created:
            return
        fields = self.updated.setdefault(identifier, [])
        if field_name not in fields:
            fields.append(field_name)


def merge_texts(current: Mapping[str, str] | None, incoming: Mapping[str, str] | None) -> dict[str, str]:
    """The stored texts with the incoming non-blank languages laid over them, keys in UN order."""
    merged = dict(current or {})
    merged.update({language: text for language, text in (incoming or {}).items() if text})
    return {language: merged[language] for language in sorted(merged)}


def upsert_vocabulary(
    *,
    data: VocabularyData,
    vocabulary_model: type[models.Model],
    term_model: type[models.Model],
    relations: RelationMode,
    progress: Progress | None = None,
) -> UpsertOutcome:
    """Create or update a vocabulary and its terms by identifier, then set their relations."""
    vocabulary, created, changes = _upsert_vocabulary_row(data, vocabulary_model)
    outcome = UpsertOutcome(vocabulary=vocabulary, vocabulary_created=created, vocabulary_changes=changes)
    stored: Iterable[Any] = term_model._default_manager.filter(vocabulary=vocabulary).prefetch_related(
        "broader", "related"
    )
    existing: dict[str, Any] = {term.identifier: term for term in stored}
    current_broader = {
        key: {other.identifier for other in term.broader.all()} for key, term in existing.items()
    }
    current_related = {
        key: {other.identifier for other in term.related.all()} for key, term in existing.items()
    }
    # New terms go after the stored ones; among themselves they sort by identifier.
    next_position = max((term.position for term in existing.values()), default=-1) + 1
    terms = dict(existing)
    total = len(data.terms)
    for done, item in enumerate(data.terms, start=1):
        term = existing.get(item.identifier)
        if term is None:
            terms[item.identifier] = _create_term(item, vocabulary, term_model, next_position)
            outcome.created.append(item.identifier)
        else:
            changed_fields = _update_term(term, item)
            if changed_fields:
                outcome.updated[item.identifier] = changed_fields
        if progress is not None:
            progress(done, total)
    wanted_broader, wanted_related = _wanted_relations(data.terms)
    in_file = {item.identifier for item in data.terms}
    for name, wanted, current in (
        ("broader", wanted_broader, current_broader),
        ("related", wanted_related, current_related),
    ):
        _apply_relation(name, wanted, current, terms, in_file, relations, outcome)
    outcome.unchanged = [
        item.identifier
        for item in data.terms
        if item.identifier not in outcome.updated and item.identifier not in outcome.created
    ]
    return outcome


def _upsert_vocabulary_row(
    data: VocabularyData, vocabulary_model: type[models.Model]
) -> tuple[Any, bool, list[str]]:
    manager = vocabulary_model._default_manager
    vocabulary: Any = manager.filter(identifier=data.identifier).first()
    if vocabulary is None:
        vocabulary = manager.create(
            identifier=data.identifier,
            labels=merge_texts({}, data.labels),
            descriptions=merge_texts({}, data.descriptions),
            source=data.source or "",
        )
        return vocabulary, True, []
    changes: list[str] = []
    for name, incoming in (("labels", data.labels), ("descriptions", data.descriptions)):
        merged = merge_texts(getattr(vocabulary, name), incoming)
        if merged != getattr(vocabulary, name):
            setattr(vocabulary, name, merged)
            changes.append(name)
    if data.source is not None and data.source != vocabulary.source:
        vocabulary.source = data.source
        changes.append("source")
    if changes:
        vocabulary.save(update_fields=changes)
    return vocabulary, False, changes


def _create_term(item: TermData, vocabulary: Any, term_model: type[models.Model], position: int) -> Any:
    return term_model._default_manager.create(
        vocabulary=vocabulary,
        identifier=item.identifier,
        notation=item.notation or "",
        labels=merge_texts({}, item.labels),
        short_labels=merge_texts({}, item.short_labels),
        definitions=merge_texts({}, item.definitions),
        chm_term_id=item.chm_term_id,
        position=item.position if item.position is not None else position,
    )


def _update_term(term: Any, item: TermData) -> list[str]:
    """Apply the file's values to a stored term; the names of the fields that changed."""
    changed: list[str] = []
    for name in TEXT_FIELDS:
        incoming = getattr(item, name)
        if incoming is None:
            continue
        merged = merge_texts(getattr(term, name), incoming)
        if merged != getattr(term, name):
            setattr(term, name, merged)
            changed.append(name)
    for name in VALUE_FIELDS:
        value = getattr(item, name)
        if value is not None and value != getattr(term, name):
            setattr(term, name, value)
            changed.append(name)
    if changed:
        term.save(update_fields=changed)
    return changed


def _wanted_relations(items: Iterable[TermData]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Broader and related sets per term, with narrower turned round and related made symmetrical."""
    items = list(items)
    broader: dict[str, set[str]] = {item.identifier: set(item.broader) for item in items}
    related: dict[str, set[str]] = {item.identifier: set(item.related) for item in items}
    for item in items:
        for child in item.narrower:
            broader.setdefault(child, set()).add(item.identifier)
        for other in item.related:
            related.setdefault(other, set()).add(item.identifier)
    return broader, related


def _apply_relation(
    name: str,
    wanted: dict[str, set[str]],
    current: dict[str, set[str]],
    terms: dict[str, Any],
    in_file: set[str],
    mode: RelationMode,
    outcome: UpsertOutcome,
) -> None:
    for identifier in sorted(wanted):
        term = terms.get(identifier)
        if term is None:
            # Named as narrower or related by a term of the file, but not in the vocabulary.
            outcome.unresolved.extend(f"{identifier} {name} {other}" for other in sorted(wanted[identifier]))
            continue
        resolved = set()
        for other in sorted(wanted[identifier]):
            if other in terms and other != identifier:
                resolved.add(other)
            else:
                outcome.unresolved.append(f"{identifier} {name} {other}")
        stored = current.get(identifier, set())
        target = resolved if mode == "replace" and identifier in in_file else stored | resolved
        if target != stored:
            getattr(term, name).set([terms[other] for other in sorted(target)])
            outcome.mark_updated(identifier, name)
