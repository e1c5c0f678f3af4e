"""Writes about choosing hosts; every function runs in one transaction, checks permission and is audited."""

from tsc_hub.hosting.services.applications import (
    ApplicationData,
    add_document,
    create_application,
    submit_application,
    update_application,
    withdraw_application,
)
from tsc_hub.hosting.services.calls import CallData, create_call, transition_call, update_call
from tsc_hub.hosting.services.phases import close_phase
from tsc_hub.hosting.services.reviews import (
    ScoreData,
    assign_reviewer,
    declare_conflict,
    score_application,
    unassign_reviewer,
)
from tsc_hub.hosting.services.selections import record_selection

__all__ = [
    "ApplicationData",
    "CallData",
    "ScoreData",
    "add_document",
    "assign_reviewer",
    "close_phase",
    "create_application",
    "create_call",
    "declare_conflict",
    "record_selection",
    "score_application",
    "submit_application",
    "transition_call",
    "unassign_reviewer",
    "update_application",
    "update_call",
    "withdraw_application",
]
