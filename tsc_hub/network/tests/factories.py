"""Building network records for tests through the real services."""

from __future__ import annotations

from typing import Any

from tsc_hub.network import services
from tsc_hub.network.services import ActivityData, IndicatorData, OutcomeData, PlanData


def plan_data(**changes: Any) -> PlanData:
    values: dict[str, Any] = {
        "start_year": 2024,
        "end_year": 2026,
        "title": {"en": "Work plan 2024–2026", "fr": "Plan de travail 2024–2026"},
        "summary": {"en": "Support to the Parties of East Africa."},
        "outcomes": [
            OutcomeData(
                title={"en": "Parties use DNA barcoding"},
                activities=[
                    ActivityData({"en": "Regional training"}, "12000", "USD"),
                    ActivityData({"en": "Reference library"}, "5000", "EUR"),
                ],
                indicators=[IndicatorData({"en": "People trained"}, 0, 60, "people")],
            )
        ],
    }
    values.update(changes)
    return PlanData(**values)


def make_plan(centre: Any, by: Any = None, **changes: Any) -> Any:
    return services.create_work_plan(centre=centre, data=plan_data(**changes), by=by)
