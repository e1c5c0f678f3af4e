"""States, urgency and visibility of a request for assistance."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestState(models.TextChoices):
    """Where a request stands (see workflow.py for the ways between them)."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ENDORSED = "endorsed", _("Endorsed")
    IN_CLARIFICATION = "in_clarification", _("In clarification")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    MATCHING = "matching", _("Matching")
    MATCHED = "matched", _("Matched")
    PROPOSAL = "proposal", _("Project proposal")
    IN_IMPLEMENTATION = "in_implementation", _("In implementation")
    COMPLETED = "completed", _("Completed")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


TERMINAL_STATES = frozenset({RequestState.DECLINED, RequestState.CLOSED, RequestState.WITHDRAWN})
# "Public once accepted": from acceptance on, a public request is published.
PUBLISHED_STATES = frozenset(
    {
        RequestState.ACCEPTED,
        RequestState.MATCHING,
        RequestState.MATCHED,
        RequestState.PROPOSAL,
        RequestState.IN_IMPLEMENTATION,
        RequestState.COMPLETED,
        RequestState.CLOSED,
    }
)
# The order a requester sees on the tracker.
MAIN_PATH = (
    RequestState.DRAFT,
    RequestState.SUBMITTED,
    RequestState.ENDORSED,
    RequestState.ACCEPTED,
    RequestState.MATCHING,
    RequestState.MATCHED,
    RequestState.PROPOSAL,
    RequestState.IN_IMPLEMENTATION,
    RequestState.COMPLETED,
    RequestState.CLOSED,
)


class Urgency(models.TextChoices):
    """How soon help is needed."""

    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


class Visibility(models.TextChoices):
    """Who may read a request once it is accepted."""

    PUBLIC = "public", _("Public once accepted")
    CONFIDENTIAL = "confidential", _("Confidential: the help desk and chosen providers only")
