"""Reads of support centres. The list of centres is public."""

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
