"""Writes about projects; every function runs in one transaction, checks who may, and is audited."""

from tsc_hub.projects.services.access import project_roles, sides_of
from tsc_hub.projects.services.creation import (
    PartnerData,
    ProjectData,
    create_project,
    set_partners,
    update_project,
)
from tsc_hub.projects.services.funding import FundingData, record_funding, total_usd, usd_value
from tsc_hub.projects.services.outcomes import OutputData, rate_project, record_output
from tsc_hub.projects.services.plan import (
    add_indicator,
    add_milestone,
    complete_milestone,
    update_indicator,
    update_milestone,
)
from tsc_hub.projects.services.rates import RateRow, import_exchange_rates, parse_rates
from tsc_hub.projects.services.transitions import transition_project

__all__ = [
    "FundingData",
    "OutputData",
    "PartnerData",
    "ProjectData",
    "RateRow",
    "add_indicator",
    "add_milestone",
    "complete_milestone",
    "create_project",
    "import_exchange_rates",
    "parse_rates",
    "project_roles",
    "rate_project",
    "record_funding",
    "record_output",
    "set_partners",
    "sides_of",
    "total_usd",
    "transition_project",
    "update_indicator",
    "update_milestone",
    "update_project",
    "usd_value",
]
