"""Enquiry states, categories and the target response time of each category."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EnquiryState(models.TextChoices):
    """new → in progress → answered → closed; answered and closed enquiries can be reopened."""

    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class EnquiryCategory(models.TextChoices):
    """What a general enquiry is about."""

    MECHANISM = "mechanism", _("Information on the cooperation mechanism")
    HOW_TO_REQUEST = "how_to_request", _("How to request assistance")
    BECOMING_PROVIDER = "becoming_provider", _("Becoming a provider")
    TECHNICAL = "technical", _("Technical problem with the platform")
    OTHER = "other", _("Other")


# Days the help desk has to answer, per category; the clock restarts when an enquiry is reopened.
TARGET_DAYS: dict[str, int] = {
    EnquiryCategory.MECHANISM: 5,
    EnquiryCategory.HOW_TO_REQUEST: 3,
    EnquiryCategory.BECOMING_PROVIDER: 5,
    EnquiryCategory.TECHNICAL: 2,
    EnquiryCategory.OTHER: 10,
}

# States in which the help desk still owes an answer (the response-time clock runs).
AWAITING_ANSWER = frozenset({EnquiryState.NEW, EnquiryState.IN_PROGRESS})
