"""A Kenyan request with an agreed match to a British provider, and the people around it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.tests.factories import make_request
from tsc_hub.geography.models import Party
from tsc_hub.matching.services import suggest_match, transition_match
from tsc_hub.offers.tests.factories import OfferFactory, ProfileFactory
from tsc_hub.organisations.tests.factories import OrganisationFactory
from tsc_hub.projects.services import ProjectData, create_project


def agree(world: dict[str, Any], request: Any, candidate: Any) -> Any:
    """Suggest a candidate for an accepted request and walk the match to "agreed"."""
    match = suggest_match(request=request, candidate=candidate, by=world["officer"])
    match = transition_match(match=match, action="contact", by=world["officer"])
    match = transition_match(match=match, action="express_interest", by=world["lab"])
    match = transition_match(match=match, action="requester_accept", by=world["focal_point"])
    return transition_match(match=match, action="confirm", by=world["lab"])


@pytest.fixture
def provider_org(db: Any) -> Any:
    return OrganisationFactory(names={"en": "Barcode Lab UK"}, country=Party.objects.get(code="gb"))


@pytest.fixture
def accepted_request(cast: Any, institution: Any) -> Callable[..., Any]:
    """A Kenyan request accepted by the help desk (public unless told otherwise)."""

    def make(**changes: Any) -> Any:
        request = make_request(by=cast["focal_point"], organisation=institution, **changes)
        request = transition_request(request=request, action="submit", by=cast["focal_point"])
        return transition_request(request=request, action="accept", by=cast["officer"])

    return make


@pytest.fixture
def world(cast: Any, provider_org: Any, person: Any, accepted_request: Any) -> dict[str, Any]:
    people = {**cast, "lab": person("provider", organisation=provider_org)}
    request = accepted_request()
    profile = ProfileFactory(organisation=provider_org, state="published")
    return {**people, "request": request, "profile": profile, "match": agree(people, request, profile)}


@pytest.fixture
def new_offer(provider_org: Any) -> Callable[[], Any]:
    return lambda: OfferFactory(primary_organisation=provider_org, state="published")


def project_data(**changes: Any) -> ProjectData:
    values: dict[str, Any] = {
        "title": {
            "en": "DNA barcoding of invasive plants",
            "fr": "Code-barres ADN des plantes envahissantes",
        },
        "summary": {"en": "Training and a reference library."},
        "original_language": "en",
    }
    values.update(changes)
    return ProjectData(**values)


@pytest.fixture
def project(world: dict[str, Any]) -> Any:
    """A project in planning, started by the help desk from the agreed match."""
    return create_project(match_ids=[world["match"].pk], data=project_data(), by=world["officer"])
