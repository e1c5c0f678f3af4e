"""The engine structures of migration 0002 exist, and PostgreSQL indexes exactly our tokens."""

from __future__ import annotations

import pytest
from django.db import connection

from tsc_hub.search.analysis import tokens
from tsc_hub.search.models import SearchEntry
from tsc_hub.search.services import index_documents
from tsc_hub.search.tests.conftest import CORPUS, doc


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_fts5_table_and_its_triggers_exist(db):
    # Django rebuilds a SQLite table to alter it and drops its triggers: a later migration must restore them.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_searchdocument'"
        )
        triggers = {row[0] for row in cursor.fetchall()}
    assert triggers == {
        "search_document_fts_insert",
        "search_document_fts_delete",
        "search_document_fts_update",
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgres_indexes_our_tokens_unchanged(corpus):
    """Every token of ours is a lexeme as it is (no text search parser in between)."""
    # Scripts whose letters the server's locale may not know, and Cherokee, which case folding upper-cases.
    exotic = doc("resource:99", "en", "ᏣᎳᎩ ꮳꮃꭹ ქართული 𐐷𐐲 ꦗꦮ", "X²³ ⅻ ﷺ")
    index_documents([exotic])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.key, d.language, array(SELECT w FROM unnest(e.tsv) u(w, p, _) WHERE p IS NOT NULL) "
            "FROM search_searchentry e JOIN search_searchdocument d ON d.id = e.document_id"
        )
        indexed = {(key, language): set(words) for key, language, words in cursor.fetchall()}
    for d in [*CORPUS, exotic]:
        assert indexed[(d.key, d.language)] == set(tokens(d.title)) | set(tokens(d.body))
    assert not SearchEntry.objects.extra(where=["tsv IS NULL"]).exists()
