"""Choosing hosts of support centres: evaluation frameworks (data), calls, applications with their documents,
reviewers' assignments and scores, aggregated results and the selections coordination records."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.hosting.querysets import (
    ApplicationQuerySet,
    AssignmentQuerySet,
    CallQuerySet,
    ScoreQuerySet,
)
from tsc_hub.hosting.states import Aggregation, ApplicationState, CallKind, CallState

USER = settings.AUTH_USER_MODEL


def _text(value: object) -> str:
    from tsc_hub.core.languages import pick_text

    return pick_text(value).text


class Framework(models.Model):
    """An evaluation framework: phases of weighted criteria scored on one scale (loaded from data/*.json)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CallKind.choices)
    names = models.JSONField(_("name"), default=dict)
    description = models.JSONField(_("description"), default=dict, blank=True)
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=0)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=5)

    class Meta:
        ordering = ["code"]
        verbose_name = _("evaluation framework")
        verbose_name_plural = _("evaluation frameworks")
        constraints = [
            models.CheckConstraint(
                name="framework_scale_ordered", condition=models.Q(scale_max__gt=models.F("scale_min"))
            )
        ]

    def __str__(self) -> str:
        return _text(self.names) or self.code


class Phase(models.Model):
    """Phase 1 (expressions of interest) or 2 (detailed information) of a framework, with its cut-off."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("phase"))
    names = models.JSONField(_("name"), default=dict)
    # On the 0–100 scale of application scores: at or above it, an application goes on (invited, shortlisted).
    cutoff = models.DecimalField(_("cut-off (0–100)"), max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["framework", "number"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="one_phase_per_number")]

    def __str__(self) -> str:
        return f"{self.framework.code} {self.number}"


class Criterion(models.Model):
    """One weighted criterion of a phase, with guidance for reviewers on how to score it."""

    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(_("code"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    names = models.JSONField(_("name"), default=dict)
    guidance = models.JSONField(_("scoring guidance"), default=dict, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["phase", "position", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["phase", "code"], name="one_criterion_per_code"),
            models.CheckConstraint(name="criterion_weight_positive", condition=models.Q(weight__gt=0)),
        ]

    def __str__(self) -> str:
        return _text(self.names) or self.code


class Call(models.Model):
    """A call for expressions of interest in hosting centres (or the global coordination entity)."""

    reference = models.SlugField(_("reference"), max_length=60, unique=True, null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CallKind.choices, default=CallKind.SUBREGIONAL)
    title = models.JSONField(_("title"), default=dict)
    description = models.JSONField(_("description"), default=dict, blank=True)
    original_language = models.CharField(_("original language"), max_length=2, default="en")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="calls")
    deadline = models.DateTimeField(_("deadline for expressions of interest"), db_index=True)
    phase1_aggregation = models.CharField(
        _("aggregation in phase 1"), max_length=10, choices=Aggregation.choices, default=Aggregation.MEAN
    )
    phase2_aggregation = models.CharField(
        _("aggregation in phase 2"), max_length=10, choices=Aggregation.choices, default=Aggregation.MEAN
    )
    state = models.CharField(
        _("state"), max_length=20, choices=CallState.choices, default=CallState.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-deadline", "-id"]
        verbose_name = _("call for hosts")
        verbose_name_plural = _("calls for hosts")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title, original=self.original_language).text or f"#{self.pk}"

    def aggregation_for(self, phase: int) -> str:
        return self.phase1_aggregation if phase == 1 else self.phase2_aggregation


class CallTransition(models.Model):
    """A step of a call's workflow: who took it, when, why."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=30)
    from_state = models.CharField(_("from"), max_length=20)
    to_state = models.CharField(_("to"), max_length=20)
    by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("call transition")
        verbose_name_plural = _("call transitions")

    def __str__(self) -> str:
        return f"{self.call_id}: {self.from_state} -{self.action}-> {self.to_state}"


class Application(models.Model):
    """An organisation's expression of interest in hosting a subregion's centre (or the global entity)."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="hosting_applications"
    )
    subregion = models.ForeignKey(
        "centres.Subregion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    parties_served = models.ManyToManyField(
        "geography.Party", blank=True, related_name="+", verbose_name=_("Parties it would serve")
    )
    mandate = models.TextField(_("mandate"), blank=True)
    willing_to_cooperate = models.BooleanField(_("willing to enter cooperative arrangements"), default=False)
    cooperation = models.TextField(_("cooperative arrangements"), blank=True)
    willing_to_cohost = models.BooleanField(_("willing to co-host"), default=False)
    cohosting = models.TextField(_("co-hosting"), blank=True)
    capacities = models.JSONField(_("capacities"), default=dict, blank=True)  # {CapacityArea: text}
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ApplicationState.choices,
        default=ApplicationState.DRAFT,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    phase1_score = models.DecimalField(_("phase 1 score"), max_digits=6, decimal_places=2, null=True)
    phase2_score = models.DecimalField(_("phase 2 score"), max_digits=6, decimal_places=2, null=True)
    rank = models.PositiveSmallIntegerField(_("rank in its subregion"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["call", "subregion__code", "id"]
        verbose_name = _("application to host")
        verbose_name_plural = _("applications to host")

    def __str__(self) -> str:
        where = f" · {self.subregion}" if self.subregion_id else ""
        return f"{self.organisation}{where}"

    def organisation_ids(self) -> set[int]:
        """Scope keys for the role policy: the applying organisation (its members act for it)."""
        return {self.organisation_id}

    def party_codes(self) -> set[str]:
        """No Party scope: focal points and help desks have no say over an application."""
        return set()

    def score_for(self, phase: int) -> object:
        return self.phase1_score if phase == 1 else self.phase2_score


class ApplicationTransition(models.Model):
    """A step of an application's workflow."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=30)
    from_state = models.CharField(_("from"), max_length=20)
    to_state = models.CharField(_("to"), max_length=20)
    by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("application transition")
        verbose_name_plural = _("application transitions")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_state} -{self.action}-> {self.to_state}"


def _document_path(instance: ApplicationDocument, filename: str) -> str:
    return f"hosting/{instance.application_id}/{filename}"


class ApplicationDocument(models.Model):
    """A supporting document of an application (checked for size and type before it is stored)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("file"), upload_to=_document_path)
    name = models.CharField(_("name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")

    def __str__(self) -> str:
        return self.name


class ReviewAssignment(models.Model):
    """A reviewer assigned to an application (both phases); a declared conflict of interest ends it."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="hosting_assignments")
    assigned_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    conflict_declared_at = models.DateTimeField(_("conflict of interest declared"), null=True, blank=True)
    conflict_reason = models.TextField(_("conflict of interest"), blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["application", "assigned_at", "id"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="one_assignment_per_reviewer")
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.application_id}"

    @property
    def active(self) -> bool:
        return self.conflict_declared_at is None


class Score(models.Model):
    """One reviewer's score of one criterion for one application, with the reason for it."""

    assignment = models.ForeignKey(ReviewAssignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("score"), max_digits=6, decimal_places=2)
    reason = models.TextField(_("reason"))
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScoreQuerySet.as_manager()

    class Meta:
        ordering = ["assignment", "criterion__position", "id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id}/{self.criterion_id}: {self.value}"


class PhaseResult(models.Model):
    """The aggregated score of one criterion for one application at its phase's close."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="results")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("aggregated score"), max_digits=8, decimal_places=4)

    class Meta:
        ordering = ["application", "criterion__position"]
        verbose_name = _("aggregated criterion score")
        verbose_name_plural = _("aggregated criterion scores")
        constraints = [
            models.UniqueConstraint(fields=["application", "criterion"], name="one_result_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.application_id}/{self.criterion_id}: {self.value}"


class HostSelection(models.Model):
    """A selection of hosts coordination recorded from a scenario of the shortlist (audited)."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="selections")
    min_centres = models.PositiveSmallIntegerField(_("minimum number of centres"))
    max_per_subregion = models.PositiveSmallIntegerField(_("maximum per subregion"))
    min_score = models.DecimalField(_("minimum score"), max_digits=6, decimal_places=2)
    applications = models.ManyToManyField(Application, related_name="selections")
    covered = models.PositiveIntegerField(_("Parties covered"))
    overlap = models.PositiveIntegerField(_("overlap"))
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("host selection")
        verbose_name_plural = _("host selections")

    def __str__(self) -> str:
        return f"{self.call_id}: {self.min_centres} ({self.at:%Y-%m-%d})"
