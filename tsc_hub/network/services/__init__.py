"""Every write of the network app: typed service functions, one transaction each, audited."""

from tsc_hub.network.services.plan_items import (
    add_activity,
    add_indicator,
    remove_activity,
    remove_indicator,
    remove_outcome,
    update_activity,
    update_indicator,
    update_outcome,
)
from tsc_hub.network.services.plans import (
    ActivityData,
    IndicatorData,
    OutcomeData,
    PlanData,
    create_work_plan,
    plan_data_of,
    transition_work_plan,
    update_work_plan,
)
from tsc_hub.network.services.reports import (
    prefill_annual_report,
    refresh_report_figures,
    transition_report,
    update_report_narrative,
)
from tsc_hub.network.services.scoring import ScoreData, score_centre
from tsc_hub.network.services.space import (
    ExchangeData,
    MeetingData,
    delete_document,
    record_meeting,
    record_tool_exchange,
    share_document,
)
from tsc_hub.network.services.tickets import (
    assign_ticket,
    is_overdue,
    open_ticket,
    reply_to_ticket,
    transition_ticket,
)

__all__ = [
    "ActivityData",
    "ExchangeData",
    "IndicatorData",
    "MeetingData",
    "OutcomeData",
    "PlanData",
    "ScoreData",
    "add_activity",
    "add_indicator",
    "assign_ticket",
    "create_work_plan",
    "delete_document",
    "is_overdue",
    "open_ticket",
    "plan_data_of",
    "prefill_annual_report",
    "record_meeting",
    "record_tool_exchange",
    "refresh_report_figures",
    "remove_activity",
    "remove_indicator",
    "remove_outcome",
    "reply_to_ticket",
    "score_centre",
    "share_document",
    "transition_report",
    "transition_ticket",
    "transition_work_plan",
    "update_activity",
    "update_indicator",
    "update_outcome",
    "update_report_narrative",
    "update_work_plan",
]
