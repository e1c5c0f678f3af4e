"""GET /api/v1/parties and /api/v1/parties/{code}."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def all_items(client: Any, query: str) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/parties?limit=200&{query}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == len(body["items"])
    items: list[dict[str, Any]] = body["items"]
    return items


def test_the_list_is_paginated(client: Any) -> None:
    body = client.get("/api/v1/parties?limit=10&offset=5").json()
    assert body["count"] == 196
    assert len(body["items"]) == 10


def test_the_list_filters_by_cbd_group(client: Any) -> None:
    items = all_items(client, "cbd_group=africa")
    assert len(items) == 54
    assert {item["cbd_group"] for item in items} == {"africa"}


def test_an_unknown_cbd_group_is_invalid_input(client: Any) -> None:
    response = client.get("/api/v1/parties?cbd_group=atlantis")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")


def test_the_list_filters_by_subregion_ldc_and_sids(client: Any) -> None:
    assert {item["code"] for item in all_items(client, "subregion=053")} == {"au", "nz"}
    assert len(all_items(client, "ldc=true")) == 44
    assert len(all_items(client, "ldc=false")) == 196 - 44
    pacific_ldc = {item["code"] for item in all_items(client, "sids=true&ldc=true&cbd_group=asia_pacific")}
    assert pacific_ldc == {"ki", "sb", "tv", "tl"}


def test_the_list_filters_by_chm_region_term(client: Any) -> None:
    items = all_items(client, "region=A23DD6C0-44C5-418D-83B5-461D79D2721A")
    assert {item["code"] for item in items} == {"ao", "cm", "cf", "td", "cg", "cd", "gq", "ga", "st"}
    assert all_items(client, "region=not-a-region") == []


def test_names_come_in_six_languages_and_in_the_language_asked_for(client: Any) -> None:
    items = client.get("/api/v1/parties?subregion=021", HTTP_ACCEPT_LANGUAGE="fr").json()["items"]
    assert items[0]["code"] == "ca"
    assert items[0]["name"] == "Canada"
    assert set(items[0]["names"]) == {"ar", "en", "es", "fr", "ru", "zh"}
    germany = client.get("/api/v1/parties/de", HTTP_ACCEPT_LANGUAGE="es").json()
    assert germany["name"] == "Alemania"


def test_one_party_with_its_regions(client: Any) -> None:
    response = client.get("/api/v1/parties/ke")
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == "ke"
    assert body["name"] == "Kenya"
    assert body["m49_subregion"] == "014"
    assert body["cbd_group"] == "africa"
    identifiers = {region["identifier"] for region in body["regions"]}
    assert "0938DB0F-E4BB-464F-ABBB-ADD615BE5371" in identifiers  # Eastern Africa
    assert "D50FE62D-8A5E-4407-83F8-AFCAAF708EA4" in identifiers  # CBD Africa


def test_codes_are_matched_case_insensitively(client: Any) -> None:
    assert client.get("/api/v1/parties/KE").json()["code"] == "ke"


def test_an_unknown_party_is_a_404_problem(client: Any) -> None:
    response = client.get("/api/v1/parties/us")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == "not_found"


def test_the_list_takes_a_fixed_number_of_queries(client: Any, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(3):
        response = client.get("/api/v1/parties?limit=200")
    assert len(response.json()["items"]) == 196


def test_the_detail_takes_a_fixed_number_of_queries(client: Any, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/parties/fj").status_code == 200
