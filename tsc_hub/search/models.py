"""The search index as tables. The engines' own structures (an FTS5 table on SQLite, a tsvector column with a
GIN index on PostgreSQL) are created by migration 0002 and kept in step by database triggers.
"""

from __future__ import annotations

from django.db import models

from tsc_hub.search.fields import RowidOneToOneField
from tsc_hub.search.querysets import SearchFacetValueQuerySet


class SearchDocument(models.Model):
    """One language version of a record: what a hit shows, and its analysed text (what the engine indexes).

    Written only through `tsc_hub.search.services`; the FTS5 table reads `analysed_title`,
    `analysed_body` and `facet_tokens` from here (external content).
    """

    key = models.CharField(max_length=200)
    kind = models.CharField(max_length=32)
    subkind = models.CharField(max_length=64, blank=True)
    language = models.CharField(max_length=8)
    title = models.TextField()
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    analysed_title = models.TextField()
    analysed_body = models.TextField()
    # "§12 §40": the document's facet value codes as index tokens, so filters run inside the engine.
    facet_tokens = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="search_document_key_language")
        ]

    def __str__(self) -> str:
        return f"{self.key} [{self.language}]"


class SearchEntry(models.Model):
    """The few bytes every hit reads: the record it belongs to, its sort date and its facet codes.

    Kept apart from SearchDocument so that reading thousands of hits touches few pages. On PostgreSQL it
    also holds the `tsv` column (added by migration 0002, filled by a trigger) and its GIN index.
    """

    document = RowidOneToOneField(SearchDocument, primary_key=True, on_delete=models.CASCADE)
    record = models.BigIntegerField()  # a 64-bit hash of the key: language versions of a record share it
    sort_date = models.IntegerField()  # yyyymmdd, 0 when the document has no date
    facet_codes = models.BinaryField()  # little-endian uint32 SearchFacetValue ids

    def __str__(self) -> str:
        return f"entry {self.pk}"


class SearchFacetValue(models.Model):
    """A facet value ("country", "ke") and the small integer code documents store for it. Never deleted."""

    facet = models.CharField(max_length=32)
    value = models.CharField(max_length=200)

    objects = SearchFacetValueQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["facet", "value"], name="search_facet_value_unique")]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class SearchTerm(models.Model):
    """A word of some title (names live in titles) and how many documents have it: the typo vocabulary."""

    token = models.CharField(max_length=64, unique=True)
    documents = models.IntegerField(default=0)

    def __str__(self) -> str:
        return self.token


class SearchTermVariant(models.Model):
    """The term and each form of it with one letter deleted: two words within one edit share a variant."""

    variant = models.CharField(max_length=64)
    term = models.ForeignKey(SearchTerm, on_delete=models.CASCADE, related_name="variants")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["variant", "term"], name="search_term_variant_unique")]

    def __str__(self) -> str:
        return f"{self.variant} → {self.term_id}"


class SearchVector(models.Model):
    """A record's meaning as a sentence embedding, for the cross-language results of "search in all
    languages".

    One per record: its language versions say the same thing, and the multilingual encoder puts them in
    one space. Made by the worker (tsc_hub.search.semantic) from the record's first language version.
    """

    key = models.CharField(max_length=200, unique=True)
    model = models.CharField(max_length=64)
    model_version = models.CharField(max_length=64)
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()  # little-endian float32, unit length
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"vector of {self.key}"
