"""Reads of requests for assistance, with the one permission chokepoint `visible_to`."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils import timezone

from tsc_hub.assistance.states import PUBLISHED_STATES, TERMINAL_STATES, Visibility

# Apps above this one (matching) add who else may read a request, e.g. a provider matched to a
# confidential request. Each extension returns a Q for the person, or None.
VisibilityExtension = Callable[[Any], "Q | None"]
_EXTENSIONS: list[VisibilityExtension] = []


def register_visibility(extension: VisibilityExtension) -> None:
    """Add a reason a person may read requests (idempotent)."""
    if extension not in _EXTENSIONS:
        _EXTENSIONS.append(extension)


def published_q() -> Q:
    """Public requests from acceptance on: what everyone may read."""
    return Q(visibility=Visibility.PUBLIC, state__in=PUBLISHED_STATES)


def scope_q(user: Any) -> Q:
    """Requests inside the person's role scopes: their Party, their organisation, their centre."""
    assignments = list(
        user.role_assignments.active().values_list("role", "party_id", "organisation_id", "centre_id")
    )
    query = Q(pk__in=[])
    parties = {
        party for role, party, _org, _centre in assignments if role == "national_focal_point" and party
    }
    organisations = {
        org for role, _party, org, _centre in assignments if role == "institution_member" and org
    }
    centres = {centre for role, _party, _org, centre in assignments if role == "helpdesk_officer" and centre}
    if parties:
        query |= Q(country_id__in=parties)
    if organisations:
        query |= Q(organisation_id__in=organisations)
    if centres:
        query |= Q(centre_id__in=centres) | Q(country__support_centres__in=centres)
    return query


class AssistanceRequestQuerySet(models.QuerySet[Any]):
    """Requests for assistance."""

    def visible_to(self, user: Any) -> AssistanceRequestQuerySet:
        """Focal points see their country's requests, institutions their own, centre staff those of the
        Parties their centre serves, coordination staff all; everyone sees published public ones."""
        if user is None or not user.is_authenticated:
            return self.filter(published_q())
        if user.has_perm("assistance.read_all_requests"):
            return self
        query = published_q() | scope_q(user)
        for extension in _EXTENSIONS:
            extra = extension(user)
            if extra is not None:
                query |= extra
        return self.filter(pk__in=self.model.objects.filter(query).values("pk"))

    def open(self) -> AssistanceRequestQuerySet:
        return self.exclude(state__in=TERMINAL_STATES)

    def in_state(self, *states: str) -> AssistanceRequestQuerySet:
        return self.filter(state__in=states)

    def for_country(self, code: str) -> AssistanceRequestQuerySet:
        return self.filter(country_id=code.lower())

    def with_target_days(self) -> AssistanceRequestQuerySet:
        from tsc_hub.assistance.models import StateTarget

        return self.annotate(
            target_days=Subquery(
                StateTarget.objects.filter(state=OuterRef("state")).values("target_days")[:1]
            )
        )

    def overdue(self, now: datetime.datetime | None = None) -> AssistanceRequestQuerySet:
        """Open requests that have stayed in their state longer than its target time."""
        from tsc_hub.assistance.models import StateTarget

        moment = now or timezone.now()
        late = StateTarget.objects.filter(state=OuterRef("state"))
        candidates = self.open().filter(Exists(late))
        late_ids = [
            pk
            for pk, since, days in candidates.with_target_days().values_list(
                "pk", "state_changed_at", "target_days"
            )
            if since + datetime.timedelta(days=days) < moment
        ]
        return self.filter(pk__in=late_ids)

    def for_queue(self) -> AssistanceRequestQuerySet:
        """What a queue row shows, without one query per row."""
        return self.select_related("country", "organisation", "centre", "officer").order_by(
            F("priority_score").desc(nulls_last=True), "state_changed_at"
        )
