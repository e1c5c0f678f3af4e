"""Cross-language results ("search in all languages"): vectors kept in step with the index, related records
after the word matches, filters and language preferences applied to them too.

Most tests use a small concept embedder, so each expectation follows from the texts; the last one runs
the real multilingual sentence encoder."""

from __future__ import annotations

import numpy as np
import pytest

from tsc_hub.matching import vectors
from tsc_hub.matching.engine.embeddings import normalise
from tsc_hub.matching.vectors import EmbedderInfo, text_hash
from tsc_hub.search import semantic
from tsc_hub.search.backends import get_backend
from tsc_hub.search.interface import SearchQuery
from tsc_hub.search.models import SearchVector
from tsc_hub.search.services import index_documents, remove
from tsc_hub.search.tests.conftest import CORPUS, doc

# Words of three topics in the six languages; a text's vector counts the topics it names.
TOPICS = {
    "wetland": ("wetland", "zones humides", "湿地", "humedal", "الأراضي الرطبة", "водно-болот"),
    "marine": ("marine", "marin", "海洋", "mar", "بحري", "морск"),
    "dna": ("dna", "adn", "条形码", "днк", "الحمض النووي"),
}


class ConceptEmbedder:
    name = "concepts"

    def embed(self, texts):
        rows = [
            [float(any(word in text.lower() for word in words)) for words in TOPICS.values()]
            for text in texts
        ]
        return normalise(np.asarray(rows, dtype=np.float32).reshape(len(texts), len(TOPICS)))


@pytest.fixture
def concepts(monkeypatch):
    monkeypatch.setattr(semantic, "embedder_info", lambda: EmbedderInfo("concepts", "1", degraded=False))
    monkeypatch.setattr(semantic, "embedder", ConceptEmbedder)
    semantic._loaded.clear()
    yield
    semantic._loaded.clear()


def search(text, **fields):
    return get_backend().search(SearchQuery(text=text, **fields))


def test_refresh_embeds_each_record_once_from_its_first_language(corpus, concepts):
    assert semantic.refresh_vectors() == len({d.key for d in CORPUS})
    assert semantic.refresh_vectors() == 0
    english = next(d for d in CORPUS if d.key == "resource:1" and d.language == "en")
    stored = SearchVector.objects.get(key="resource:1")
    assert stored.text_hash == text_hash(f"{english.title}\n{english.body}")
    assert (stored.model, stored.model_version) == ("concepts", "1")


def test_refresh_follows_changed_and_removed_records(corpus, concepts):
    semantic.refresh_vectors()
    index_documents([doc("resource:2", "es", "Humedales costeros", "Guía.", "2019-03-10")])
    remove("resource", 5)
    assert semantic.refresh_vectors() == 1
    assert not SearchVector.objects.filter(key="resource:5").exists()
    assert SearchVector.objects.count() == len({d.key for d in CORPUS}) - 1


def test_refresh_does_nothing_without_the_sentence_encoder(corpus):
    assert vectors.embedder_info().degraded  # test settings
    assert semantic.refresh_vectors() == 0
    assert not SearchVector.objects.exists()


def test_related_records_in_other_languages_come_after_the_word_matches(corpus, concepts):
    semantic.refresh_vectors()
    results = search("wetland", languages=["en"], all_languages=True)
    assert [(hit.key, hit.related) for hit in results.hits] == [("resource:1", False)]
    # Now a Spanish record about wetlands, which the English word does not find:
    index_documents([doc("resource:2", "es", "Humedales costeros", "Guía.", "2019-03-10")])
    semantic.refresh_vectors()
    results = search("湿地", languages=["en"], all_languages=True)
    assert [hit.key for hit in results.hits if not hit.related] == ["resource:1"]
    assert [(hit.key, hit.language) for hit in results.hits if hit.related] == [("resource:2", "es")]
    assert results.total == 2
    assert results.facets["language"] == [("es", 1), ("zh", 1)]  # the versions found are shown


def test_related_records_pass_the_filters(corpus, concepts):
    semantic.refresh_vectors()
    marine = search("بحري", all_languages=True, languages=["en"])
    # No stemming: بحري is not the word البحرية of the Arabic records, but it is their topic.
    assert {hit.key for hit in marine.hits if hit.related} == {
        "resource:3",
        "request:4",
        "resource:10",
        "resource:11",
        "project:8",
    }
    in_fiji = search("بحري", all_languages=True, languages=["en"], filters={"country": ["fj"]})
    assert [hit.key for hit in in_fiji.hits] == ["resource:10"]
    assert in_fiji.hits[0].related


def test_no_related_records_without_the_switch_or_without_encoder(corpus, concepts, monkeypatch):
    semantic.refresh_vectors()
    assert search("湿地", languages=["en"]).total == 0
    monkeypatch.setattr(semantic, "embedder_info", lambda: EmbedderInfo("char-ngram", "4096", degraded=True))
    assert (
        search("湿地", languages=["en"], all_languages=True).total == 1
    )  # the Chinese version, by its words


def test_too_many_records_to_hold_turn_related_results_off(corpus, concepts, monkeypatch):
    semantic.refresh_vectors()
    monkeypatch.setattr(semantic, "MAX_RECORDS", 5)
    assert semantic.nearest("wetland") == []
    assert semantic.refresh_vectors() == 0  # nor are vectors kept that nothing would read
    assert not SearchVector.objects.exists()


def test_the_multilingual_encoder_finds_an_english_record_for_chinese_arabic_and_spanish_queries(
    db, settings
):
    settings.MATCHING_EMBEDDER = "use"
    vectors.embedder_info.cache_clear()
    vectors.embedder.cache_clear()
    semantic._loaded.clear()
    try:
        index_documents([
            doc("resource:1", "en", "Wetland restoration in the Kunming region",
                "Case study of wetland restoration and control of invasive alien species."),
            doc("resource:2", "en", "Training on DNA barcoding",
                "We offer training on DNA barcoding for taxonomy laboratories."),
            doc("resource:3", "en", "Access and benefit-sharing legislation",
                "Support to draft national law under the Nagoya Protocol."),
        ])  # fmt: skip
        assert semantic.refresh_vectors() == 3
        expected = {
            "湿地恢复": "resource:1",
            "restauración de humedales": "resource:1",
            "الأراضي الرطبة": "resource:1",
            "DNA条形码培训": "resource:2",
            "ترميز الحمض النووي": "resource:2",
        }
        for text, key in expected.items():
            results = search(text, languages=["en"], all_languages=True)
            assert [(hit.key, hit.related) for hit in results.hits] == [(key, True)], text
    finally:
        vectors.embedder_info.cache_clear()
        vectors.embedder.cache_clear()
        semantic._loaded.clear()
