"""API of the support-centre network: work plans, annual reports, criteria and scores, exchanges, meetings
and the global help desk. Reads follow the pages: approved plans and published reports are public; the
rest is for the centre's staff and the coordination entity; the space needs a centre or coordination role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts.auth import ANYONE, SIGNED_IN, signed_in_user
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.exceptions import NotFound
from tsc_hub.network import services
from tsc_hub.network.access import access_plan, access_report, access_ticket, require_space
from tsc_hub.network.models import (
    AnnualReport,
    JointMeeting,
    PerformanceCriterion,
    PerformanceScoring,
    Ticket,
    ToolExchange,
    WorkPlan,
)
from tsc_hub.network.schemas import (
    CriterionOut,
    ExchangeIn,
    ExchangeOut,
    MeetingOut,
    NarrativeIn,
    PlanCreateIn,
    PlanIn,
    PlanOut,
    ReplyIn,
    ReportCreateIn,
    ReportOut,
    ScoringIn,
    ScoringOut,
    TicketIn,
    TicketOut,
    TransitionIn,
)
from tsc_hub.network.services import ActivityData, IndicatorData, OutcomeData, PlanData, ScoreData

router = Router(tags=["network"])


def _centre(code: str) -> SupportCentre:
    found = SupportCentre.objects.filter(code=code).first()
    if found is None:
        raise NotFound(_("No such support centre."))
    return found


def _plan_data(payload: PlanIn) -> PlanData:
    return PlanData(
        start_year=payload.start_year,
        end_year=payload.end_year,
        title=payload.title,
        summary=payload.summary,
        original_language=payload.original_language,
        outcomes=[
            OutcomeData(
                title=o.title,
                activities=[ActivityData(a.title, a.budget_amount, a.budget_currency) for a in o.activities],
                indicators=[IndicatorData(i.name, i.baseline, i.target, i.unit) for i in o.indicators],
            )
            for o in payload.outcomes
        ],
    )


@router.get("/plans", response=list[PlanOut], auth=ANYONE, summary="Work plans")
@paginate(LimitOffsetPagination)
def list_plans(request: HttpRequest, centre: str | None = None) -> Any:
    plans = WorkPlan.objects.visible_to(request.user).with_related()
    return plans.filter(centre__code=centre) if centre else plans


@router.get("/plans/{plan_id}", response=PlanOut, auth=ANYONE, summary="One work plan")
def get_plan(request: HttpRequest, plan_id: int) -> Any:
    return access_plan(request.user, plan_id)


@router.post("/plans", response={201: PlanOut}, auth=SIGNED_IN, summary="Start a work plan")
def create_plan(request: HttpRequest, payload: PlanCreateIn) -> Status[Any]:
    plan = services.create_work_plan(
        centre=_centre(payload.centre), data=_plan_data(payload), by=signed_in_user(request)
    )
    return Status(201, access_plan(request.user, plan.pk))


@router.put("/plans/{plan_id}", response=PlanOut, auth=SIGNED_IN, summary="Replace a work plan's content")
def update_plan(request: HttpRequest, plan_id: int, payload: PlanIn) -> Any:
    plan = access_plan(request.user, plan_id)
    services.update_work_plan(plan=plan, data=_plan_data(payload), by=signed_in_user(request))
    return access_plan(request.user, plan_id)


@router.post("/plans/{plan_id}/transitions", response=PlanOut, auth=SIGNED_IN, summary="A step of a plan")
def transition_plan(request: HttpRequest, plan_id: int, payload: TransitionIn) -> Any:
    plan = access_plan(request.user, plan_id)
    services.transition_work_plan(
        plan=plan, action=payload.action, by=signed_in_user(request), reason=payload.reason
    )
    return access_plan(request.user, plan_id)


@router.get("/reports", response=list[ReportOut], auth=ANYONE, summary="Annual reports")
@paginate(LimitOffsetPagination)
def list_reports(request: HttpRequest, centre: str | None = None, year: int | None = None) -> Any:
    reports = AnnualReport.objects.visible_to(request.user).select_related("centre")
    if centre:
        reports = reports.filter(centre__code=centre)
    return reports.filter(year=year) if year else reports


@router.get("/reports/{report_id}", response=ReportOut, auth=ANYONE, summary="One annual report")
def get_report(request: HttpRequest, report_id: int) -> Any:
    return access_report(request.user, report_id)


@router.post("/reports", response={201: ReportOut}, auth=SIGNED_IN, summary="Start a pre-filled report")
def create_report(request: HttpRequest, payload: ReportCreateIn) -> Status[Any]:
    report = services.prefill_annual_report(
        centre=_centre(payload.centre),
        year=payload.year,
        by=signed_in_user(request),
        narrative=payload.narrative,
        original_language=payload.original_language,
    )
    return Status(201, access_report(request.user, report.pk))


@router.put(
    "/reports/{report_id}/narrative", response=ReportOut, auth=SIGNED_IN, summary="Write the narrative"
)
def update_narrative(request: HttpRequest, report_id: int, payload: NarrativeIn) -> Any:
    report = access_report(request.user, report_id)
    services.update_report_narrative(
        report=report,
        narrative=payload.narrative,
        by=signed_in_user(request),
        original_language=payload.original_language,
    )
    return access_report(request.user, report_id)


@router.post("/reports/{report_id}/refresh", response=ReportOut, auth=SIGNED_IN, summary="Refresh figures")
def refresh_report(request: HttpRequest, report_id: int) -> Any:
    report = access_report(request.user, report_id)
    services.refresh_report_figures(report=report, by=signed_in_user(request))
    return access_report(request.user, report_id)


@router.post(
    "/reports/{report_id}/transitions", response=ReportOut, auth=SIGNED_IN, summary="A step of a report"
)
def transition_report(request: HttpRequest, report_id: int, payload: TransitionIn) -> Any:
    report = access_report(request.user, report_id)
    services.transition_report(
        report=report, action=payload.action, by=signed_in_user(request), reason=payload.reason
    )
    return access_report(request.user, report_id)


@router.get("/criteria", response=list[CriterionOut], auth=ANYONE, summary="Performance criteria")
def list_criteria(request: HttpRequest) -> Any:
    return PerformanceCriterion.objects.filter(active=True)


@router.get("/scorings", response=list[ScoringOut], auth=SIGNED_IN, summary="Performance scorings")
def list_scorings(request: HttpRequest, year: int | None = None) -> Any:
    scorings = PerformanceScoring.objects.visible_to(request.user).select_related("centre")
    return scorings.for_year(year) if year else scorings


@router.post("/scorings", response={201: ScoringOut}, auth=SIGNED_IN, summary="Score a centre for a year")
def score_centre(request: HttpRequest, payload: ScoringIn) -> Status[Any]:
    scoring = services.score_centre(
        centre=_centre(payload.centre),
        year=payload.year,
        scores=[ScoreData(s.criterion, s.score, s.comment) for s in payload.scores],
        by=signed_in_user(request),
        comment=payload.comment,
    )
    return Status(201, scoring)


@router.get(
    "/exchanges", response=list[ExchangeOut], auth=SIGNED_IN, summary="Tools exchanged between centres"
)
@paginate(LimitOffsetPagination)
def list_exchanges(request: HttpRequest) -> Any:
    require_space(request.user)
    return ToolExchange.objects.visible_to(request.user).select_related("from_centre", "to_centre")


@router.post("/exchanges", response={201: ExchangeOut}, auth=SIGNED_IN, summary="Record an exchange")
def record_exchange(request: HttpRequest, payload: ExchangeIn) -> Status[Any]:
    require_space(request.user)
    data = services.ExchangeData(**payload.dict())
    return Status(201, services.record_tool_exchange(data=data, by=signed_in_user(request)))


@router.get("/meetings", response=list[MeetingOut], auth=SIGNED_IN, summary="Joint annual meetings")
def list_meetings(request: HttpRequest) -> Any:
    require_space(request.user)
    return JointMeeting.objects.visible_to(request.user)


@router.get(
    "/tickets", response=list[TicketOut], auth=SIGNED_IN, summary="Tickets to the coordination entity"
)
@paginate(LimitOffsetPagination)
def list_tickets(request: HttpRequest, overdue: bool = False) -> Any:
    require_space(request.user)
    tickets = Ticket.objects.visible_to(request.user).with_related()
    return tickets.overdue() if overdue else tickets


@router.post("/tickets", response={201: TicketOut}, auth=SIGNED_IN, summary="Open a ticket")
def open_ticket(request: HttpRequest, payload: TicketIn) -> Status[Any]:
    require_space(request.user)
    ticket = services.open_ticket(
        centre=_centre(payload.centre),
        subject=payload.subject,
        body=payload.body,
        category=payload.category,
        by=signed_in_user(request),
    )
    return Status(201, access_ticket(request.user, ticket.pk))


@router.get("/tickets/{ticket_id}", response=TicketOut, auth=SIGNED_IN, summary="One ticket")
def get_ticket(request: HttpRequest, ticket_id: int) -> Any:
    return access_ticket(request.user, ticket_id)


@router.post("/tickets/{ticket_id}/replies", response=TicketOut, auth=SIGNED_IN, summary="Reply to a ticket")
def reply(request: HttpRequest, ticket_id: int, payload: ReplyIn) -> Any:
    ticket = access_ticket(request.user, ticket_id)
    services.reply_to_ticket(ticket=ticket, body=payload.body, by=signed_in_user(request))
    return access_ticket(request.user, ticket_id)


@router.post(
    "/tickets/{ticket_id}/transitions", response=TicketOut, auth=SIGNED_IN, summary="A step of a ticket"
)
def transition_ticket(request: HttpRequest, ticket_id: int, payload: TransitionIn) -> Any:
    ticket = access_ticket(request.user, ticket_id)
    services.transition_ticket(
        ticket=ticket, action=payload.action, by=signed_in_user(request), reason=payload.reason
    )
    return access_ticket(request.user, ticket_id)
