"""The demo capacity data: created once, through the services, for the demo Parties and organisations."""

import pytest

from tsc_hub.capacity.demo import ORGANISATIONS, seed_capacity
from tsc_hub.capacity.models import CapacityActivity, CapacityNeed
from tsc_hub.geography.models import Party
from tsc_hub.organisations.tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_the_seed_creates_needs_and_activities_once():
    for country, language, name in ORGANISATIONS.values():
        OrganisationFactory(
            country=Party.objects.get(code=country), names={language: name}, original_language=language
        )
    assert seed_capacity() == {"capacity_needs": 12, "capacity_activities": 10}
    assert seed_capacity() == {"capacity_needs": 0, "capacity_activities": 0}
    assert CapacityNeed.objects.filter(status="met").count() == 1
    assert CapacityActivity.objects.filter(status="completed").count() == 1
    assert CapacityNeed.objects.values("party").distinct().count() >= 8


@pytest.mark.django_db
def test_activities_of_missing_organisations_are_skipped():
    assert seed_capacity() == {"capacity_needs": 12, "capacity_activities": 0}
