"""The Party list and detail pages."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def test_the_list_shows_every_party(client: Any) -> None:
    response = client.get("/en/parties/")
    assert response.status_code == 200
    assert len(response.context["parties"]) == 196
    assert "State of Palestine" in response.content.decode()


def test_the_list_filters_with_a_get_form(client: Any) -> None:
    response = client.get("/en/parties/", {"cbd_group": "grulac", "sids": "true"})
    codes = {party.code for party in response.context["parties"]}
    assert len(codes) == 16
    assert "jm" in codes
    assert "br" not in codes


def test_the_list_filters_by_subregion_and_ldc(client: Any) -> None:
    response = client.get("/en/parties/", {"subregion": "061", "ldc": "false"})
    assert {party.code for party in response.context["parties"]} == {"ws", "to", "ck", "nu"}


def test_the_list_filters_by_region_term(client: Any) -> None:
    response = client.get("/en/parties/", {"region": "E9BAA797-CDAE-497E-A860-87AE784F4C53"})
    assert {party.code for party in response.context["parties"]} == {"au", "nz"}


def test_an_invalid_filter_value_shows_everything(client: Any) -> None:
    response = client.get("/en/parties/", {"cbd_group": "atlantis"})
    assert response.status_code == 200
    assert len(response.context["parties"]) == 196


def test_the_arabic_page_is_right_to_left_and_shows_arabic_names(client: Any) -> None:
    response = client.get("/ar/parties/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "كينيا" in html


def test_names_are_shown_in_the_reader_language(client: Any) -> None:
    assert "Allemagne" in client.get("/fr/parties/").content.decode()
    assert "德国" in client.get("/zh-hans/parties/").content.decode()


def test_the_list_is_free_of_n_plus_one_queries(client: Any, django_assert_max_num_queries: Any) -> None:
    # The filter form's region choices and the Parties (2 today), room for middleware: not one per row.
    with django_assert_max_num_queries(4):
        assert client.get("/en/parties/").status_code == 200


def test_the_detail_shows_the_party_its_groups_and_regions(client: Any) -> None:
    response = client.get("/en/parties/fj/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fiji" in html
    assert "Melanesia" in html
    assert "Asia and the Pacific" in html
    assert "Small Island Developing States" in html
    assert "?region=743D2F85-8ABA-4F35-BC83-30D295343EA8" in html


def test_the_eu_detail_page_says_it_has_no_m49_region(client: Any) -> None:
    response = client.get("/en/parties/eu/")
    assert response.status_code == 200
    assert "regional economic integration organisation" in response.content.decode()


def test_the_detail_takes_a_fixed_number_of_queries(client: Any, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(4):
        assert client.get("/en/parties/ke/").status_code == 200


def test_an_unknown_party_page_is_404(client: Any) -> None:
    assert client.get("/en/parties/us/").status_code == 404
