"""Models of the assistance app."""

from tsc_hub.assistance.models.attachment import RequestAttachment
from tsc_hub.assistance.models.eligibility import EligibilityAssessment, EligibilityCriterion
from tsc_hub.assistance.models.history import RequestTransition, StateTarget
from tsc_hub.assistance.models.request import AssistanceRequest

__all__ = [
    "AssistanceRequest",
    "EligibilityAssessment",
    "EligibilityCriterion",
    "RequestAttachment",
    "RequestTransition",
    "StateTarget",
]
