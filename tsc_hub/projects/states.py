"""States of a project and the choice lists of its partners, funds, outputs and ratings."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectState(models.TextChoices):
    """Where a project stands (see workflow.py for the ways between them)."""

    PLANNING = "planning", _("Planning")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


TERMINAL_STATES = frozenset({ProjectState.CLOSED, ProjectState.CANCELLED})
# While a project is open its plan, funds and outputs may still be recorded.
OPEN_STATES = frozenset({ProjectState.PLANNING, ProjectState.IN_PROGRESS, ProjectState.COMPLETED})


class PartnerRole(models.TextChoices):
    """What an organisation does in a project."""

    REQUESTER = "requester", _("Requester")
    PROVIDER = "provider", _("Provider")
    CO_FUNDER = "co_funder", _("Co-funder")
    OTHER = "other", _("Other partner")


class CooperationType(models.TextChoices):
    """The kind of cooperation, derived from the partners' countries (see cooperation.py)."""

    NORTH_SOUTH = "north_south", _("North–South")
    SOUTH_SOUTH = "south_south", _("South–South")
    TRIANGULAR = "triangular", _("Triangular")
    NORTH_NORTH = "north_north", _("Between developed countries")


class FundingSource(models.TextChoices):
    """Where mobilised funds come from."""

    GEF = "gef", _("Global Environment Facility (GEF)")
    GBF_FUND = "gbf_fund", _("Global Biodiversity Framework Fund (GBFF)")
    KUNMING_FUND = "kunming_fund", _("Kunming Biodiversity Fund")
    BILATERAL = "bilateral", _("Bilateral")
    MULTILATERAL = "multilateral", _("Multilateral")
    PRIVATE = "private", _("Private")
    DOMESTIC = "domestic", _("Domestic")
    OTHER = "other", _("Other")


class OutputKind(models.TextChoices):
    """The typed outputs of a project; each feeds an indicator of the mechanism."""

    TECHNOLOGY_TRANSFER = "technology_transfer", _("Technology transfer")
    EXPERT_EXCHANGE = "expert_exchange", _("Exchange of experts")
    JOINT_RESEARCH = "joint_research", _("Joint research")
    JOINT_VENTURE = "joint_venture", _("Joint venture")
    TRAINING = "training", _("Training")
    TOOL_EXCHANGED = "tool_exchanged_between_centres", _("Tool exchanged between support centres")
    EXPERT_NETWORK = "expert_network", _("Expert network")


class RatingSide(models.TextChoices):
    """Who rates a project when it ends."""

    REQUESTER = "requester", _("Requester side")
    PROVIDER = "provider", _("Provider side")
