"""The network's models."""

from tsc_hub.network.models.collaboration import JointMeeting, SharedDocument, ToolExchange
from tsc_hub.network.models.performance import (
    MAX_SCORE,
    CriterionScore,
    PerformanceCriterion,
    PerformanceScoring,
    ScoringRevision,
)
from tsc_hub.network.models.plans import PerformanceIndicator, PlanActivity, PlanOutcome, PlanStep, WorkPlan
from tsc_hub.network.models.reports import AnnualReport, ReportStep
from tsc_hub.network.models.tickets import Ticket, TicketReply, TicketStep

__all__ = [
    "MAX_SCORE",
    "AnnualReport",
    "CriterionScore",
    "JointMeeting",
    "PerformanceCriterion",
    "PerformanceIndicator",
    "PerformanceScoring",
    "PlanActivity",
    "PlanOutcome",
    "PlanStep",
    "ReportStep",
    "ScoringRevision",
    "SharedDocument",
    "Ticket",
    "TicketReply",
    "TicketStep",
    "ToolExchange",
    "WorkPlan",
]
