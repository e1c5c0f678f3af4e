"""API schemas of vocabularies and terms."""

from __future__ import annotations

from typing import Any

from ninja import Schema

from tsc_hub.core.languages import pick_text


class VocabularyOut(Schema):
    """A vocabulary; `label` is in the language asked for (Accept-Language), with fallback."""

    identifier: str
    label: str
    labels: dict[str, str]
    descriptions: dict[str, str]
    source: str
    term_count: int

    @staticmethod
    def resolve_label(obj: Any) -> str:
        return pick_text(obj.labels).text or obj.identifier


class TermOut(Schema):
    """A term with its labels in six languages, `label` in the language asked for, and its relations."""

    identifier: str
    notation: str
    label: str
    labels: dict[str, str]
    short_labels: dict[str, str]
    definitions: dict[str, str]
    chm_term_id: int | None
    broader: list[str]
    narrower: list[str]
    related: list[str]

    @staticmethod
    def resolve_label(obj: Any) -> str:
        return pick_text(obj.labels).text or obj.identifier

    @staticmethod
    def resolve_broader(obj: Any) -> list[str]:
        return [term.identifier for term in obj.broader.all()]

    @staticmethod
    def resolve_narrower(obj: Any) -> list[str]:
        return [term.identifier for term in obj.narrower.all()]

    @staticmethod
    def resolve_related(obj: Any) -> list[str]:
        return [term.identifier for term in obj.related.all()]
