"""oai_dc read into resources: languages, subjects, coverage, dates, links, kinds, and what is refused."""

from __future__ import annotations

import datetime

import pytest
from lxml import etree

from tsc_hub.harvest.dublin_core import (
    DcRecord,
    DcValue,
    Lookups,
    Provenance,
    RecordProblem,
    language_code,
    read_date,
    read_record,
    resource_data,
)
from tsc_hub.knowledge.tests.factories import EASTERN_AFRICA, TAXONOMY

pytestmark = pytest.mark.django_db

PROVENANCE = Provenance(
    source="Elsewhere",
    harvested_from="https://elsewhere.test/oai",
    harvested_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC),
    default_kind="case_study",
)
RECORD = """<record xmlns="http://www.openarchives.org/OAI/2.0/">
  <header><identifier>oai:elsewhere.test:42</identifier><datestamp>2026-04-30</datestamp></header>
  <metadata>
    <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:title xml:lang="fr-FR">Mangroves du delta</dc:title>
      <dc:title>Delta mangroves</dc:title>
      <dc:title xml:lang="pt">Manguezais do delta</dc:title>
      <dc:creator>Awa   Diop</dc:creator>
      <dc:subject>GBF-TARGET-02</dc:subject>
      <dc:subject>Taxonomy</dc:subject>
      <dc:subject>mangroves</dc:subject>
      <dc:description xml:lang="en">Restoring   mangroves.</dc:description>
      <dc:date>2024-06</dc:date>
      <dc:type>http://purl.org/dc/dcmitype/Dataset</dc:type>
      <dc:identifier>https://elsewhere.test/records/42</dc:identifier>
      <dc:identifier>doi:10.1234/abc.42</dc:identifier>
      <dc:identifier>urn:isbn:978-3-16-148410-0</dc:identifier>
      <dc:language>eng</dc:language>
      <dc:coverage>SEN; gm</dc:coverage>
      <dc:coverage>0938db0f-e4bb-464f-abbb-add615be5371</dc:coverage>
      <dc:coverage>West Africa</dc:coverage>
      <dc:rights>CC BY 4.0</dc:rights>
      <!-- a comment -->
    </oai_dc:dc>
  </metadata>
</record>"""


def test_every_element_is_mapped():
    record = read_record(etree.fromstring(RECORD))
    data = resource_data(record, Lookups.load(), PROVENANCE)
    assert data.kind == "dataset"  # a DCMI type
    assert data.title == {"en": "Delta mangroves", "fr": "Mangroves du delta"}  # "pt" has no place
    assert data.summary == {"en": "Restoring mangroves."}
    assert data.authors == ["Awa Diop"]
    assert data.gbf_targets == ["GBF-TARGET-02"]
    assert data.cbd_subjects == [TAXONOMY]  # matched by its English label
    assert data.keywords == ["mangroves"]
    assert data.publication_date == datetime.date(2024, 6, 1)
    assert [link["url"] for link in data.links] == [
        "https://elsewhere.test/records/42",
        "https://doi.org/10.1234/abc.42",
    ]
    assert data.resource_languages == ["en"]
    assert data.countries == ["sn", "gm"]
    assert data.regions == [EASTERN_AFRICA]
    assert data.rights == "CC BY 4.0"
    assert (data.source, data.original_identifier, data.harvested_from) == (
        "Elsewhere",
        "oai:elsewhere.test:42",
        "https://elsewhere.test/oai",
    )
    assert data.original_language == "en"


def test_an_unknown_type_takes_the_sources_default_kind_and_untagged_titles_the_records_language():
    record = DcRecord(
        "x",
        "2026-01-01",
        deleted=False,
        values=(DcValue("title", "Título"), DcValue("type", "Poster"), DcValue("language", "es")),
    )
    data = resource_data(record, Lookups(), PROVENANCE)
    assert data.kind == "case_study"
    assert data.title == {"es": "Título"}
    assert data.original_language == "es"


def test_a_long_subject_becomes_a_shortened_keyword():
    record = DcRecord("x", "", deleted=False, values=(DcValue("title", "T"), DcValue("subject", "w" * 150)))
    (keyword,) = resource_data(record, Lookups(), PROVENANCE).keywords
    assert len(keyword) == 100
    assert keyword.endswith("…")


def test_a_deleted_record_has_only_its_header():
    element = etree.fromstring(
        '<record xmlns="http://www.openarchives.org/OAI/2.0/"><header status="deleted">'
        "<identifier>oai:x:1</identifier><datestamp>2026-01-01</datestamp></header></record>"
    )
    assert read_record(element) == DcRecord("oai:x:1", "2026-01-01", deleted=True)


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        ("<record xmlns='http://www.openarchives.org/OAI/2.0/'/>", "the record has no header"),
        (
            "<record xmlns='http://www.openarchives.org/OAI/2.0/'><header><identifier/></header></record>",
            "the record header has no identifier",
        ),
        (
            "<record xmlns='http://www.openarchives.org/OAI/2.0/'><header><identifier>a</identifier>"
            "</header></record>",
            "the record has no metadata",
        ),
    ],
)
def test_a_record_that_cannot_be_read_says_why(xml, reason):
    with pytest.raises(RecordProblem, match=reason):
        read_record(etree.fromstring(xml))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024", datetime.date(2024, 1, 1)),
        ("2024-05", datetime.date(2024, 5, 1)),
        ("2024-05-17", datetime.date(2024, 5, 17)),
        ("2024-05-17T10:00:00Z", datetime.date(2024, 5, 17)),
        ("2024-02-30", None),
        ("May 2024", None),
        ("", None),
    ],
)
def test_dates_in_w3cdtf_are_read(text, day):
    assert read_date(text) == day


@pytest.mark.parametrize(
    ("value", "code"),
    [("en", "en"), ("EN-us", "en"), ("eng", "en"), ("fre", "fr"), ("sw", "sw"), ("xx", None), ("", None)],
)
def test_languages_are_read_as_iso_639_1(value, code):
    assert language_code(value) == code
