"""The network's cast: the East Africa centre (`centre`) and its officer, the Andes centre's officer,
coordination staff, and everyone who must not see the drafts."""

from __future__ import annotations

from typing import Any

import pytest

from tsc_hub.centres.models import SupportCentre

# People who must never see drafts nor enter the collaboration space.
OUTSIDERS = ("focal_point", "member", "provider", "advisory", "reviewer", "nobody")


@pytest.fixture
def andes(cast: Any) -> Any:
    return SupportCentre.objects.get(code="andes")


@pytest.fixture
def users(cast: Any) -> dict[str, Any]:
    return cast


# The Kenyan request with an agreed match (projects' fixtures), routed to the East Africa centre.
from tsc_hub.projects.tests.conftest import (  # noqa: E402, F401
    accepted_request,
    project,
    provider_org,
    world,
)
