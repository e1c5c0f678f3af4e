"""Reads of capacity needs and activities: chainable filters and one `visible_to(user)` each.

Both kinds of record are public from the moment they are saved (see docs/capacity.md, "No drafts"), so
`visible_to` lets everyone read everything; it stays the one place to change if that rule changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

# Party fields that group Parties into the regions of the gap view.
GROUPINGS = ("cbd_group", "m49_subregion")
CURRENT_ACTIVITY_STATES = ("planned", "ongoing")


def _grouping(grouping: str) -> str:
    if grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {grouping!r}")
    return grouping


def covering_group(records: Any, parties_field: str, regions_field: str, grouping: str, value: str) -> Any:
    """Records that cover at least one Party of a region (a CBD group or an M49 subregion), named
    directly in `parties_field` or as a member of a region in `regions_field`."""
    field = _grouping(grouping)
    every = records.model._default_manager.all()
    direct = every.filter(**{f"{parties_field}__{field}": value}).values("pk")
    through_region = every.filter(**{f"{regions_field}__members__{field}": value}).values("pk")
    return records.filter(Q(pk__in=direct) | Q(pk__in=through_region))


class CapacityQuerySet(models.QuerySet[Any]):
    """What need and activity reads share."""

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> Any:
        """Everything, for everyone: needs and activities are public records."""
        return self.all()

    def in_status(self, *statuses: str) -> Any:
        return self.filter(status__in=statuses)

    def with_gbf_target(self, identifier: str) -> Any:
        every = self.model._default_manager.all()
        return self.filter(pk__in=every.filter(gbf_targets__identifier=identifier).values("pk"))

    def with_cbd_subject(self, identifier: str) -> Any:
        every = self.model._default_manager.all()
        return self.filter(pk__in=every.filter(cbd_subjects__identifier=identifier).values("pk"))


class NeedQuerySet(CapacityQuerySet):
    """Capacity needs."""

    def open(self) -> Any:
        """Needs nobody has started to address (status "open")."""
        return self.filter(status="open")

    def of_party(self, code: str) -> Any:
        return self.filter(party_id=code.strip().lower())

    def in_group(self, grouping: str, value: str) -> Any:
        """Needs of the Parties of one region (`grouping` is "cbd_group" or "m49_subregion")."""
        return self.filter(**{f"party__{_grouping(grouping)}": value})

    def with_related(self) -> Any:
        """Everything a list shows or the API returns, without one query per row."""
        return self.select_related("party").prefetch_related("gbf_targets", "cbd_subjects")


class ActivityQuerySet(CapacityQuerySet):
    """Capacity-building activities."""

    def current(self) -> Any:
        """Planned and ongoing activities."""
        return self.filter(status__in=CURRENT_ACTIVITY_STATES)

    def of_organisation(self, organisation_id: int) -> Any:
        return self.filter(organisation_id=organisation_id)

    def covering(self, party_code: str) -> Any:
        """Activities for a Party, named directly or through a region it belongs to."""
        code = party_code.strip().lower()
        every = self.model._default_manager.all()
        direct = every.filter(countries=code).values("pk")
        through_region = every.filter(regions__members=code).values("pk")
        return self.filter(Q(pk__in=direct) | Q(pk__in=through_region))

    def covering_group(self, grouping: str, value: str) -> Any:
        """Activities for at least one Party of a region (`grouping` is "cbd_group" or "m49_subregion")."""
        return covering_group(self, "countries", "regions", grouping, value)

    def with_related(self) -> Any:
        return self.select_related("organisation", "organisation__country").prefetch_related(
            "countries", "regions", "gbf_targets", "cbd_subjects"
        )
