"""Fixtures of the geography tests: the shipped reference data, loaded (the data migration already did)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tsc_hub.geography.reference import load_reference_data

# The CHM files the Secretariat publishes, kept beside the project (not shipped with it).
CHM_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "cbd-chm"


@pytest.fixture
def reference_data(db: Any) -> dict[str, int]:
    """Load the shipped Parties and regions (a no-op when the migration has loaded them)."""
    return load_reference_data()
