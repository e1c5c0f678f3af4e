"""Fixtures of the vocabularies tests."""

from __future__ import annotations

from pathlib import Path

import pytest

# The CHM files the Secretariat publishes, kept beside the project (never shipped with it).
CHM_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "cbd-chm"


@pytest.fixture
def chm_data() -> Path:
    """The folder of real CHM files; the test is skipped when it is absent."""
    if not CHM_DATA.is_dir():
        pytest.skip(f"the real CHM files are not at {CHM_DATA}")
    return CHM_DATA


@pytest.fixture
def gbf_targets_file(chm_data: Path) -> Path:
    """The 23 GBF targets as the CHM publishes them."""
    path = chm_data / "gbf-targets.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path
