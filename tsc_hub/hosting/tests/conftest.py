"""The world of a call: the shared `cast` (tsc_hub/conftest.py) plus reviewers and a submitted application."""

from __future__ import annotations

from typing import Any

import pytest

from tsc_hub.hosting import services
from tsc_hub.hosting.tests.factories import ApplicationFactory, CallFactory


@pytest.fixture
def reviewers(person: Any) -> list[Any]:
    return [person("application_reviewer") for _ in range(3)]


@pytest.fixture
def call(db: Any) -> Any:
    return CallFactory()


@pytest.fixture
def submitted(call: Any, cast: dict[str, Any], institution: Any) -> Any:
    """An application of the cast's institution, submitted by its member."""
    application = ApplicationFactory(call=call, organisation=institution)
    return services.submit_application(application=application, by=cast["member"])
