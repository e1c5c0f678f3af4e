"""Reads of Parties and regions. Reference data is public: visible_to returns everything."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models.fields.json import KT

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class PartyQuerySet(models.QuerySet[Any]):
    """Parties to the CBD."""

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> PartyQuerySet:
        return self

    def in_region(self, identifier: str) -> PartyQuerySet:
        """Parties that a CHM region term covers (identifier compared case-insensitively)."""
        return self.filter(regions__identifier__iexact=identifier)

    def in_cbd_group(self, group: str) -> PartyQuerySet:
        """Parties of one CBD regional group (africa, asia_pacific, cee, grulac, weog)."""
        return self.filter(cbd_group=group)

    def in_subregion(self, code: str) -> PartyQuerySet:
        """Parties of one UN M49 subregion (three-digit code, e.g. "014")."""
        return self.filter(m49_subregion=code)

    def least_developed(self) -> PartyQuerySet:
        return self.filter(is_ldc=True)

    def small_island_developing(self) -> PartyQuerySet:
        return self.filter(is_sids=True)

    def by_name(self, language: str) -> PartyQuerySet:
        """Ordered by the name in a content language (ar, en, ...), then by code."""
        return self.order_by(KT(f"names__{language}"), "code")


class RegionQuerySet(models.QuerySet[Any]):
    """CHM region terms."""

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> RegionQuerySet:
        return self

    def by_identifier(self, identifier: str) -> RegionQuerySet:
        return self.filter(identifier__iexact=identifier)

    def with_member_count(self) -> RegionQuerySet:
        """Each region annotated with `member_count`, the number of Parties it covers."""
        return self.annotate(member_count=models.Count("members"))
