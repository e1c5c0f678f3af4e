"""The search page over the registered sources: published records only, in the reader's language, with
facets; Chinese, Arabic and French queries; drafts and confidential requests never found."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.tests.factories import ResourceFactory
from tsc_hub.search import services
from tsc_hub.search.sources import register_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(db: Any) -> dict[str, Any]:
    register_all()
    records = {
        "zh": ResourceFactory(state="published", title={"zh": "湿地保护与恢复技术"}, original_language="zh"),
        "ar": ResourceFactory(
            state="published", title={"ar": "إدارة المحمية الطبيعية"}, original_language="ar", kind="training"
        ),
        "fr": ResourceFactory(
            state="published", title={"fr": "Espèces exotiques envahissantes"}, original_language="fr"
        ),
        "draft": ResourceFactory(
            state="draft", title={"fr": "Espèces exotiques brouillon"}, original_language="fr"
        ),
    }
    services.rebuild()
    return records


def _page(client: Any, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_chinese_arabic_and_french_queries_find_their_records(client: Any, indexed: dict[str, Any]) -> None:
    assert f"/resources/{indexed['zh'].pk}/" in _page(client, "/zh-hans/search/?q=湿地")
    assert f"/resources/{indexed['ar'].pk}/" in _page(client, "/ar/search/?q=المحميه")
    french = _page(client, "/fr/search/?q=especes+exotiques")
    assert f"/resources/{indexed['fr'].pk}/" in french
    assert f"/resources/{indexed['draft'].pk}/" not in french
    assert "<mark>" in french


def test_facets_filter_and_count(client: Any, indexed: dict[str, Any]) -> None:
    found = _page(client, "/en/search/?all=1&q=المحميه&subkind=training")
    assert f"/resources/{indexed['ar'].pk}/" in found
    assert 'data-facet="subkind"' in found
    filtered = _page(client, "/en/search/?all=1&q=المحميه&subkind=case_study")
    assert f"/resources/{indexed['ar'].pk}/" not in filtered


def test_hostile_queries_are_answered(client: Any, indexed: dict[str, Any]) -> None:
    for text in ['"', "NEAR(a b)", "*", "a" * 600, "x:y -z ^w", "\x00"]:
        assert client.get("/en/search/", {"q": text}).status_code == 200


def test_recent_changes_are_reindexed_and_withdrawn_records_leave(indexed: dict[str, Any]) -> None:
    import datetime

    from tsc_hub.search.models import SearchDocument
    from tsc_hub.search.sources import refresh_recent

    resource = indexed["fr"]
    key = f"resource:{resource.pk}"
    changed = Resource.objects.filter(pk=resource.pk)
    changed.update(title={"fr": "Plantes envahissantes"}, updated_at=timezone.now())
    refresh_recent(datetime.timedelta(minutes=15))
    assert SearchDocument.objects.get(key=key).title == "Plantes envahissantes"
    changed.update(state="withdrawn", updated_at=timezone.now())
    refresh_recent(datetime.timedelta(minutes=15))
    assert not SearchDocument.objects.filter(key=key).exists()


def test_facet_values_are_named_in_the_page_language(client: Any, indexed: dict[str, Any]) -> None:
    page = _page(client, "/fr/search/?all=1&q=especes+exotiques")
    assert ">Kenya</a>" in page  # country ke, named (the raw code was shown before)
    assert ">Français</a>" in page  # language fr
    assert ">Afrique</a>" in page  # CBD regional group africa
    assert "· Français</p>" in page  # each hit names its language


def test_filters_alone_browse_the_records(client: Any, indexed: dict[str, Any]) -> None:
    page = _page(client, "/en/search/?all=1&subkind=training")
    assert f"/resources/{indexed['ar'].pk}/" in page
    assert f"/resources/{indexed['zh'].pk}/" not in page
    assert _page(client, "/en/search/?all=1").count('<li class="hit') == 0  # nothing asked, nothing listed


def test_related_records_in_other_languages_are_shown_apart(
    client: Any, indexed: dict[str, Any], monkeypatch
) -> None:
    from tsc_hub.search import semantic
    from tsc_hub.search.tests.test_semantic import ConceptEmbedder, EmbedderInfo

    monkeypatch.setattr(semantic, "embedder_info", lambda: EmbedderInfo("concepts", "1", degraded=False))
    monkeypatch.setattr(semantic, "embedder", ConceptEmbedder)
    semantic._loaded.clear()
    semantic.refresh_vectors()
    page = _page(client, "/en/search/?all=1&q=wetland")
    assert "Related in meaning, in other languages" in page
    assert f"/resources/{indexed['zh'].pk}/" in page  # 湿地 is the wetland topic
    assert _page(client, "/en/search/?q=wetland").count('<li class="hit') == 0
    semantic._loaded.clear()
