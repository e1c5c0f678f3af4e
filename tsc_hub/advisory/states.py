"""Choices of the advisory committee's records and the fixed rules of its terms of reference."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# Decision 15/8 annex III: two-year terms, renewable once.
TERM_YEARS = 2
MAX_TERMS = 2
MAX_CO_CHAIRS = 2


class Gender(models.TextChoices):
    """A member's gender, as stated by the member (for the gender balance of the committee)."""

    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    NOT_STATED = "not_stated", _("Not stated")


class NominatorKind(models.TextChoices):
    """Who nominated a member: a Party, or an organisation (IPLCs, women, youth, science, private sector)."""

    PARTY = "party", _("Party")
    ORGANISATION = "organisation", _("Organisation")
