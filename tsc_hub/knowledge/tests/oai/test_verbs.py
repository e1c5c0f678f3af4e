"""Each verb through the test client: what it answers, and which OAI error it gives when it cannot."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tsc_hub.knowledge.states import ResourceKind, ResourceState
from tsc_hub.knowledge.tests.oai.conftest import NS, error_code
from tsc_hub.knowledge.tests.oai.factories import ResourceFactory, stamp, target, withdraw

pytestmark = pytest.mark.django_db

SITE = "https://tsc.example.org"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE
    settings.OAI_REPOSITORY_ID = ""


def oai_id(resource) -> str:
    return f"oai:tsc.example.org:resource/{resource.pk}"


def texts(root, path: str) -> list[str]:
    return [element.text for element in root.iterfind(path, NS)]


def test_identify_describes_the_repository(oai):
    old = ResourceFactory()
    stamp(old, datetime(2025, 3, 1, 12, 0, 30, 999, tzinfo=UTC))
    draft = ResourceFactory(state=ResourceState.DRAFT, published_at=None)
    stamp(draft, datetime(2020, 1, 1, tzinfo=UTC))  # never published: not the earliest record
    root = oai(verb="Identify")
    identify = root.find("oai:Identify", NS)
    assert [child.tag.split("}")[1] for child in identify] == [
        "repositoryName",
        "baseURL",
        "protocolVersion",
        "adminEmail",
        "earliestDatestamp",
        "deletedRecord",
        "granularity",
        "description",
    ]
    assert identify.findtext("oai:baseURL", namespaces=NS) == f"{SITE}/oai"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:earliestDatestamp", namespaces=NS) == "2025-03-01T12:00:30Z"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert "@" in identify.findtext("oai:adminEmail", namespaces=NS)
    sample = identify.find(".//{http://www.openarchives.org/OAI/2.0/oai-identifier}sampleIdentifier")
    assert sample.text == "oai:tsc.example.org:resource/1"
    assert root.find("oai:request", NS).attrib == {"verb": "Identify"}


def test_a_configured_repository_identifier_names_the_records(oai, settings):
    settings.OAI_REPOSITORY_ID = "tsc.cbd.int"
    resource = ResourceFactory()
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert texts(root, ".//oai:header/oai:identifier") == [f"oai:tsc.cbd.int:resource/{resource.pk}"]


def test_list_metadata_formats_offers_oai_dc_for_the_repository_and_a_record(oai):
    resource = ResourceFactory()
    for root in (
        oai(verb="ListMetadataFormats"),
        oai(verb="ListMetadataFormats", identifier=oai_id(resource)),
    ):
        assert texts(root, ".//oai:metadataPrefix") == ["oai_dc"]
        assert texts(root, ".//oai:metadataNamespace") == ["http://www.openarchives.org/OAI/2.0/oai_dc/"]


def test_list_metadata_formats_of_an_unknown_or_draft_record_is_id_does_not_exist(oai):
    draft = ResourceFactory(state=ResourceState.DRAFT, published_at=None)
    for identifier in (oai_id(draft), "oai:tsc.example.org:resource/999999", "nonsense"):
        assert error_code(oai(verb="ListMetadataFormats", identifier=identifier)) == "idDoesNotExist"


def test_list_sets_names_the_kinds_and_the_gbf_targets_in_english(oai, settings):
    settings.LANGUAGE_CODE = "fr"  # set names do not follow the site's language
    root = oai(verb="ListSets")
    sets = dict(zip(texts(root, ".//oai:setSpec"), texts(root, ".//oai:setName"), strict=True))
    assert len(sets) == 2 + len(ResourceKind) + 23
    assert sets["kind"] == "Resources by kind"
    assert sets["kind:technology"] == "Technology or tool"
    assert sets["gbf"] == "Resources by GBF target"
    assert sets["gbf:GBF-TARGET-20"].startswith("GBF Target 20: ")
    assert root.find("oai:ListSets/oai:resumptionToken", NS) is None


def test_list_sets_refuses_any_resumption_token(oai):
    assert error_code(oai(verb="ListSets", resumptionToken="anything")) == "badResumptionToken"


def test_get_record_returns_the_header_and_dublin_core(oai):
    resource = ResourceFactory(kind=ResourceKind.TECHNOLOGY, gbf_targets=[target(20)])
    root = oai(verb="GetRecord", identifier=oai_id(resource), metadataPrefix="oai_dc")
    record = root.find("oai:GetRecord/oai:record", NS)
    assert record.find("oai:header", NS).get("status") is None
    assert record.findtext("oai:header/oai:identifier", namespaces=NS) == oai_id(resource)
    assert texts(record, "oai:header/oai:setSpec") == ["kind:technology", "gbf:GBF-TARGET-20"]
    resource.refresh_from_db()
    assert record.findtext("oai:header/oai:datestamp", namespaces=NS) == resource.updated_at.strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    dc = record.find("oai:metadata/oai_dc:dc", NS)
    assert texts(dc, "dc:title") == [resource.title["en"], resource.title["fr"]]
    assert texts(dc, "dc:type") == ["technology"]


def test_a_withdrawn_record_is_a_deleted_header_without_metadata(oai):
    resource = withdraw(ResourceFactory())
    root = oai(verb="GetRecord", identifier=oai_id(resource), metadataPrefix="oai_dc")
    record = root.find("oai:GetRecord/oai:record", NS)
    assert record.find("oai:header", NS).get("status") == "deleted"
    assert record.find("oai:metadata", NS) is None


@pytest.mark.parametrize(
    ("state", "published_at"),
    [
        (ResourceState.DRAFT, None),
        (ResourceState.IN_REVIEW, None),
        (ResourceState.WITHDRAWN, None),  # withdrawn before it was ever published: never existed for OAI
    ],
)
def test_unpublished_resources_do_not_exist(oai, state, published_at):
    resource = ResourceFactory(state=state, published_at=published_at)
    root = oai(verb="GetRecord", identifier=oai_id(resource), metadataPrefix="oai_dc")
    assert error_code(root) == "idDoesNotExist"
    assert error_code(oai(verb="ListIdentifiers", metadataPrefix="oai_dc")) == "noRecordsMatch"


def test_identifiers_of_another_repository_do_not_exist(oai):
    resource = ResourceFactory()
    for identifier in (
        f"oai:elsewhere.org:resource/{resource.pk}",
        f"{oai_id(resource)}x",
        oai_id(resource)[:-1],
        "oai:tsc.example.org:resource/99999999999999999999",  # beyond a 64-bit key
        "oai:tsc.example.org:resource/-1",
        "oai:tsc.example.org:resource/١",  # an Arabic-Indic digit is a digit to str.isdigit
    ):
        root = oai(verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
        assert error_code(root) == "idDoesNotExist"


def test_an_unknown_metadata_format_cannot_be_disseminated(oai):
    resource = ResourceFactory()
    for params in (
        {"verb": "GetRecord", "identifier": oai_id(resource), "metadataPrefix": "marc21"},
        {"verb": "ListRecords", "metadataPrefix": "oai_datacite"},
        {"verb": "ListIdentifiers", "metadataPrefix": ""},
    ):
        assert error_code(oai(**params)) == "cannotDisseminateFormat"


def test_list_identifiers_gives_headers_of_published_and_deleted_records_oldest_first(oai):
    first, second, gone = ResourceFactory(), ResourceFactory(), withdraw(ResourceFactory())
    ResourceFactory(state=ResourceState.DRAFT, published_at=None)
    ResourceFactory(state=ResourceState.IN_REVIEW, published_at=None)
    stamp(first, datetime(2026, 1, 1, tzinfo=UTC))
    stamp(second, datetime(2026, 1, 2, tzinfo=UTC))
    stamp(gone, datetime(2026, 1, 3, tzinfo=UTC))
    root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert texts(root, ".//oai:header/oai:identifier") == [oai_id(first), oai_id(second), oai_id(gone)]
    statuses = [header.get("status") for header in root.iterfind(".//oai:header", NS)]
    assert statuses == [None, None, "deleted"]
    assert root.find(".//oai:metadata", NS) is None
    assert root.find(".//oai:resumptionToken", NS) is None  # a complete list carries no token


def test_list_records_pages_with_resumption_tokens(oai, settings):
    settings.OAI_PAGE_SIZE = 2
    resources = [ResourceFactory() for _ in range(5)]
    pages, token = [], None
    while True:
        params = {"resumptionToken": token} if token else {"metadataPrefix": "oai_dc"}
        root = oai(verb="ListRecords", **params)
        pages.append(texts(root, ".//oai:record/oai:header/oai:identifier"))
        element = root.find("oai:ListRecords/oai:resumptionToken", NS)
        assert element.get("completeListSize") == "5"
        assert element.get("cursor") == str(2 * (len(pages) - 1))
        token = element.text
        if not token:
            break
    assert pages == [[oai_id(r) for r in resources[i : i + 2]] for i in (0, 2, 4)]
    # Resumed requests echo only the verb and the token.
    assert set(root.find("oai:request", NS).attrib) == {"verb", "resumptionToken"}


def test_a_bad_or_foreign_resumption_token_is_refused(oai, settings):
    settings.OAI_PAGE_SIZE = 1
    ResourceFactory.create_batch(2)
    token = oai(verb="ListIdentifiers", metadataPrefix="oai_dc").find(".//oai:resumptionToken", NS).text
    assert error_code(oai(verb="ListIdentifiers", resumptionToken=token)) is None
    assert error_code(oai(verb="ListRecords", resumptionToken=token)) == "badResumptionToken"
    assert error_code(oai(verb="ListIdentifiers", resumptionToken=token + "0")) == "badResumptionToken"
    assert error_code(oai(verb="ListIdentifiers", resumptionToken="offset=100")) == "badResumptionToken"


def test_sets_filter_by_kind_and_by_gbf_target(oai):
    tool = ResourceFactory(kind=ResourceKind.TECHNOLOGY, gbf_targets=[target(20), target(21)])
    course = ResourceFactory(kind=ResourceKind.TRAINING, gbf_targets=[target(20)])
    plain = ResourceFactory(kind=ResourceKind.TRAINING)
    expected = {
        "kind:technology": [tool],
        "kind:training": [course, plain],
        "kind": [tool, course, plain],
        "gbf:GBF-TARGET-20": [tool, course],
        "gbf:GBF-TARGET-21": [tool],
        "gbf": [tool, course],
    }
    for spec, resources in expected.items():
        root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
        assert texts(root, ".//oai:identifier") == [oai_id(r) for r in resources], spec
    for spec in ("kind:event", "gbf:GBF-TARGET-01", "nothing", "kind:technology:deeper"):
        assert error_code(oai(verb="ListRecords", metadataPrefix="oai_dc", set=spec)) == "noRecordsMatch"


def test_from_and_until_are_inclusive_at_both_granularities(oai):
    january, february, march = ResourceFactory(), ResourceFactory(), ResourceFactory()
    stamp(january, datetime(2026, 1, 31, 23, 59, 59, 900000, tzinfo=UTC))
    stamp(february, datetime(2026, 2, 15, 8, 0, 0, tzinfo=UTC))
    stamp(march, datetime(2026, 3, 1, 0, 0, 0, tzinfo=UTC))

    def harvested(**dates: str) -> list[str]:
        root = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **dates)
        return texts(root, ".//oai:identifier") if error_code(root) is None else []

    assert harvested(from_="2026-02-01") == [oai_id(february), oai_id(march)]
    assert harvested(until="2026-01-31") == [oai_id(january)]
    assert harvested(until="2026-01-31T23:59:59Z") == [oai_id(january)]
    assert harvested(from_="2026-02-15T08:00:00Z", until="2026-02-15T08:00:00Z") == [oai_id(february)]
    assert harvested(from_="2026-02-15T08:00:01Z", until="2026-02-28T23:59:59Z") == []
    assert harvested(from_="2026-03-01", until="2026-03-01") == [oai_id(march)]


def test_dates_outside_the_records_match_nothing(oai):
    ResourceFactory()
    assert (
        error_code(oai(verb="ListRecords", metadataPrefix="oai_dc", from_="2999-01-01")) == "noRecordsMatch"
    )
    assert (
        error_code(oai(verb="ListRecords", metadataPrefix="oai_dc", until="2000-01-01")) == "noRecordsMatch"
    )


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "ListAll"}, "badVerb"),
        ({"verb": "Identify", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from_": "yesterday"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "resumptionToken": "x"}, "badArgument"),
        ({"verb": "ListIdentifiers", "resumptionToken": "x"}, "badResumptionToken"),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_bad_requests_get_the_right_error_with_http_200(oai, params, code, method):
    root = oai(method=method, **params)
    assert error_code(root) == code
    request = root.find("oai:request", NS)
    assert request.text == f"{SITE}/oai"
    # Section 3.2: after badVerb and badArgument the request element names no arguments.
    assert (request.attrib == {}) == (code in ("badVerb", "badArgument"))


def test_repeated_arguments_are_bad(client):
    from tsc_hub.knowledge.tests.oai.conftest import parse

    root = parse(client.get("/oai?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc"))
    assert error_code(root) == "badArgument"


def test_post_answers_as_get_does(oai):
    resource = ResourceFactory()
    for method in ("get", "post"):
        root = oai(method=method, verb="GetRecord", identifier=oai_id(resource), metadataPrefix="oai_dc")
        assert texts(root, ".//oai:header/oai:identifier") == [oai_id(resource)]


def test_other_http_methods_are_not_allowed(client):
    assert client.put("/oai").status_code == 405
