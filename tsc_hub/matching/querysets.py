"""Reads of matches: help desks and coordination see theirs; each side sees its own from contact on."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q

from tsc_hub.assistance.querysets import scope_q
from tsc_hub.matching.states import SUCCESSFUL, MatchState

STAFF_ROLES = ("helpdesk_officer", "coordination_staff", "platform_admin")


class MatchQuerySet(models.QuerySet[Any]):
    """Matches."""

    def visible_to(self, user: Any) -> MatchQuerySet:
        """Coordination all; a centre's officers the matches of its requests; requesters and providers
        their own once the provider has been contacted (a mere suggestion is the help desk's draft)."""
        if user is None or not user.is_authenticated:
            return self.none()
        if user.has_perm("assistance.read_all_requests"):
            return self
        from tsc_hub.assistance.models import AssistanceRequest

        assignments = user.role_assignments.active()
        centres = list(assignments.filter(role="helpdesk_officer").values_list("centre_id", flat=True))
        organisations = list(assignments.filter(role="provider").values_list("organisation_id", flat=True))
        in_scope = AssistanceRequest.objects.filter(scope_q(user)).values("pk")
        helpdesk = Q(request__centre_id__in=centres) | Q(request__country__support_centres__in=centres)
        sides = (Q(request__in=in_scope) | Q(provider_organisation_id__in=organisations)) & ~Q(
            state=MatchState.SUGGESTED
        )
        return self.filter(pk__in=self.model.objects.filter(helpdesk | sides).values("pk"))

    def successful(self) -> MatchQuerySet:
        """Matches that reached "agreed" (indicator j counts them by `agreed_at`)."""
        return self.filter(state__in=SUCCESSFUL)

    def open(self) -> MatchQuerySet:
        from tsc_hub.matching.states import TERMINAL

        return self.exclude(state__in=TERMINAL)

    def with_related(self) -> MatchQuerySet:
        return self.select_related("request", "request__country", "provider_organisation", "profile", "offer")
