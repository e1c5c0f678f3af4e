"""Reads of projects, with the one permission chokepoint `visible_to`, and of exchange rates."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.db.models import Q

from tsc_hub.projects.states import TERMINAL_STATES


class ProjectQuerySet(models.QuerySet[Any]):
    """Cooperation projects."""

    def visible_to(self, user: Any) -> ProjectQuerySet:
        """Whoever may read the request reads its projects (coordination all; the request's help desk;
        the requester side; providers contacted about it; everyone for a published public request),
        plus the people holding the provider role for a partner organisation."""
        from tsc_hub.assistance.models import AssistanceRequest

        readable = Q(request__in=AssistanceRequest.objects.visible_to(user).values("pk"))
        if user is None or not user.is_authenticated:
            return self.filter(readable)
        if user.has_perm("assistance.read_all_requests"):
            return self
        organisations = list(
            user.role_assignments.active().filter(role="provider").values_list("organisation_id", flat=True)
        )
        if organisations:
            partner = Q(partners__organisation_id__in=organisations)
            return self.filter(pk__in=self.model.objects.filter(readable | partner).values("pk"))
        return self.filter(readable)

    def open(self) -> ProjectQuerySet:
        return self.exclude(state__in=TERMINAL_STATES)

    def with_related(self) -> ProjectQuerySet:
        """What a list row shows, without one query per row."""
        return self.select_related("request", "request__country").prefetch_related(
            "partners__organisation", "partners__party"
        )


class ExchangeRateQuerySet(models.QuerySet[Any]):
    """Exchange rates to US dollars."""

    def latest_on(self, currency: str, day: datetime.date) -> Any:
        """The most recent rate of a currency on or before a day, or None."""
        return self.filter(currency=currency.upper(), date__lte=day).order_by("-date").first()


def provider_ratings(organisation_ids: Any) -> dict[int, float]:
    """Organisation -> mean rating the requester side gave the projects it provided, scaled from 1–5 to
    0–1: the matching engine's closure-rating part of a provider's track record."""
    from django.db.models import Avg

    from tsc_hub.projects.models import ProjectPartner

    rows = (
        ProjectPartner.objects.filter(
            organisation_id__in=list(organisation_ids), role="provider", project__ratings__side="requester"
        )
        .values("organisation_id")
        .annotate(mean=Avg("project__ratings__score"))
    )
    return {row["organisation_id"]: (float(row["mean"]) - 1) / 4 for row in rows if row["mean"] is not None}
