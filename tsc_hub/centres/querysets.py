"""Reads of support centres and subregions. Both lists are public."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class SupportCentreQuerySet(models.QuerySet[Any]):
    """Support centres."""

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> SupportCentreQuerySet:
        return self

    def serving(self, party_code: str) -> SupportCentreQuerySet:
        return self.filter(parties_served__code=party_code.lower())

    def active(self) -> SupportCentreQuerySet:
        return self.filter(status="active")

    def network(self) -> SupportCentreQuerySet:
        """The centres that serve Parties (not the global coordination entity)."""
        return self.exclude(kind="global")


class SubregionQuerySet(models.QuerySet[Any]):
    """Subregions of the network."""

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> SubregionQuerySet:
        return self
