"""Vocabularies and their terms, shaped like SKOS concept schemes and concepts."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.vocabularies.querysets import TermQuerySet, VocabularyQuerySet


class Vocabulary(models.Model):
    """A concept scheme, e.g. GBF-TARGETS or CBD-SUBJECTS."""

    identifier = models.CharField(_("identifier"), max_length=64, unique=True)
    labels = models.JSONField(_("labels"), default=dict)
    descriptions = models.JSONField(_("descriptions"), default=dict, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        ordering = ["identifier"]
        verbose_name = _("vocabulary")
        verbose_name_plural = _("vocabularies")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.labels).text or self.identifier


class Term(models.Model):
    """A concept: a stable identifier, labels in six languages, a definition and its relations."""

    vocabulary = models.ForeignKey(Vocabulary, on_delete=models.CASCADE, related_name="terms")
    identifier = models.CharField(_("identifier"), max_length=64)
    notation = models.CharField(_("notation"), max_length=32, blank=True)
    labels = models.JSONField(_("labels"), default=dict)
    short_labels = models.JSONField(_("short labels"), default=dict, blank=True)
    definitions = models.JSONField(_("definitions"), default=dict, blank=True)
    chm_term_id = models.PositiveIntegerField(_("CHM term id"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    broader = models.ManyToManyField("self", symmetrical=False, related_name="narrower", blank=True)
    related = models.ManyToManyField("self", symmetrical=True, blank=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["vocabulary", "position", "identifier"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.UniqueConstraint(
                fields=["vocabulary", "identifier"], name="term_identifier_unique_in_vocabulary"
            )
        ]

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.short_labels or self.labels).text or self.identifier
