"""Fixtures of the harvest tests: sources, the upstream portal (our own /oai on the live server), people."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from tsc_hub.chm.tests.conftest import chm_request
from tsc_hub.harvest import chm_json
from tsc_hub.harvest.models import HarvestSource
from tsc_hub.harvest.services import create_source
from tsc_hub.harvest.validation import SourceData

LONG_AGO = datetime(2025, 1, 15, 8, 0, tzinfo=UTC)
URL = "https://portal.test/api/records"


@pytest.fixture
def make_source(db: Any) -> Callable[..., HarvestSource]:
    """make_source(name=..., protocol=..., base_url=..., ...) through the service, as the system."""

    def make(**values: Any) -> HarvestSource:
        given: dict[str, Any] = {
            "name": "Upstream hub",
            "protocol": "oai_pmh",
            "base_url": "https://x.test/oai",
        }
        given.update(values)
        return create_source(data=SourceData(**given), by=None)

    return make


@pytest.fixture
def upstream(live_server: Any, settings: Any) -> str:
    """The OAI-PMH base URL of the live server (our own provider), whose identifiers name its host."""
    settings.SITE_URL = live_server.url
    return f"{live_server.url}/oai"


@pytest.fixture
def oai_source(upstream: str, make_source: Callable[..., HarvestSource]) -> HarvestSource:
    return make_source(name="Upstream hub", base_url=upstream, default_kind="best_practice")


@pytest.fixture
def served(monkeypatch):
    """Documents served by address instead of the network: served[url] = text."""
    documents: dict[str, str] = {}

    def fetch(url: str) -> str:
        if url not in documents:
            raise chm_json.PageMissing(f"{url}: the server answered 404 Not Found.")
        return documents[url]

    monkeypatch.setattr(chm_json, "fetch", fetch)
    return documents


@pytest.fixture
def record(institution):
    def make(identifier: str, modified: str | None = "2026-01-10T08:00:00Z", **changes):
        raw = chm_request(identifier, f"tsc-org-{institution.pk}", **changes)
        if modified:
            raw["header"]["modifiedOn"] = modified
        return raw

    return make
