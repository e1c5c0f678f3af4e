"""Fixtures shared by every app's tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tsc_hub.accounts.tests.factories import UserFactory

SHARED_CHM = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "cbd-chm"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--browser-output",
        default=None,
        help="Folder for screenshots of the browser tests (default: a temp dir).",
    )


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
