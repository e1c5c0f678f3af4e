"""The steps of a match, and why one side may decline."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchState(models.TextChoices):
    """The funnel: suggested → contacted → provider interested → requester accepted → agreed → project."""

    SUGGESTED = "suggested", _("Suggested")
    CONTACTED = "contacted", _("Provider contacted")
    PROVIDER_INTERESTED = "provider_interested", _("Provider interested")
    PROVIDER_DECLINED = "provider_declined", _("Provider declined")
    REQUESTER_ACCEPTED = "requester_accepted", _("Requester accepted")
    REQUESTER_DECLINED = "requester_declined", _("Requester declined")
    AGREED = "agreed", _("Agreed")
    PROJECT_STARTED = "project_started", _("Project started")
    CANCELLED = "cancelled", _("Cancelled")


TERMINAL = frozenset(
    {
        MatchState.PROVIDER_DECLINED,
        MatchState.REQUESTER_DECLINED,
        MatchState.PROJECT_STARTED,
        MatchState.CANCELLED,
    }
)
# A "successful matchmaking" (indicator j) is a match that reached "agreed" (it stays successful after).
SUCCESSFUL = frozenset({MatchState.AGREED, MatchState.PROJECT_STARTED})
# Matches that take up one of the provider's simultaneous cooperations.
OCCUPYING = frozenset({MatchState.AGREED, MatchState.PROJECT_STARTED})


class DeclineReason(models.TextChoices):
    """Why a side declined; text may add detail."""

    NOT_RELEVANT = "not_relevant", _("Not relevant to our needs or expertise")
    NO_CAPACITY = "no_capacity", _("No capacity at the moment")
    TIMING = "timing", _("The timing does not fit")
    FUNDING = "funding", _("No funding for it")
    LANGUAGE = "language", _("Language barrier")
    ELIGIBILITY = "eligibility", _("Not eligible")
    OTHER_PARTNER = "other_partner", _("Another partner was chosen")
    OTHER = "other", _("Other reason")
