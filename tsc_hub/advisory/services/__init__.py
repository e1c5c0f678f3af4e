"""Writes of the advisory committee: members and terms, composition, forums, meetings."""

from tsc_hub.advisory.services.composition import Composition, Warning, check_composition
from tsc_hub.advisory.services.forums import (
    hide_reply,
    moderate_thread,
    reply_to_thread,
    start_thread,
    subscribe,
    unsubscribe,
)
from tsc_hub.advisory.services.meetings import (
    MeetingData,
    add_meeting_document,
    publish_meeting,
    publish_minutes,
    record_meeting,
)
from tsc_hub.advisory.services.members import (
    MemberData,
    add_term,
    appoint_member,
    assign_subcommittee,
    default_end,
    end_term,
    leave_subcommittee,
    set_co_chair,
    years_after,
)

__all__ = [
    "Composition",
    "MeetingData",
    "MemberData",
    "Warning",
    "add_meeting_document",
    "add_term",
    "appoint_member",
    "assign_subcommittee",
    "check_composition",
    "default_end",
    "end_term",
    "hide_reply",
    "leave_subcommittee",
    "moderate_thread",
    "publish_meeting",
    "publish_minutes",
    "record_meeting",
    "reply_to_thread",
    "set_co_chair",
    "start_thread",
    "subscribe",
    "unsubscribe",
    "years_after",
]
