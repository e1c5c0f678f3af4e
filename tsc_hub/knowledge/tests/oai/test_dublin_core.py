"""The oai_dc mapping of a fully described resource, and the queries a page of records costs."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tsc_hub.geography.models import Party, Region
from tsc_hub.knowledge.states import ResourceKind
from tsc_hub.knowledge.tests.oai.conftest import NS, XML_LANG
from tsc_hub.knowledge.tests.oai.factories import ResourceFactory, target, term
from tsc_hub.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def described(settings):
    settings.SITE_URL = "https://tsc.example.org/"
    publisher = OrganisationFactory(
        names={"en": "Wildlife Trust", "fr": "Fonds faune"}, original_language="fr"
    )
    resource = ResourceFactory(
        kind=ResourceKind.CASE_STUDY,
        title={"fr": "Restaurer les mangroves", "en": "Restoring mangroves", "zh": ""},
        summary={"en": "How a village replanted its coast.", "es": "Cómo una aldea replantó su costa."},
        authors=["A. Mwangi", {"name": "B. Otieno"}, ""],
        publication_date=date(2025, 6, 5),
        links=[
            {"url": "https://example.org/report.pdf", "name": "Report", "language": "en"},
            {"name": "no url"},
        ],
        resource_languages=["en", "sw"],
        keywords=["mangroves", "blue carbon"],
        rights="CC BY 4.0",
        original_language="fr",
        gbf_targets=[target(2)],
        cbd_subjects=[term("CBD-SUBJECTS", "CBD-SUBJECT-BIOMES")],
    )
    resource.organisations.set([publisher])
    resource.countries.set(Party.objects.filter(code__in=["ke", "tz"]))
    resource.regions.set(Region.objects.order_by("identifier")[:1])
    return resource


def dc_of(oai, resource):
    root = oai(
        verb="GetRecord", identifier=f"oai:tsc.example.org:resource/{resource.pk}", metadataPrefix="oai_dc"
    )
    return root.find(".//oai_dc:dc", NS)


def statements(dc, name):
    return [(element.text, element.get(XML_LANG)) for element in dc.iterfind(f"dc:{name}", NS)]


def test_every_field_maps_to_its_dublin_core_element(oai, described):
    dc = dc_of(oai, described)
    assert statements(dc, "title") == [("Restoring mangroves", "en"), ("Restaurer les mangroves", "fr")]
    assert statements(dc, "description") == [
        ("How a village replanted its coast.", "en"),
        ("Cómo una aldea replantó su costa.", "es"),
    ]
    assert statements(dc, "creator") == [("A. Mwangi", None), ("B. Otieno", None)]
    assert statements(dc, "publisher") == [("Fonds faune", "fr")]
    assert statements(dc, "date") == [("2025-06-05", None)]
    assert statements(dc, "type") == [("case_study", None)]
    assert statements(dc, "identifier") == [
        (f"https://tsc.example.org/fr/resources/{described.pk}/", None),
        ("https://example.org/report.pdf", None),
    ]
    assert statements(dc, "language") == [("en", None), ("sw", None)]
    region = described.regions.get()
    assert statements(dc, "coverage") == [("KE", None), ("TZ", None), (region.identifier, None)]
    assert statements(dc, "rights") == [("CC BY 4.0", None)]


def test_subjects_carry_identifiers_labels_in_each_language_and_keywords(oai, described):
    subjects = statements(dc_of(oai, described), "subject")
    gbf, biomes = target(2), term("CBD-SUBJECTS", "CBD-SUBJECT-BIOMES")
    assert subjects[0] == ("GBF-TARGET-02", None)
    assert (gbf.labels["en"], "en") in subjects
    assert (gbf.labels["zh"], "zh") in subjects
    assert ("CBD-SUBJECT-BIOMES", None) in subjects
    assert (biomes.labels["fr"], "fr") in subjects
    assert subjects[-2:] == [("mangroves", None), ("blue carbon", None)]


def test_the_dc_namespaces_are_declared_on_the_metadata_itself(client, described):
    from lxml import etree

    response = client.get(
        "/oai",
        {
            "verb": "GetRecord",
            "identifier": f"oai:tsc.example.org:resource/{described.pk}",
            "metadataPrefix": "oai_dc",
        },
    )
    dc = etree.fromstring(response.content).find(".//oai_dc:dc", NS)
    assert dc.nsmap["dc"] == NS["dc"]
    assert dc.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation") == (
        "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    )


def test_a_chinese_original_links_to_the_zh_hans_page(oai, settings):
    settings.SITE_URL = "https://tsc.example.org"
    resource = ResourceFactory(title={"zh": "红树林"}, original_language="zh")
    assert statements(dc_of(oai, resource), "identifier")[0][0].endswith(f"/zh-hans/resources/{resource.pk}/")


def count_queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/oai", params).status_code == 200
    return len(captured.captured_queries)


def test_a_page_of_records_costs_the_same_queries_whatever_its_size(client, settings):
    settings.OAI_PAGE_SIZE = 50
    publisher = OrganisationFactory()

    def add(count):
        for _ in range(count):
            resource = ResourceFactory(
                gbf_targets=[target(20)], cbd_subjects=[term("CBD-SUBJECTS", "CBD-SUBJECT-BIOMES")]
            )
            resource.organisations.set([publisher])
            resource.countries.set(["ke"])

    add(3)
    few = count_queries(client, verb="ListRecords", metadataPrefix="oai_dc")
    add(40)
    many = count_queries(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert few == many == 6  # the page, then organisations, subjects, targets, countries, regions
    add(20)  # more than a page: one COUNT for completeListSize, once per harvest
    assert count_queries(client, verb="ListRecords", metadataPrefix="oai_dc") == 7
    assert count_queries(client, verb="ListIdentifiers", metadataPrefix="oai_dc") == 3
