"""A Kenyan request accepted by the help desk, and providers around it."""

from __future__ import annotations

from typing import Any

import pytest

from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.tests.factories import make_request
from tsc_hub.offers.tests.factories import OfferFactory, ProfileFactory
from tsc_hub.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def provider_org(db: Any) -> Any:
    return OrganisationFactory(names={"en": "Barcode Lab"})


@pytest.fixture
def world(cast: Any, institution: Any, provider_org: Any, person: Any) -> dict[str, Any]:
    request = make_request(by=cast["focal_point"], organisation=institution)
    request = transition_request(request=request, action="submit", by=cast["focal_point"])
    request = transition_request(request=request, action="accept", by=cast["officer"])
    return {
        **cast,
        "request": request,
        "profile": ProfileFactory(organisation=provider_org, state="published"),
        "offer": OfferFactory(primary_organisation=provider_org, state="published"),
        "lab": person("provider", organisation=provider_org),
    }
