"""Harvesting the live server over HTTP with Sickle, a real OAI-PMH client, as a harvester would."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from sickle import Sickle, oaiexceptions

from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.states import ResourceKind, ResourceState
from tsc_hub.knowledge.tests.oai.factories import ResourceFactory, bulk_published, stamp, target, withdraw

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SAME_MOMENT = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def harvester(live_server, settings):
    """A Sickle client of /oai; records are named after the live server's host."""
    settings.SITE_URL = live_server.url
    return Sickle(f"{live_server.url}/oai", timeout=30)


def oai_id(resource, live_server) -> str:
    return f"oai:{urlsplit(live_server.url).hostname}:resource/{resource.pk}"


@pytest.fixture
def catalogue():
    """250 published records, two withdrawn after publication, and drafts, reviews and a withdrawn draft
    that must never appear. The 250 share one datestamp, as after a bulk import, so pages split inside it."""
    published = bulk_published(250)
    stamp(published, SAME_MOMENT)
    gone = [withdraw(ResourceFactory()), withdraw(ResourceFactory())]
    hidden = [
        ResourceFactory(state=ResourceState.DRAFT, published_at=None),
        ResourceFactory(state=ResourceState.IN_REVIEW, published_at=None),
        ResourceFactory(state=ResourceState.WITHDRAWN, published_at=None),
    ]
    return {"published": published, "gone": gone, "hidden": hidden}


def test_a_full_harvest_over_pages_is_exactly_the_published_set(harvester, catalogue, live_server):
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    identifiers = [record.header.identifier for record in records]
    assert len(identifiers) == len(set(identifiers)) == 252  # three pages of 100, no record twice
    live = {r.header.identifier for r in records if not r.deleted}
    deleted = {r.header.identifier for r in records if r.deleted}
    assert live == {oai_id(r, live_server) for r in catalogue["published"]}
    assert deleted == {oai_id(r, live_server) for r in catalogue["gone"]}
    assert not {oai_id(r, live_server) for r in catalogue["hidden"]} & set(identifiers)
    first = next(r for r in records if not r.deleted)
    assert first.metadata["title"][0].startswith("Bulk resource ")
    assert first.metadata["type"] == ["publication"]


def test_a_harvest_by_post_without_deleted_records(harvester, catalogue, live_server):
    poster = Sickle(harvester.endpoint, http_method="POST", timeout=30)
    headers = list(poster.ListIdentifiers(metadataPrefix="oai_dc", ignore_deleted=True))
    assert {h.identifier for h in headers} == {oai_id(r, live_server) for r in catalogue["published"]}


def test_selective_harvests_by_set_and_date(harvester, live_server):
    tool = ResourceFactory(kind=ResourceKind.TECHNOLOGY, gbf_targets=[target(20)])
    course = ResourceFactory(kind=ResourceKind.TRAINING, gbf_targets=[target(20), target(3)])
    old = ResourceFactory(kind=ResourceKind.TRAINING)
    stamp(old, datetime(2024, 5, 1, tzinfo=UTC))

    def identifiers(**arguments):
        return [h.identifier for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", **arguments)]

    assert identifiers(set="kind:technology") == [oai_id(tool, live_server)]
    assert identifiers(set="kind:training") == [oai_id(old, live_server), oai_id(course, live_server)]
    assert identifiers(set="gbf:GBF-TARGET-20") == [oai_id(tool, live_server), oai_id(course, live_server)]
    assert identifiers(set="gbf:GBF-TARGET-03") == [oai_id(course, live_server)]
    assert identifiers(until="2024-12-31") == [oai_id(old, live_server)]
    assert identifiers(**{"from": "2025-01-01", "set": "kind:training"}) == [oai_id(course, live_server)]
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        identifiers(set="kind:event")


def test_the_other_verbs_and_errors_through_the_client(harvester, live_server):
    resource = ResourceFactory(kind=ResourceKind.DATASET)
    stamp(resource, datetime(2025, 7, 8, 9, 10, 11, tzinfo=UTC))
    identify = harvester.Identify()
    assert identify.earliestDatestamp == "2025-07-08T09:10:11Z"
    assert identify.deletedRecord == "persistent"
    assert [f.metadataPrefix for f in harvester.ListMetadataFormats()] == ["oai_dc"]
    specs = {s.setSpec: s.setName for s in harvester.ListSets()}
    assert specs["kind:dataset"] == "Dataset"
    assert "gbf:GBF-TARGET-23" in specs
    record = harvester.GetRecord(identifier=oai_id(resource, live_server), metadataPrefix="oai_dc")
    assert record.header.datestamp == "2025-07-08T09:10:11Z"
    assert record.metadata["identifier"][0] == f"{live_server.url}/en/resources/{resource.pk}/"
    hidden = oai_id(ResourceFactory(state=ResourceState.DRAFT, published_at=None), live_server)
    errors = [
        (
            oaiexceptions.IdDoesNotExist,
            lambda: harvester.GetRecord(identifier=hidden, metadataPrefix="oai_dc"),
        ),
        (oaiexceptions.CannotDisseminateFormat, lambda: list(harvester.ListRecords(metadataPrefix="mods"))),
        (
            oaiexceptions.BadArgument,
            lambda: list(harvester.ListRecords(metadataPrefix="oai_dc", until="soon")),
        ),
        (oaiexceptions.BadResumptionToken, lambda: list(harvester.ListRecords(resumptionToken="cursor=100"))),
    ]
    for error, call in errors:
        with pytest.raises(error):
            call()
    # Sickle only raises from its iterators; the raw response of an unknown verb still carries the code.
    response = harvester.harvest(verb="ListEverything")
    assert response.xml.find(".//{http://www.openarchives.org/OAI/2.0/}error").get("code") == "badVerb"
    assert Resource.objects.count() == 2
