"""States of work plans, annual reports and help-desk tickets, kinds of exchanged tools, ticket targets."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanState(models.TextChoices):
    """draft → submitted → (changes requested → submitted) → approved."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")


class ReportState(models.TextChoices):
    """draft → submitted → reviewed (changes requested, or accepted) → published."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")
    PUBLISHED = "published", _("Published")


class TicketState(models.TextChoices):
    """open → in progress → waiting (for the centre) → resolved → closed."""

    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting for the centre")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


class TicketCategory(models.TextChoices):
    """What a centre asks the coordination entity for (annex to SBI/4/7, modality (g))."""

    INFORMATION = "information", _("Information")
    ADVICE = "advice", _("Advice")
    TECHNICAL = "technical", _("Technical support")
    EXPERTS = "experts", _("Mobilising organisations or experts")
    REPORTING = "reporting", _("Reporting and templates")
    PLATFORM = "platform", _("Problem with the platform")


class ToolKind(models.TextChoices):
    """What one centre gave another (indicator (g))."""

    TOOL = "tool", _("Tool or software")
    METHOD = "method", _("Method or guideline")
    DATASET = "dataset", _("Dataset")
    TRAINING_MATERIAL = "training_material", _("Training material")
    EXPERTISE = "expertise", _("Expertise or technical resource")


# Hours the coordination entity has for (first response, resolution), per category.
TICKET_TARGET_HOURS: dict[str, tuple[int, int]] = {
    TicketCategory.INFORMATION: (48, 240),
    TicketCategory.ADVICE: (48, 336),
    TicketCategory.TECHNICAL: (24, 240),
    TicketCategory.EXPERTS: (72, 720),
    TicketCategory.REPORTING: (48, 240),
    TicketCategory.PLATFORM: (8, 72),
}
# States in which the resolution clock runs.
TICKET_OPEN_STATES = frozenset({TicketState.OPEN, TicketState.IN_PROGRESS, TicketState.WAITING})
