"""CHM JSON harvests: documents read (array, JSON Lines, docs, pages), records changed since the last
harvest imported through the CHM import, every record that is not imported reported with its reason."""

from __future__ import annotations

import json

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.harvest.services import run_harvest
from tsc_hub.harvest.tests import urls as test_urls
from tsc_hub.harvest.tests.conftest import URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def chm_source(make_source):
    return make_source(name="Partner CHM", protocol="chm_json", base_url=URL)


def counts(run) -> tuple[int, int, int, int, int]:
    return (run.created, run.updated, run.unchanged, run.withdrawn, run.skipped)


def test_records_are_imported_through_the_chm_mapping(chm_source, served, record):
    served[URL] = json.dumps({"docs": [record("REQ-1"), record("REQ-2")]})
    run = run_harvest(source=chm_source, by=None)
    assert run.state == "done", run.message
    assert counts(run) == (2, 0, 0, 0, 0)
    assert set(AssistanceRequest.objects.values_list("chm_identifier", flat=True)) == {"REQ-1", "REQ-2"}


def test_bad_records_are_reported_and_the_others_imported(chm_source, served, record):
    lines = [
        json.dumps(record("REQ-1")),
        json.dumps(record("REQ-2", country={"identifier": "us"})),
        '{"header": broken',
        json.dumps(["not", "a", "record"]),
        json.dumps(record("REQ-1", title={"en": "The same identifier again"})),
        json.dumps(record("REQ-3")),
    ]
    served[URL] = "\n".join(lines) + "\n"

    run = run_harvest(source=chm_source, by=None)

    assert run.state == "done", run.message
    assert counts(run) == (2, 0, 0, 0, 4)
    problems = {problem["identifier"]: problem["reason"] for problem in run.problems}
    assert "“us” is not a Party to the Convention" in problems["REQ-2"]
    assert problems[f"{URL} line 3"].startswith("not valid JSON")
    assert problems[f"{URL} line 4"] == "expected a JSON object"
    assert problems["REQ-1"] == "this identifier came earlier in the harvest; the first is kept"
    assert AssistanceRequest.objects.count() == 2


def test_a_second_harvest_reads_only_records_modified_since(chm_source, served, record):
    first = [
        record("REQ-1", "2026-01-01T00:00:00Z"),
        record("REQ-2", "2026-02-01T00:00:00Z"),
        record("REQ-3", "2026-03-01T00:00:00Z"),
    ]
    served[URL] = json.dumps(first)
    assert counts(run_harvest(source=chm_source, by=None)) == (3, 0, 0, 0, 0)
    chm_source.refresh_from_db()
    assert chm_source.last_harvested_from.isoformat() == "2026-03-01T00:00:00+00:00"

    changed = record("REQ-2", "2026-04-01T12:00:00Z", title={"en": "Seagrass mapping, revised"})
    served[URL] = json.dumps([first[0], changed, first[2], record("REQ-4", None)])
    run = run_harvest(source=chm_source, by=None)

    # REQ-1 is older than the last harvest; REQ-3 is at its boundary (read again, unchanged); REQ-4 has
    # no date, so it is always read.
    assert counts(run) == (1, 1, 1, 0, 0)
    assert (run.from_datestamp.isoformat(), run.until_datestamp.isoformat()) == (
        "2026-03-01T00:00:00+00:00",
        "2026-04-01T12:00:00+00:00",
    )
    assert AssistanceRequest.objects.get(chm_identifier="REQ-2").title == {"en": "Seagrass mapping, revised"}

    again = run_harvest(source=chm_source, by=None)
    assert counts(again) == (0, 0, 2, 0, 0)  # REQ-2 at the boundary, REQ-4 without a date
    assert AssistanceRequest.objects.count() == 4


def test_a_paged_address_is_read_until_an_empty_page(make_source, served, record):
    source = make_source(
        name="Paged", protocol="chm_json", base_url="https://portal.test/records?page={page}&skip={offset}"
    )
    served["https://portal.test/records?page=1&skip=0"] = json.dumps([record("REQ-1"), record("REQ-2")])
    served["https://portal.test/records?page=2&skip=2"] = json.dumps(
        {"response": {"docs": [record("REQ-3")]}}
    )
    served["https://portal.test/records?page=3&skip=3"] = json.dumps({"docs": []})
    assert counts(run_harvest(source=source, by=None)) == (3, 0, 0, 0, 0)


def test_further_addresses_are_read_after_the_first(make_source, served, record):
    source = make_source(
        name="Two files", protocol="chm_json", base_url=URL, extra_urls="https://portal.test/more.json"
    )
    served[URL] = json.dumps(record("REQ-1"))  # a single record
    served["https://portal.test/more.json"] = json.dumps([record("REQ-2")])
    assert counts(run_harvest(source=source, by=None)) == (2, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<html>Not found</html>\n<p>sorry</p>", "is neither JSON nor JSON Lines"),
        ('{"hits": 3}', "a JSON object without records"),
        ("42", "expected a JSON array of records"),
    ],
)
def test_a_document_that_holds_no_records_fails_the_run(chm_source, served, text, message):
    served[URL] = text
    run = run_harvest(source=chm_source, by=None)
    assert run.state == "failed"
    assert message in run.message
    chm_source.refresh_from_db()
    assert chm_source.last_harvested_from is None


def test_an_unknown_address_fails_the_run(chm_source, served):
    run = run_harvest(source=chm_source, by=None)
    assert (run.state, run.message) == ("failed", f"{URL}: the server answered 404 Not Found.")


@pytest.mark.urls("tsc_hub.harvest.tests.urls")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_paged_list_is_read_over_http(live_server, make_source, record):
    test_urls.PAGES.clear()
    test_urls.PAGES[1] = "".join(json.dumps(record(f"REQ-{n}")) + "\n" for n in (1, 2))
    test_urls.PAGES[2] = json.dumps(record("REQ-3")) + "\n"  # page 3 answers 404: the end of the list
    source = make_source(
        name="Over HTTP", protocol="chm_json", base_url=f"{live_server.url}/test-chm/records/{{page}}.jsonl"
    )
    run = run_harvest(source=source, by=None)
    assert run.state == "done", run.message
    assert counts(run) == (3, 0, 0, 0, 0)
    source.base_url = f"{live_server.url}/test-chm/records/9.jsonl"
    source.save()
    missing = run_harvest(source=source, by=None)
    assert missing.state == "failed"
    assert "the server answered 404 Not Found" in missing.message
