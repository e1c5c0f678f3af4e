"""People around a Kenyan request: focal point, institution member, centre officer, coordination."""

from __future__ import annotations

from typing import Any

import pytest

from tsc_hub.centres.services import save_centre
from tsc_hub.geography.models import Party
from tsc_hub.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def kenya(db: Any) -> Any:
    return Party.objects.get(code="ke")


@pytest.fixture
def institution(kenya: Any) -> Any:
    return OrganisationFactory(country=kenya)


@pytest.fixture
def centre(db: Any) -> Any:
    return save_centre(
        code="east-africa",
        names={"en": "East Africa centre"},
        host=None,
        party_codes=["ke", "tz", "ug"],
        by=None,
    )


@pytest.fixture
def cast(person: Any, with_totp: Any, kenya: Any, institution: Any, centre: Any) -> dict[str, Any]:
    """One person per role, scoped to the Kenyan request's world, plus outsiders."""
    other_centre = save_centre(
        code="andes", names={"en": "Andes"}, host=None, party_codes=["co", "pe"], by=None
    )
    people = {
        "focal_point": person("national_focal_point", party=kenya),
        "member": person("institution_member", organisation=institution),
        "officer": person("helpdesk_officer", centre=centre),
        "coordination": person("coordination_staff"),
        "admin": person("platform_admin"),
        "other_focal_point": person("national_focal_point", party=Party.objects.get(code="co")),
        "other_member": person("institution_member", organisation=OrganisationFactory()),
        "other_officer": person("helpdesk_officer", centre=other_centre),
        "provider": person("provider", organisation=OrganisationFactory()),
        "advisory": person("advisory_member"),
        "reviewer": person("application_reviewer"),
        "nobody": person(),
    }
    for staff in ("officer", "coordination", "admin", "other_officer"):
        with_totp(people[staff])  # their roles require a second factor on the site
    return people
