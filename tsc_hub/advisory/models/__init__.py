"""The advisory committee's models."""

from tsc_hub.advisory.models.committee import Member, Subcommittee, SubcommitteeMembership, Term
from tsc_hub.advisory.models.forums import Forum, Reply, Subscription, Thread
from tsc_hub.advisory.models.meetings import AgendaItem, Meeting, MeetingDocument

__all__ = [
    "AgendaItem",
    "Forum",
    "Meeting",
    "MeetingDocument",
    "Member",
    "Reply",
    "Subcommittee",
    "SubcommitteeMembership",
    "Subscription",
    "Term",
    "Thread",
]
