"""Reads of the committee's records, each with one `visible_to(user)` chokepoint: members-only (plus
coordination staff); everyone else, nominators included, gets nothing."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.utils import timezone

from tsc_hub.advisory.permissions import in_committee, in_force, is_coordination


class _CommitteeOnly(models.QuerySet[Any]):
    def visible_to(self, user: Any) -> Any:
        return self if in_committee(user) else self.none()


class MemberQuerySet(_CommitteeOnly):
    """Members: the list with contacts is for members and coordination staff."""

    def current(self, on: datetime.date | None = None) -> Any:
        return self.filter(in_force(on or timezone.localdate(), "terms__")).distinct()

    def with_related(self) -> Any:
        return self.select_related("user", "party", "organisation").prefetch_related("terms", "subcommittees")


class MemberTermQuerySet(models.QuerySet[Any]):
    """Terms of members."""

    def in_force(self, on: datetime.date | None = None) -> Any:
        return self.filter(in_force(on or timezone.localdate()))

    def co_chairs(self) -> Any:
        return self.filter(co_chair=True)


class MeetingQuerySet(models.QuerySet[Any]):
    """Meetings: members see published ones, coordination staff all of them."""

    def visible_to(self, user: Any) -> Any:
        if is_coordination(user):
            return self
        if in_committee(user):
            return self.filter(published_at__isnull=False)
        return self.none()

    def with_related(self) -> Any:
        return self.select_related("subcommittee").prefetch_related("agenda_items", "documents")


class ForumQuerySet(_CommitteeOnly):
    """Forums: every current member and coordination staff read all of them."""


class ThreadQuerySet(models.QuerySet[Any]):
    """Threads: readers of the forum; hidden threads only for moderators (and their author)."""

    def visible_to(self, user: Any) -> Any:
        from tsc_hub.advisory.permissions import may_moderate

        if not in_committee(user):
            return self.none()
        if may_moderate(user):
            return self
        return self.filter(models.Q(hidden=False) | models.Q(author_id=user.pk))


class ReplyQuerySet(models.QuerySet[Any]):
    """Replies: hidden ones are shown to moderators only (others see that a reply was hidden)."""

    def visible_to(self, user: Any) -> Any:
        return self if in_committee(user) else self.none()

    def shown(self) -> Any:
        return self.filter(hidden=False)
