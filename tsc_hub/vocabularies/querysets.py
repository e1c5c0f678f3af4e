"""Reads of vocabularies and terms. Vocabularies are public reference data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class VocabularyQuerySet(models.QuerySet[Any]):
    """Vocabularies."""

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> VocabularyQuerySet:
        return self

    def with_term_count(self) -> VocabularyQuerySet:
        """Each vocabulary with `term_count`, counted in the same query."""
        return self.annotate(term_count=models.Count("terms"))


class TermQuerySet(models.QuerySet[Any]):
    """Terms."""

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> TermQuerySet:
        return self

    def in_vocabulary(self, identifier: str) -> TermQuerySet:
        return self.filter(vocabulary__identifier=identifier)

    def top_level(self) -> TermQuerySet:
        return self.filter(broader__isnull=True)

    def with_relations(self) -> TermQuerySet:
        """Prefetch broader, narrower and related terms (identifiers only): three queries in all."""
        neighbours = self.model._default_manager.only("id", "identifier").order_by("position", "identifier")
        return self.prefetch_related(
            models.Prefetch("broader", queryset=neighbours),
            models.Prefetch("narrower", queryset=neighbours),
            models.Prefetch("related", queryset=neighbours),
        )
