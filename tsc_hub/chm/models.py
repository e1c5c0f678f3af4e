"""What tsc-hub remembers about the CBD Clearing-House (CHM) beside its own records.

Labels here are plain English: the CHM exchange is an operator's tool run from the command line.
"""

from __future__ import annotations

from django.db import models


class ReferenceKind(models.TextChoices):
    """What kind of our object a CHM identifier stands for."""

    ORGANISATION = "organisation", "organisation"


class ExternalReference(models.Model):
    """A CHM record identifier (without its @revision) that stands for one of our objects."""

    kind = models.CharField("kind", max_length=30, choices=ReferenceKind.choices)
    chm_identifier = models.CharField("CHM identifier", max_length=100)
    object_id = models.PositiveBigIntegerField("object id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "chm_identifier"]
        verbose_name = "CHM reference"
        verbose_name_plural = "CHM references"
        constraints = [
            models.UniqueConstraint(fields=["kind", "chm_identifier"], name="chm_reference_unique"),
        ]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} = {self.chm_identifier}"


class UnknownTerm(models.Model):
    """A CHM value tsc-hub cannot resolve (a vocabulary term, an "Other" term with its customValue, a
    reference to a CHM record), kept with the record it came with so that export writes it back."""

    record_type = models.CharField("CHM schema", max_length=30)  # a schema of chm.mapping.SCHEMAS
    record_id = models.PositiveBigIntegerField("record id")
    field = models.CharField("CHM field", max_length=64)  # e.g. "assistanceTypes", "tschub.owner"
    identifier = models.CharField("identifier", max_length=200)
    custom_value = models.JSONField("custom value", default=dict, blank=True)

    class Meta:
        ordering = ["record_type", "record_id", "field", "identifier", "id"]
        verbose_name = "kept CHM term"
        verbose_name_plural = "kept CHM terms"
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"{self.record_type} {self.record_id} {self.field}: {self.identifier}"
