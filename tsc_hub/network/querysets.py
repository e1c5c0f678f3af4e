"""Reads of the network's records, each with one `visible_to(user)` chokepoint."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from tsc_hub.network.permissions import reads_all, staff_centres
from tsc_hub.network.states import TICKET_OPEN_STATES, PlanState, ReportState


def _own_or_public(qs: Any, user: Any, public: Q) -> Any:
    """Public records for everyone; the rest for coordination, administrators and the centre's staff."""
    if reads_all(user):
        return qs
    return qs.filter(public | Q(centre_id__in=staff_centres(user)))


class WorkPlanQuerySet(models.QuerySet[Any]):
    """Centres' biennial work plans: approved ones are public."""

    def visible_to(self, user: Any) -> Any:
        return _own_or_public(self, user, Q(state=PlanState.APPROVED))

    def for_centre(self, centre_id: int) -> Any:
        return self.filter(centre_id=centre_id)

    def approved(self) -> Any:
        return self.filter(state=PlanState.APPROVED)

    def with_related(self) -> Any:
        return self.select_related("centre").prefetch_related("outcomes__activities", "outcomes__indicators")


class AnnualReportQuerySet(models.QuerySet[Any]):
    """Centres' annual activity reports: published ones are public."""

    def visible_to(self, user: Any) -> Any:
        return _own_or_public(self, user, Q(state=ReportState.PUBLISHED))

    def published(self) -> Any:
        return self.filter(state=ReportState.PUBLISHED)

    def for_centre(self, centre_id: int) -> Any:
        return self.filter(centre_id=centre_id)


class ScoringQuerySet(models.QuerySet[Any]):
    """Performance scorings: coordination, administrators and the scored centre's staff."""

    def visible_to(self, user: Any) -> Any:
        return _own_or_public(self, user, Q(pk__in=[]))

    def for_year(self, year: int) -> Any:
        return self.filter(year=year)


class SpaceQuerySet(models.QuerySet[Any]):
    """Records of the collaboration space (documents, exchanges, meetings): centre staff and coordination."""

    def visible_to(self, user: Any) -> Any:
        if reads_all(user) or staff_centres(user):
            return self
        return self.none()


class ToolExchangeQuerySet(SpaceQuerySet):
    """Tools and technical resources exchanged between centres."""

    def involving(self, centre_id: int) -> Any:
        return self.filter(Q(from_centre_id=centre_id) | Q(to_centre_id=centre_id))

    def in_year(self, year: int) -> Any:
        return self.filter(date__year=year)


class TicketQuerySet(models.QuerySet[Any]):
    """The global help desk's tickets: the asking centre's staff, coordination and administrators."""

    def visible_to(self, user: Any) -> Any:
        if reads_all(user):
            return self
        return self.filter(centre_id__in=staff_centres(user))

    def open(self) -> Any:
        return self.filter(state__in=TICKET_OPEN_STATES)

    def overdue(self, now: datetime.datetime | None = None) -> Any:
        """Open tickets past their first-response target (no response yet) or their resolution target."""
        moment = now or timezone.now()
        late_response = Q(first_responded_at__isnull=True, first_response_due__lt=moment)
        return self.open().filter(late_response | Q(resolution_due__lt=moment))

    def with_related(self) -> Any:
        return self.select_related("centre", "opened_by", "assignee")
