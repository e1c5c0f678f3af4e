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


class RecordKind(models.TextChoices):
    """The records the engine embeds."""

    REQUEST = "request", _("request")
    OFFER = "offer", _("offer")
    PROFILE = "profile", _("provider profile")


class Embedding(models.Model):
    """A record's text as a float32 vector, with the model that made it; recomputed when the text changes."""

    kind = models.CharField(max_length=10, choices=RecordKind.choices)
    object_id = models.PositiveBigIntegerField()
    model = models.CharField(_("model"), max_length=60)
    model_version = models.CharField(_("model version"), max_length=40)
    text_hash = models.CharField(max_length=64)
    dimensions = models.PositiveIntegerField()
    vector = models.BinaryField()
    computed_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("embedding")
        verbose_name_plural = _("embeddings")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_embedding_per_record")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} ({self.model} {self.model_version})"


class RankingModel(models.Model):
    """A version of the signal weights: the hand-set default, or weights learned from decided suggestions
    and used only when they evaluated better than the version before."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    weights = models.JSONField(_("weights"))
    source = models.CharField(_("source"), max_length=20)  # "default" or "learned"
    outcomes = models.PositiveIntegerField(_("decided suggestions used"), default=0)
    evaluation = models.JSONField(_("evaluation"), default=dict, blank=True)
    active = models.BooleanField(_("in use"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("ranking model")
        verbose_name_plural = _("ranking models")
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=models.Q(active=True), name="one_active_ranking_model"
            )
        ]

    def __str__(self) -> str:
        return f"v{self.version} ({self.source})"


class AssignmentRun(models.Model):
    """A balanced global assignment computed for the coordination entity. Its pairs were stored as
    suggestions for the help desks to confirm; the run keeps what fairness cost."""

    min_share = models.FloatField(_("minimum share per regional group"))
    priority_bonus = models.FloatField(_("priority for LDC and SIDS"))
    solver = models.CharField(_("solver"), max_length=20)
    seconds = models.FloatField(_("seconds"))
    requests = models.PositiveIntegerField(_("open requests"))
    providers = models.PositiveIntegerField(_("providers"))
    assigned = models.PositiveIntegerField(_("assigned"))
    total_quality = models.FloatField(_("total quality"))
    unconstrained_quality = models.FloatField(_("total quality without fairness"))
    fairness_cost = models.FloatField(_("cost of fairness"))
    by_group = models.JSONField(_("assignments by regional group"), default=dict)
    unconstrained_by_group = models.JSONField(default=dict)
    quotas = models.JSONField(_("minimum per regional group"), default=dict)
    pairs = models.JSONField(default=list)  # [[request id, "offer"|"profile", candidate id, quality], ...]
    suggestions_created = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("assignment run")
        verbose_name_plural = _("assignment runs")

    def __str__(self) -> str:
        return f"#{self.pk} {self.created_at:%Y-%m-%d %H:%M}"
