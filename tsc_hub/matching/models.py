"""A match between a request for assistance and a provider (its profile or one of its offers)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.matching.querysets import MatchQuerySet
from tsc_hub.matching.states import DeclineReason, MatchState


class Match(models.Model):
    """One step of matchmaking; every state change is kept in MatchStep with who and when."""

    request = models.ForeignKey(
        "assistance.AssistanceRequest", on_delete=models.CASCADE, related_name="matches"
    )
    profile = models.ForeignKey(
        "offers.ProviderProfile", null=True, blank=True, on_delete=models.PROTECT, related_name="matches"
    )
    offer = models.ForeignKey(
        "offers.Offer", null=True, blank=True, on_delete=models.PROTECT, related_name="matches"
    )
    provider_organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=30, choices=MatchState.choices, default=MatchState.SUGGESTED
    )
    source = models.CharField(_("suggested by"), max_length=20, default="person")  # "person" or "engine"
    score = models.FloatField(_("score"), null=True, blank=True)
    reasons = models.JSONField(_("reasons"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)
    decline_reason = models.CharField(_("reason"), max_length=30, choices=DeclineReason.choices, blank=True)
    decline_text = models.TextField(_("details"), blank=True)
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(default=1)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.CheckConstraint(
                name="match_has_profile_or_offer",
                condition=models.Q(profile__isnull=False, offer__isnull=True)
                | models.Q(profile__isnull=True, offer__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.request} ↔ {self.provider_organisation}"

    @property
    def candidate(self) -> object:
        """The profile or offer proposed."""
        return self.profile if self.profile_id else self.offer


class MatchStep(models.Model):
    """A state change of a match: the funnel, timestamped, with who did it."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from"), max_length=30, blank=True)
    to_state = models.CharField(_("to"), max_length=30, choices=MatchState.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("match step")
        verbose_name_plural = _("match steps")

    def __str__(self) -> str:
        return f"{self.match_id}: {self.from_state} -{self.action}-> {self.to_state}"


class SavedSearch(models.Model):
    """A provider's standing question: tell me when a published request like this appears."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=120)
    parties = models.ManyToManyField(
        "geography.Party", blank=True, related_name="+", verbose_name=_("Parties")
    )
    gbf_targets = models.ManyToManyField(
        "vocabularies.Term", blank=True, related_name="+", verbose_name=_("GBF targets")
    )
    assistance_types = models.ManyToManyField(
        "vocabularies.Term", blank=True, related_name="+", verbose_name=_("types of assistance")
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self) -> str:
        return self.name


class SavedSearchHit(models.Model):
    """A request already announced to a saved search; it is never announced twice."""

    search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="hits")
    request = models.ForeignKey("assistance.AssistanceRequest", on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["search", "request"], name="one_hit_per_search_and_request")
        ]

    def __str__(self) -> str:
        return f"{self.search_id}:{self.request_id}"
