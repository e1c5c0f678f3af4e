"""Reads of organisations. Organisation profiles are public."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class OrganisationQuerySet(models.QuerySet[Any]):
    """Organisations."""

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> OrganisationQuerySet:
        """Organisation profiles are public information in the CHM; everyone may read them."""
        return self

    def in_country(self, code: str) -> OrganisationQuerySet:
        return self.filter(country_id=code.lower())

    def of_type(self, identifier: str) -> OrganisationQuerySet:
        return self.filter(organisation_type__identifier__iexact=identifier)

    def shown_by_id(self, organisation_id: int) -> Any:
        """One organisation with everything its page shows, or None."""
        return self.with_related().prefetch_related("operational_regions").filter(pk=organisation_id).first()

    def with_related(self) -> OrganisationQuerySet:
        """Everything a list shows, without one query per row."""
        return self.select_related("country", "organisation_type").prefetch_related("gbf_targets")
