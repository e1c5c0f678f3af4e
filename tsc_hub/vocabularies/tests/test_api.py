"""GET /api/v1/vocabularies..."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_the_list_gives_every_vocabulary_with_its_term_count(client: Any) -> None:
    response = client.get("/api/v1/vocabularies")
    assert response.status_code == 200
    counts = {item["identifier"]: item["term_count"] for item in response.json()}
    assert counts["GBF-TARGETS"] == 23
    assert counts["GBF-GOALS"] == 4
    assert len(counts) == 8


def test_a_vocabulary_is_described_in_the_language_asked_for(client: Any) -> None:
    body = client.get("/api/v1/vocabularies/GBF-TARGETS", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert body["identifier"] == "GBF-TARGETS"
    assert body["label"] == "Cibles du Cadre mondial de la biodiversité de Kunming-Montréal"
    assert set(body["labels"]) == {"ar", "en", "es", "fr", "ru", "zh"}
    assert body["term_count"] == 23


def test_terms_are_paginated_with_limit_and_offset(client: Any) -> None:
    body = client.get("/api/v1/vocabularies/GBF-TARGETS/terms", {"limit": 5, "offset": 20}).json()
    assert body["count"] == 23
    assert [item["identifier"] for item in body["items"]] == [
        "GBF-TARGET-21",
        "GBF-TARGET-22",
        "GBF-TARGET-23",
    ]


def test_a_term_carries_labels_definitions_and_label_in_the_request_language(client: Any) -> None:
    body = client.get("/api/v1/vocabularies/GBF-TARGETS/terms", HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    first = body["items"][0]
    assert first["identifier"] == "GBF-TARGET-01"
    assert first["notation"] == "T01"
    assert first["chm_term_id"] == 7398
    assert first["label"] == first["labels"]["zh"]
    assert first["short_labels"]["en"] == "Plan and manage all areas to reduce biodiversity loss"
    assert first["definitions"]["en"].startswith("Ensure that all areas are under participatory")


def test_terms_give_their_broader_and_narrower_identifiers(client: Any) -> None:
    items = client.get("/api/v1/vocabularies/CBD-SUBJECTS/terms", {"limit": 100}).json()["items"]
    by_id = {item["identifier"]: item for item in items}
    assert len(by_id["CBD-SUBJECT-BIOMES"]["narrower"]) == 8
    assert by_id["CBD-SUBJECT-MAR"]["broader"] == ["CBD-SUBJECT-BIOMES"]
    assert by_id["CBD-SUBJECT-MAR"]["narrower"] == []


def test_one_term_is_found_by_its_identifier(client: Any) -> None:
    response = client.get(
        "/api/v1/vocabularies/CBD-SUBJECTS/terms/CBD-SUBJECT-OUT+CEPA", HTTP_ACCEPT_LANGUAGE="ar"
    )
    assert response.status_code == 200
    assert response.json()["label"] == "التوعية والتثقيف"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/vocabularies/NO-SUCH-VOCABULARY",
        "/api/v1/vocabularies/NO-SUCH-VOCABULARY/terms",
        "/api/v1/vocabularies/GBF-TARGETS/terms/GBF-TARGET-99",
        "/api/v1/vocabularies/GBF-GOALS/terms/GBF-TARGET-01",
    ],
)
def test_unknown_vocabularies_and_terms_are_problem_json_404(client: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "not_found"
    assert "NO-SUCH-VOCABULARY" in body["detail"] or "GBF-" in body["detail"]


def test_the_not_found_detail_follows_accept_language(client: Any) -> None:
    english = client.get("/api/v1/vocabularies/NOPE", HTTP_ACCEPT_LANGUAGE="en").json()
    assert "NOPE" in english["detail"]


def test_the_terms_endpoint_queries_do_not_grow_with_the_page(
    client: Any, django_assert_num_queries: Any
) -> None:
    # Vocabulary, count, terms, then broader, narrower and related prefetched: six, whatever the page size.
    with django_assert_num_queries(6):
        assert client.get("/api/v1/vocabularies/CBD-SUBJECTS/terms", {"limit": 2}).status_code == 200
    with django_assert_num_queries(6):
        assert client.get("/api/v1/vocabularies/CBD-SUBJECTS/terms", {"limit": 60}).status_code == 200


def test_the_list_is_one_query(client: Any, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1):
        assert client.get("/api/v1/vocabularies").status_code == 200


def test_the_endpoints_are_in_the_openapi_document(client: Any) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/vocabularies",
        "/api/v1/vocabularies/{identifier}",
        "/api/v1/vocabularies/{identifier}/terms",
        "/api/v1/vocabularies/{identifier}/terms/{term}",
    } <= set(paths)
