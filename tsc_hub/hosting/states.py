"""Kinds of calls, the states of calls and applications, the ways of aggregating reviewers' scores."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CallKind(models.TextChoices):
    """Whose host a call looks for (SBI/4/7 §10–13; annex §10 for the global coordination entity)."""

    SUBREGIONAL = "subregional", _("Hosts of subregional support centres")
    GLOBAL = "global", _("Host of the global coordination entity")


class CallState(models.TextChoices):
    """draft → open → phase 1 → phase 2 → closed; cancelled from any state but closed."""

    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for expressions of interest")
    PHASE1 = "phase1", _("Phase 1 evaluation")
    PHASE2 = "phase2", _("Phase 2 evaluation")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class ApplicationState(models.TextChoices):
    """draft → submitted → invited / not invited → shortlisted / not shortlisted; or withdrawn."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    INVITED = "invited", _("Invited to phase 2")
    NOT_INVITED = "not_invited", _("Not invited to phase 2")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    NOT_SHORTLISTED = "not_shortlisted", _("Not shortlisted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Aggregation(models.TextChoices):
    """How the reviewers' scores of one application become one number (docs/hosting.md gives the formulas)."""

    MEAN = "mean", _("Mean of the reviewers")
    ZSCORE = "zscore", _("Per-reviewer z-score normalisation")


class CapacityArea(models.TextChoices):
    """The areas an applicant describes its capacities in (one text each)."""

    TECHNICAL = "technical", _("Technical and scientific expertise")
    TECHNOLOGY = "technology", _("Technology transfer and innovation")
    CAPACITY_BUILDING = "capacity_building", _("Capacity-building and training")
    KNOWLEDGE = "knowledge", _("Knowledge management and information sharing")
    STAFF = "staff", _("Staff and infrastructure")
    FINANCE = "finance", _("Financial resources and resource mobilisation")
    LANGUAGES = "languages", _("Languages of work")
