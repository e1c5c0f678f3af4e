"""Fixtures shared by every app's tests."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tsc_hub.accounts.tests.factories import UserFactory
from tsc_hub.centres.services import save_centre
from tsc_hub.geography.models import Party
from tsc_hub.organisations.tests.factories import OrganisationFactory

SHARED_CHM = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "cbd-chm"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--browser-output",
        default=None,
        help="Folder for screenshots of the browser tests (default: a temp dir).",
    )


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    """Where browser tests put screenshots: --browser-output, or a temporary folder."""
    folder = Path(request.config.getoption("--browser-output") or tempfile.mkdtemp(prefix="tsc-hub-shots-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def shared_chm() -> Path:
    """The real CBD Clearing-House files beside the project (skips when absent)."""
    if not SHARED_CHM.is_dir():
        pytest.skip(f"real CHM data not found at {SHARED_CHM}")
    return SHARED_CHM


@pytest.fixture
def person(db: Any) -> Callable[..., Any]:
    """Make a person, optionally holding one role: person("national_focal_point", party=kenya)."""
    from tsc_hub.accounts.services import grant_role

    def make(role: str | None = None, **scope: Any) -> Any:
        user = UserFactory()
        if role is not None:
            grant_role(user=user, role=role, by=None, **scope)
        return user

    return make


@pytest.fixture
def with_totp() -> Callable[[Any], Any]:
    """Give a person a TOTP authenticator (staff roles need one)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    def enrol(user: Any) -> Any:
        TOTP.activate(user, generate_totp_secret())
        return user

    return enrol


# The world around a Kenyan request: used by the cooperation apps' tests.


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
