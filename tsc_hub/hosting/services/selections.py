"""Recording a selection of hosts from a scenario: a coordination decision, audited."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict
from tsc_hub.hosting.models import Call, HostSelection
from tsc_hub.hosting.scenarios import check_options, shortlist, solve
from tsc_hub.hosting.services.common import require_coordination
from tsc_hub.hosting.workflow import C_CLOSED


@transaction.atomic
def record_selection(
    *, call: Call, min_centres: int, max_per_subregion: int, min_score: float, by: Any, note: str = ""
) -> HostSelection:
    """Solve the scenario again on the current shortlist and keep its selection as the coordination's."""
    require_coordination(by)
    current = Call.objects.select_for_update().get(pk=call.pk)
    if current.state != C_CLOSED:
        raise Conflict(_("A selection is recorded once phase 2 has closed."), code="call_not_closed")
    check_options([min_centres], max_per_subregion, min_score)
    scenario = solve(current, min_centres, max_per_subregion, min_score, shortlist(current))
    if not scenario.feasible:
        raise Conflict(scenario.error, code="selection_infeasible")
    selection = HostSelection.objects.create(
        call=current,
        min_centres=min_centres,
        max_per_subregion=max_per_subregion,
        min_score=Decimal(str(min_score)).quantize(Decimal("0.01")),
        covered=scenario.covered,
        overlap=scenario.overlap,
        note=note.strip(),
        by=by,
    )
    selection.applications.set(scenario.chosen)
    record_event(
        actor=by,
        action="hosting.record_selection",
        target=current,
        changes={
            "min_centres": min_centres,
            "max_per_subregion": max_per_subregion,
            "min_score": min_score,
            "selected": [a.pk for a in scenario.chosen],
            "covered": scenario.covered,
            "overlap": scenario.overlap,
        },
    )
    return selection
