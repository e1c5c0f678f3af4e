"""The committee's cast: two current members (one a co-chair), a former member, and the platform's
other roles (tsc_hub/conftest.py `cast`), none of whom may see the committee's space."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tsc_hub.advisory.tests.factories import make_member, today

# Roles of the platform that must never see the committee's space. "advisory" holds the advisory_member
# role without a term: membership comes from the terms, so the role alone opens nothing.
OUTSIDERS = ("focal_point", "member", "provider", "officer", "reviewer", "admin", "advisory", "nobody")


@pytest.fixture
def people(cast: Any) -> dict[str, Any]:
    """`cast` plus committee members: `expert` (capacity-building), `co_chair`, `former` (term ended)."""
    found = dict(cast)
    found["expert"] = make_member(party="ke", subcommittees=("capacity-building",)).user
    found["co_chair"] = make_member(party="co", gender="male", co_chair=True).user
    start = today() - datetime.timedelta(days=800)
    found["former"] = make_member(party="de", start=start, subcommittees=("capacity-building",)).user
    return found
