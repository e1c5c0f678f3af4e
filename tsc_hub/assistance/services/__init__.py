"""Writes about requests for assistance; every function runs in one transaction and is audited."""

from tsc_hub.assistance.services.attachments import add_attachment
from tsc_hub.assistance.services.drafting import RequestData, create_request, update_request
from tsc_hub.assistance.services.helpdesk import (
    assess_eligibility,
    assign_officer,
    flag_overdue_requests,
    reassign_request,
    record_consent,
    record_outcome,
)
from tsc_hub.assistance.services.transitions import transition_request

__all__ = [
    "RequestData",
    "add_attachment",
    "assess_eligibility",
    "assign_officer",
    "create_request",
    "flag_overdue_requests",
    "reassign_request",
    "record_consent",
    "record_outcome",
    "transition_request",
    "update_request",
]
