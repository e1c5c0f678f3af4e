"""Demo data of the network: for a few demo centres an approved work plan, a published annual report for
last year pre-filled from the demo's live data, performance scores, exchanges, a meeting and tickets.

Idempotent: run twice, nothing is duplicated. Written as the system (`by=None`). Centres missing from the
database are skipped, so this runs after the demo's centres, requests and projects are seeded.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.demo import require_demo_mode
from tsc_hub.network import services
from tsc_hub.network.criteria import load_criteria
from tsc_hub.network.models import (
    AnnualReport,
    JointMeeting,
    PerformanceCriterion,
    PerformanceScoring,
    Ticket,
    ToolExchange,
    WorkPlan,
)
from tsc_hub.network.services import (
    ActivityData,
    ExchangeData,
    IndicatorData,
    MeetingData,
    OutcomeData,
    PlanData,
)

CENTRES = ("eastern-southern-africa", "east-asia", "west-asia", "south-america")
EXCHANGES = (
    (
        "eastern-southern-africa",
        "east-asia",
        "tool",
        {"en": "Wetland mapping toolbox", "fr": "Boîte à outils de cartographie des zones humides"},
    ),
    ("east-asia", "west-asia", "dataset", {"en": "Reference DNA barcode library", "zh": "DNA条形码参考库"}),
    (
        "south-america",
        "eastern-southern-africa",
        "method",
        {"en": "Community seed bank guidelines", "es": "Guía de bancos comunitarios de semillas"},
    ),
    (
        "west-asia",
        "south-america",
        "training_material",
        {"en": "Dryland restoration course", "ar": "دورة إصلاح الأراضي الجافة"},
    ),
)
SCORES = {"eastern-southern-africa": 4, "east-asia": 4, "west-asia": 3, "south-america": 3}


def _plan_data() -> PlanData:
    outcome = OutcomeData(
        title={"en": "Parties of the subregion receive demand-driven technical and scientific support"},
        activities=[
            ActivityData({"en": "Regional training on species monitoring"}, "45000", "USD"),
            ActivityData({"en": "Matchmaking days with providers"}, "12000", "USD"),
        ],
        indicators=[
            IndicatorData({"en": "Parties supported"}, 0, 8, "Parties"),
            IndicatorData({"en": "Share of women among people trained"}, 30, 50, "%"),
        ],
    )
    sharing = OutcomeData(
        title={"en": "Knowledge and tools are shared with the other centres"},
        activities=[ActivityData({"en": "Share two tools a year with other centres"}, "8000", "EUR")],
        indicators=[IndicatorData({"en": "Tools exchanged with other centres"}, 0, 4, "tools")],
    )
    return PlanData(
        start_year=2024,
        end_year=2026,
        title={
            "en": "Work plan 2024–2026",
            "fr": "Plan de travail 2024–2026",
            "es": "Plan de trabajo 2024–2026",
        },
        summary={"en": "Results-based biennial work plan agreed with the global coordination entity."},
        outcomes=[outcome, sharing],
    )


def _plan(centre: SupportCentre) -> int:
    if WorkPlan.objects.filter(centre=centre, start_year=2024).exists():
        return 0
    plan = services.create_work_plan(centre=centre, data=_plan_data(), by=None)
    plan = services.transition_work_plan(plan=plan, action="submit", by=None)
    services.transition_work_plan(plan=plan, action="approve", by=None)
    return 1


def _report(centre: SupportCentre, year: int) -> int:
    if AnnualReport.objects.filter(centre=centre, year=year).exists():
        return 0
    narrative = {
        "en": f"In {year} the centre answered the requests of its Parties, organised trainings and shared "
        "tools with the other centres of the network.",
        "fr": f"En {year}, le centre a répondu aux demandes de ses Parties, organisé des formations "
        "et partagé des outils avec les autres centres du réseau.",
    }
    report = services.prefill_annual_report(centre=centre, year=year, by=None, narrative=narrative)
    for action in ("submit", "accept", "publish"):
        report = services.transition_report(report=report, action=action, by=None)
    return 1


def _score(centre: SupportCentre, year: int) -> int:
    if PerformanceScoring.objects.filter(centre=centre, year=year).exists():
        return 0
    value = SCORES.get(centre.code, 3)
    scores = [
        services.ScoreData(code, value, "")
        for code in PerformanceCriterion.objects.filter(active=True).values_list("code", flat=True)
    ]
    services.score_centre(centre=centre, year=year, scores=scores, by=None, comment="Demo scoring.")
    return 1


def _exchanges(centres: dict[str, SupportCentre], year: int) -> int:
    made = 0
    for index, (giver, taker, kind, title) in enumerate(EXCHANGES):
        if giver not in centres or taker not in centres:
            continue
        if ToolExchange.objects.filter(
            from_centre=centres[giver], to_centre=centres[taker], title=title
        ).exists():
            continue
        day = datetime.date(year, 3 + 2 * index, 15)
        services.record_tool_exchange(data=ExchangeData(giver, taker, title, day, kind=kind), by=None)
        made += 1
    return made


def _meeting(centres: dict[str, SupportCentre], year: int) -> int:
    day = datetime.date(year, 11, 4)
    if JointMeeting.objects.filter(date=day).exists():
        return 0
    data = MeetingData(
        title={"en": f"Joint annual meeting of the support centres {year}"},
        date=day,
        place="Montreal",
        centres=sorted(centres),
        participants=["Lucía Fernández (coordination entity)", "Joseph Mwangi", "王丽"],
        agenda={"en": "1. Work plans\n2. Annual reports\n3. Tools to share\n4. Performance criteria"},
        minutes={"en": "The centres agreed to share their monitoring tools through the collaboration space."},
    )
    services.record_meeting(data=data, by=None)
    return 1


def _tickets(centres: dict[str, SupportCentre]) -> int:
    made = 0
    wanted = (
        ("eastern-southern-africa", "Template for the annual report", "reporting", 100),
        ("east-asia", "Experts on marine spatial planning", "experts", 2),
    )
    for code, subject, category, hours_ago in wanted:
        if code not in centres or Ticket.objects.filter(centre=centres[code], subject=subject).exists():
            continue
        opened = timezone.now() - datetime.timedelta(hours=hours_ago)
        ticket = services.open_ticket(
            centre=centres[code], subject=subject, body=subject + "?", category=category, by=None, now=opened
        )
        if hours_ago > 48:  # an older ticket, answered and resolved
            services.reply_to_ticket(
                ticket=ticket, body="The template is in the collaboration space.", by=None
            )
            services.transition_ticket(ticket=ticket, action="resolve", by=None, reason="Template shared.")
        made += 1
    return made


@transaction.atomic
def seed_network() -> dict[str, Any]:
    """Create (or complete) the network's demo records; returns how many of each were made."""
    require_demo_mode()
    load_criteria()
    centres = {c.code: c for c in SupportCentre.objects.filter(code__in=CENTRES)}
    year = timezone.now().year - 1
    # Exchanges first: last year's report counts them.
    counts = {"exchanges": _exchanges(centres, year), "meetings": _meeting(centres, year)}
    counts["plans"] = sum(_plan(centre) for centre in centres.values())
    counts["reports"] = sum(_report(centre, year) for centre in centres.values())
    counts["scorings"] = sum(_score(centre, year) for centre in centres.values())
    counts["tickets"] = _tickets(centres)
    return counts
