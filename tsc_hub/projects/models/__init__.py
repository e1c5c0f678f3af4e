"""Tables of the projects app: projects and partners, their plan, funds, outputs and ratings."""

from tsc_hub.projects.models.funding import ExchangeRate, FundingRecord
from tsc_hub.projects.models.outcomes import ProjectOutput, ProjectRating
from tsc_hub.projects.models.plan import Milestone, ProgressIndicator
from tsc_hub.projects.models.project import Project, ProjectPartner, ProjectTransition

__all__ = [
    "ExchangeRate",
    "FundingRecord",
    "Milestone",
    "ProgressIndicator",
    "Project",
    "ProjectOutput",
    "ProjectPartner",
    "ProjectRating",
    "ProjectTransition",
]
