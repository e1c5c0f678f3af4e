"""Writing the index: replace, reindex, remove, rebuild; the engines follow the tables in one transaction."""

from __future__ import annotations

import dataclasses

import pytest
from django.db import connection

from tsc_hub.search import services
from tsc_hub.search.documents import InvalidDocument, register_source
from tsc_hub.search.models import SearchDocument, SearchEntry, SearchTerm
from tsc_hub.search.tests.conftest import CORPUS, doc, keys, versions


@pytest.fixture
def source(db):
    """A 'resource' source serving the resources of the test corpus, editable by the test."""
    records = {d.key: [] for d in CORPUS if d.kind == "resource"}
    for d in CORPUS:
        if d.kind == "resource":
            records[d.key].append(d)
    register_source(
        "resource",
        lambda: [d for docs in records.values() for d in docs],
        lambda object_id: list(records.get(f"resource:{object_id}", [])),
    )
    return records


def engine_is_consistent():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # compares the FTS5 index with its content table; raises if not
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    else:
        assert not SearchEntry.objects.extra(where=["tsv IS NULL"]).exists()
    return True


def test_a_document_replaces_the_one_with_its_key_and_language(find):
    services.index_documents(
        [doc("resource:2", "es", "Manglares", "Restauración de manglares.", "2020-01-01")]
    )
    assert keys(find("exoticas")) == set()
    assert keys(find("manglares")) == {"resource:2"}
    assert SearchDocument.objects.filter(key="resource:2").count() == 1
    assert engine_is_consistent()


def test_indexing_an_unchanged_document_rewrites_nothing(corpus):
    before = SearchDocument.objects.get(key="profile:7")
    assert services.index_documents([d for d in CORPUS if d.key == "profile:7"]) == 1
    after = SearchDocument.objects.get(key="profile:7")
    assert (after.pk, after.title) == (before.pk, before.title)
    assert after.updated_at >= before.updated_at


def test_the_last_version_in_a_batch_wins(db, find):
    first = doc("offer:1", "en", "First title", "Body.")
    services.index_documents([first, dataclasses.replace(first, title="Second title")])
    assert [h.title_html for h in find("title").hits] == ["Second <mark>title</mark>"]


def test_reindex_replaces_every_language_of_a_record(find, source):
    source["resource:1"] = [
        doc("resource:1", "en", "Peatland carbon", "Peatlands store carbon.", "2022-02-02")
    ]
    assert services.reindex("resource", 1) == 1
    assert versions(find("peatland")) == {("resource:1", "en")}
    assert keys(find("湿地")) == set()
    assert keys(find("humides")) == set()
    assert engine_is_consistent()


def test_reindex_of_an_unpublished_record_removes_it(find, source):
    source["resource:2"] = []
    assert services.reindex("resource", 2) == 0
    assert keys(find("exoticas")) == set()


def test_reindex_needs_a_registered_kind(db):
    with pytest.raises(services.UnknownKind):
        services.reindex("nothing", 1)


def test_reindex_refuses_documents_of_another_record(source):
    source["resource:2"] = [doc("resource:3", "en", "Wrong", "Wrong record.")]
    with pytest.raises(InvalidDocument):
        services.reindex("resource", 2)


def test_remove_deletes_every_language(find):
    assert services.remove("resource", 1) == 3
    assert keys(find("kunming")) == {"profile:7"}
    assert not SearchEntry.objects.filter(document__key="resource:1").exists()
    assert engine_is_consistent()


def test_rebuild_makes_the_index_equal_to_the_sources_and_is_idempotent(find, source):
    seen = []
    written = services.rebuild(progress=lambda done, total: seen.append(done))
    assert written == sum(len(docs) for docs in source.values()) == 8
    assert seen
    assert seen[-1] == written
    # The corpus had other kinds, which no source serves any more: they are gone.
    assert set(SearchDocument.objects.values_list("kind", flat=True)) == {"resource"}
    before = sorted(SearchDocument.objects.values_list("id", "key", "language", "analysed_title"))
    hits_before = [versions(find(text)) for text in ("kunming", "restoration", "湿地", "المحمية")]
    services.rebuild()
    # Nothing changed, so nothing was rewritten: the same rows, ids included.
    assert sorted(SearchDocument.objects.values_list("id", "key", "language", "analysed_title")) == before
    assert [versions(find(text)) for text in ("kunming", "restoration", "湿地", "المحمية")] == hits_before
    assert engine_is_consistent()


def test_rebuild_forgets_unpublished_language_versions(find, source):
    source["resource:1"] = [d for d in source["resource:1"] if d.language != "fr"]
    services.rebuild()
    assert set(SearchDocument.objects.filter(key="resource:1").values_list("language", flat=True)) == {
        "en",
        "zh",
    }


def test_title_words_are_counted_for_typo_correction(corpus):
    assert SearchTerm.objects.get(token="kunming").documents == 3  # en and fr versions, and the profile
    services.remove("profile", 7)
    assert SearchTerm.objects.get(token="kunming").documents == 2
    services.remove("resource", 1)
    services.rebuild()  # no sources: everything goes, and words without documents are forgotten
    assert not SearchTerm.objects.exists()


def test_a_malformed_document_is_refused(db):
    with pytest.raises(InvalidDocument):
        services.index_documents([doc("resource:1", "english", "Title", "Body")])
    with pytest.raises(InvalidDocument):
        services.index_documents([dataclasses.replace(doc("resource:1", "en", "T", "B"), key="offer:1")])
    with pytest.raises(InvalidDocument):
        services.index_documents([doc("resource:1", "en", "T", "B", **{"Bad Name": ["x"]})])
    assert not SearchDocument.objects.exists()


def test_writes_through_the_orm_keep_the_engine_in_step(find):
    document = SearchDocument.objects.get(key="profile:7")
    document.analysed_title = "herbarium"
    document.save()
    assert keys(find("herbarium")) == {"profile:7"}
    assert keys(find("botany")) == set()
    SearchDocument.objects.filter(key="offer:6").delete()
    assert keys(find("barcoding")) == set()
    assert engine_is_consistent()
