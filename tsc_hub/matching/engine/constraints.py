"""Hard constraints: an item that breaks one is left out, however well it scores."""

from __future__ import annotations

import datetime as dt

from tsc_hub.matching.engine.records import ItemRecord, RequestRecord

OUTSIDE_COVERAGE = "outside_coverage"
DEADLINE_PASSED = "deadline_passed"
AT_CAPACITY = "at_capacity"


def violations(request: RequestRecord, item: ItemRecord, as_of: dt.date) -> list[str]:
    """The reason codes of the constraints `item` breaks for `request` on `as_of`; empty if it may rank."""
    codes = []
    if request.country not in item.coverage_countries:
        codes.append(OUTSIDE_COVERAGE)
    if item.deadline is not None and item.deadline < as_of:
        codes.append(DEADLINE_PASSED)
    if item.capacity_left is not None and item.capacity_left <= 0:
        codes.append(AT_CAPACITY)
    return codes
