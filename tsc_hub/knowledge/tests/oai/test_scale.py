"""10,000 records: every page is one bounded range query, however deep the harvest goes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tsc_hub.knowledge.tests.oai.conftest import NS, parse
from tsc_hub.knowledge.tests.oai.factories import bulk_published

pytestmark = pytest.mark.django_db


def test_ten_thousand_records_page_with_bounded_queries(client):
    bulk_published(10_000)
    params, harvested, pages = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}, 0, 0
    while True:
        with CaptureQueriesContext(connection) as captured:
            root = parse(client.get("/oai", params))
        pages += 1
        harvested += len(root.findall("oai:ListRecords/oai:record", NS))
        selects = [q["sql"] for q in captured.captured_queries if 'FROM "knowledge_resource"' in q["sql"]]
        # The page itself reads page size + 1 rows; the first request also counts the list once.
        page_reads = [sql for sql in selects if "COUNT(" not in sql]
        assert len(page_reads) == 1
        assert page_reads[0].rstrip().endswith("LIMIT 101")
        assert len(captured.captured_queries) <= (7 if pages == 1 else 6)
        token = root.find("oai:ListRecords/oai:resumptionToken", NS)
        assert token.get("completeListSize") == "10000"
        if not token.text:
            break
        params = {"verb": "ListRecords", "resumptionToken": token.text}
    assert (harvested, pages) == (10_000, 100)
