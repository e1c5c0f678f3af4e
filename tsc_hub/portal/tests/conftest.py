"""Fixtures of the browser tests."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    """Where screenshots go: --browser-output, or a temporary folder."""
    folder = Path(request.config.getoption("--browser-output") or tempfile.mkdtemp(prefix="tsc-hub-shots-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
