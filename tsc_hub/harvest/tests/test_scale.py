"""10,000 records, one malformed: 9,999 imported, the one reported with its identifier and reason."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from tsc_hub.harvest.services import run_harvest
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.tests.oai.factories import bulk_published

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_ten_thousand_records_with_one_malformed(oai_source, live_server):
    good = bulk_published(9_999)
    # A record without any title: the repository serves it, but it cannot be a resource here.
    malformed = Resource.objects.create(
        kind="dataset", title={}, state="published", published_at=timezone.now()
    )

    run = run_harvest(source=oai_source, by=None)

    assert run.state == "done", run.message
    assert (run.created, run.skipped, run.read) == (9_999, 1, 10_000)
    identifier = f"oai:{urlsplit(live_server.url).hostname}:resource/{malformed.pk}"
    assert run.problems == [
        {"identifier": identifier, "reason": "title: Give a text in at least one language."}
    ]
    assert Resource.objects.filter(source="Upstream hub").count() == 9_999
    assert len(good) == 9_999
