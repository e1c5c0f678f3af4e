"""GET /api/v1/search: the page's query as parameters, its answer as JSON; public; bad parameters answered
with a problem, never a server error."""

from __future__ import annotations

import pytest


def test_anyone_searches_with_words_facets_and_languages(client, corpus):
    body = client.get("/api/v1/search", {"q": "restoration", "country": ["fj", "ke"], "lang": "en"}).json()
    assert (body["total"], body["total_exact"]) == (2, True)
    hits = {hit["key"]: hit for hit in body["hits"]}
    assert set(hits) == {"resource:10", "resource:11"}
    assert hits["resource:10"]["title_html"] == "Marine protected areas toolkit"
    assert "<mark>restoration</mark>" in hits["resource:10"]["snippet_html"]
    assert hits["resource:10"]["related"] is False
    assert {"value": "cn", "count": 1} in body["facets"]["country"]  # the chosen facet keeps its others


def test_filters_alone_list_records_newest_first(client, corpus):
    body = client.get("/api/v1/search", {"gbf_target": "3", "sort": "relevance", "per_page": 2}).json()
    assert (body["total"], body["per_page"]) == (5, 2)
    assert [hit["key"] for hit in body["hits"]] == ["resource:10", "request:4"]


def test_typos_are_corrected_and_reported(client, corpus):
    body = client.get("/api/v1/search", {"q": "Kunmig"}).json()
    assert body["corrections"] == {"kunmig": ["kunming"]}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": "0"}, "page"),
        ({"per_page": "1000"}, "per_page"),
        ({"sort": "price"}, "sort"),
        ({"all": "maybe"}, "all"),
    ],
)
def test_bad_parameters_are_refused_with_a_problem(client, corpus, params, field):
    response = client.get("/api/v1/search", {"q": "wetland", **params}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    assert field in response.content.decode()


def test_hostile_text_is_answered(client, corpus):
    for text in ['"', "NEAR(a b)", "*", "a " * 3000, "\x00", "'; DROP TABLE x; --"]:
        assert client.get("/api/v1/search", {"q": text}).status_code == 200
