"""schema.org JSON-LD on record pages, the DCAT catalogue of datasets, Atom feeds per facet, the sitemap."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, RDF

from tsc_hub.knowledge import linked_data
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(db: Any) -> Resource:
    return ResourceFactory(
        kind="dataset",
        state="published",
        title={"en": "Mangrove cover of Kenya </script><b>", "fr": "Couverture de mangroves du Kenya"},
        links=[{"url": "https://example.org/mangroves.csv", "name": "CSV", "language": "en"}],
        gbf_targets=["GBF-TARGET-02"],
        countries=["ke"],
    )


def _jsonld(html: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_record_pages_carry_schema_org_json_ld(client: Any, dataset: Resource) -> None:
    html = client.get(f"/en/resources/{dataset.pk}/").content.decode()
    data = _jsonld(html)
    assert data["@type"] == "Dataset"
    assert {"@language": "fr", "@value": "Couverture de mangroves du Kenya"} in data["name"]
    assert data["about"][0]["termCode"] == "GBF-TARGET-02"
    assert data["spatialCoverage"][0]["identifier"] == "ke"
    assert "</script><b>" not in html.split('application/ld+json">', 1)[1].split("</script>", 1)[0]


def test_the_dcat_catalogue_lists_published_datasets(client: Any, dataset: Resource) -> None:
    ResourceFactory(kind="dataset", state="draft")
    ResourceFactory(kind="publication", state="published")
    response = client.get("/en/resources/dcat.ttl")
    graph = Graph().parse(data=response.content.decode(), format="turtle")
    datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
    assert datasets == {URIRef(linked_data.page_url(dataset))}
    assert len(set(graph.subjects(RDF.type, DCAT.Distribution))) == 1
    jsonld = Graph().parse(data=client.get("/en/resources/dcat.jsonld").content.decode(), format="json-ld")
    assert isomorphic(graph, jsonld)
    assert client.get("/en/resources/dcat.exe").status_code == 404


def test_atom_feeds_per_facet(client: Any, dataset: Resource) -> None:
    funding = ResourceFactory(
        kind="funding", state="published", title={"en": "Grants for Target 20"}, gbf_targets=["GBF-TARGET-20"]
    )
    feed = client.get("/en/resources/feed/?kind=funding&gbf=GBF-TARGET-20")
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Grants for Target 20" in body
    assert f"/resources/{funding.pk}/" in body
    assert "Mangrove cover" not in body


def test_the_sitemap_lists_published_records_in_every_language(client: Any, dataset: Resource) -> None:
    draft = ResourceFactory(state="draft")
    body = client.get("/sitemap.xml").content.decode()
    assert f"/en/resources/{dataset.pk}/" in body
    assert f"/ar/resources/{dataset.pk}/" in body
    assert f"/resources/{draft.pk}/" not in body
    assert 'hreflang="zh-hans"' in body
