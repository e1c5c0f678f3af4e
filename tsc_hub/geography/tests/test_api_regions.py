"""GET /api/v1/parties/regions and /api/v1/parties/regions/{identifier}."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

MIDDLE_AFRICA = "A23DD6C0-44C5-418D-83B5-461D79D2721A"


def test_the_region_list_shows_every_term_with_its_member_count(client: Any) -> None:
    body = client.get("/api/v1/parties/regions?limit=100").json()
    assert body["count"] == 45
    by_identifier = {item["identifier"]: item for item in body["items"]}
    assert by_identifier[MIDDLE_AFRICA]["member_count"] == 9
    assert by_identifier[MIDDLE_AFRICA]["kind"] == "m49_subregion"
    assert by_identifier[MIDDLE_AFRICA]["label"] == "Africa - Middle Africa"


def test_the_region_list_filters_by_kind(client: Any) -> None:
    body = client.get("/api/v1/parties/regions?kind=cbd_group").json()
    assert body["count"] == 5


def test_one_region_with_its_member_codes(client: Any) -> None:
    response = client.get(f"/api/v1/parties/regions/{MIDDLE_AFRICA.lower()}", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    body = response.json()
    assert body["identifier"] == MIDDLE_AFRICA
    assert body["members"] == sorted(["ao", "cm", "cf", "td", "cg", "cd", "gq", "ga", "st"])
    assert body["member_count"] == 9
    assert body["label"] == "Afrique - Afrique centrale"
    assert body["rule"]


def test_an_unknown_region_is_a_404_problem(client: Any) -> None:
    response = client.get("/api/v1/parties/regions/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")


def test_the_region_list_takes_a_fixed_number_of_queries(
    client: Any, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/parties/regions?limit=100").status_code == 200
