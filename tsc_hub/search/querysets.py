"""Reads of the index tables that more than one module needs."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import models
from django.db.models import Q


class SearchFacetValueQuerySet(models.QuerySet[Any]):
    """Facet value codes."""

    def codes(self, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """The codes of the known (facet, value) pairs; unknown pairs are absent."""
        by_facet: dict[str, list[str]] = defaultdict(list)
        for facet, value in pairs:
            by_facet[facet].append(value)
        if not by_facet:
            return {}
        # One IN list per facet: an OR per pair would nest too deep for SQLite with hundreds of pairs.
        condition = Q()
        for facet, values in by_facet.items():
            condition |= Q(facet=facet, value__in=values)
        known = self.filter(condition).values_list("id", "facet", "value")
        return {(facet, value): code for code, facet, value in known}
