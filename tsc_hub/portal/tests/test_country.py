"""The country page and the widget for national portals."""

from __future__ import annotations

from typing import Any

import pytest

from tsc_hub.knowledge.tests.factories import ResourceFactory
from tsc_hub.offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def test_the_country_page_gathers_the_partys_records(client: Any, cast: Any) -> None:
    resource = ResourceFactory(state="published", title={"en": "Seed banks in Kenya"}, countries=["ke"])
    ResourceFactory(state="draft", title={"en": "Draft about Kenya"}, countries=["ke"])
    OfferFactory(
        state="published", title={"en": "Barcoding course for Kenya"}, areas_benefited_parties=["ke"]
    )
    body = client.get("/en/countries/ke/").content.decode()
    assert "Seed banks in Kenya" in body
    assert "Draft about Kenya" not in body
    assert "Barcoding course for Kenya" in body
    focal_point = cast["focal_point"]
    assert (focal_point.display_name or focal_point.email) in body
    assert f"/en/resources/{resource.pk}/" in body
    assert "/countries/ke/widget/" in body
    assert client.get("/en/countries/xx/").status_code == 404


def test_the_widget_can_be_framed_and_speaks_the_urls_language(client: Any) -> None:
    ResourceFactory(
        state="published", title={"en": "Seed banks", "fr": "Banques de semences"}, countries=["ke"]
    )
    response = client.get("/fr/countries/ke/widget/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    body = response.content.decode()
    assert 'lang="fr"' in body
    assert "Banques de semences" in body
    arabic = client.get("/ar/countries/ke/widget/").content.decode()
    assert 'dir="rtl"' in arabic
