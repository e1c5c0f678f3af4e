"""CHM JSON harvests keep the provenance an OAI-PMH harvest keeps, and withdraw what the source deleted."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.chm.services import import_records
from tsc_hub.chm.tests.conftest import chm_initiative, chm_resource, write_lines
from tsc_hub.core.models import AuditEvent
from tsc_hub.harvest.chm_json import is_deleted
from tsc_hub.harvest.services import run_harvest
from tsc_hub.harvest.tests.conftest import URL
from tsc_hub.knowledge.models import Resource, ResourceTransition

pytestmark = pytest.mark.django_db

SOURCE = "Partner CHM"


@pytest.fixture
def chm_source(make_source):
    return make_source(name=SOURCE, protocol="chm_json", base_url=URL, publish_on_import=True)


def counts(run) -> tuple[int, int, int, int, int]:
    return (run.created, run.updated, run.unchanged, run.withdrawn, run.skipped)


def resource(identifier: str, modified: str | None = "2026-01-10T08:00:00Z", **changes: Any) -> dict:
    raw = chm_resource(identifier, **changes)
    if modified:
        raw["header"]["modifiedOn"] = modified
    return raw


def deleted(raw: dict, on: str = "2026-05-01T00:00:00Z") -> dict:
    """The record as a source that deleted it sends it: its header says when."""
    return {**raw, "header": {**raw["header"], "deletedOn": on}}


def provenance(identifier: str) -> tuple[str, str, str, str | None, str]:
    found = Resource.objects.get(chm_identifier=identifier)
    return (
        found.source,
        found.original_identifier,
        found.harvested_from,
        found.chm_identifier,
        found.rights,
    )


def harvest(source, served, records: list[dict]):
    served[URL] = json.dumps(records)
    run = run_harvest(source=source, by=None)
    assert run.state == "done", run.message
    return run


# Provenance.


def test_harvested_resources_keep_the_source_the_identifier_the_address_and_the_licence(
    chm_source, served, record
):
    run = harvest(
        chm_source,
        served,
        [resource("VLR-1"), resource("VLR-2", rights={"fr": "Domaine public"}), record("REQ-1")],
    )

    assert counts(run) == (3, 0, 0, 0, 0)
    assert provenance("VLR-1") == (SOURCE, "VLR-1", URL, "VLR-1", "CC BY 4.0")
    assert provenance("VLR-2") == (SOURCE, "VLR-2", URL, "VLR-2", "Domaine public")
    harvested_at = Resource.objects.get(chm_identifier="VLR-1").harvested_at
    assert run.started_at <= harvested_at <= run.finished_at
    # One time for the whole run, as the OAI-PMH harvest keeps.
    assert Resource.objects.get(chm_identifier="VLR-2").harvested_at == harvested_at
    # Requests have no provenance fields: their CHM identifier is all they keep.
    assert AssistanceRequest.objects.get().chm_identifier == "REQ-1"


def test_harvested_initiatives_keep_the_same_provenance(chm_source, served):
    initiative = chm_initiative("CBI-1")
    initiative["header"]["modifiedOn"] = "2026-01-10T08:00:00Z"
    run = harvest(chm_source, served, [initiative])

    assert counts(run) == (1, 0, 0, 0, 0)
    found = Resource.objects.get(chm_identifier="CBI-1")
    assert (found.kind, found.source, found.original_identifier, found.harvested_from) == (
        "capacity_initiative",
        SOURCE,
        "CBI-1",
        URL,
    )


def test_the_harvest_provenance_replaces_the_one_a_record_carries(chm_source, served):
    # Another tsc-hub exports the provenance it keeps; we keep where we read the record, not where it did.
    carried = {"source": "Elsewhere", "originalIdentifier": "oai:elsewhere:7", "harvestedFrom": 42}
    run = harvest(chm_source, served, [resource("VLR-1", tschub={"provenance": carried})])

    assert counts(run) == (1, 0, 0, 0, 0)
    assert provenance("VLR-1") == (SOURCE, "VLR-1", URL, "VLR-1", "CC BY 4.0")


def test_harvesting_the_same_records_again_changes_nothing(chm_source, served):
    first = harvest(chm_source, served, [resource("VLR-1"), resource("VLR-2")])
    harvested_at = Resource.objects.get(chm_identifier="VLR-1").harvested_at
    versions = dict(Resource.objects.values_list("chm_identifier", "version"))

    again = harvest(chm_source, served, [resource("VLR-1"), resource("VLR-2")])

    assert (counts(first), counts(again)) == ((2, 0, 0, 0, 0), (0, 0, 2, 0, 0))
    assert dict(Resource.objects.values_list("chm_identifier", "version")) == versions
    assert Resource.objects.get(chm_identifier="VLR-1").harvested_at == harvested_at
    assert Resource.objects.count() == 2


def test_a_resource_imported_from_a_chm_file_takes_the_harvest_provenance(chm_source, served, tmp_path):
    import_records(path=write_lines(tmp_path / "file.jsonl", [resource("VLR-1")]))
    assert provenance("VLR-1") == ("chm", "VLR-1", "", "VLR-1", "CC BY 4.0")

    run = harvest(chm_source, served, [resource("VLR-1")])

    assert counts(run) == (0, 1, 0, 0, 0)
    assert provenance("VLR-1") == (SOURCE, "VLR-1", URL, "VLR-1", "CC BY 4.0")
    assert Resource.objects.count() == 1


# Deletions.


@pytest.mark.parametrize(
    ("changes", "header", "expected"),
    [
        ({}, {"deletedOn": "2026-05-01T00:00:00Z"}, True),
        ({"deleted": True}, {}, True),
        ({}, {"deletedOn": None}, False),
        ({}, {"deletedOn": "  "}, False),
        ({"deleted": False}, {}, False),
        ({"deleted": "true"}, {}, False),
        ({}, {}, False),
    ],
)
def test_a_record_is_deleted_when_its_header_has_deleted_on_or_it_says_deleted_true(
    changes, header, expected
):
    raw = {"header": {"identifier": "VLR-1", "schema": "resource", **header}, **changes}
    assert is_deleted(raw) is expected


def test_records_deleted_at_the_source_withdraw_the_resources_harvested_from_it(chm_source, served):
    older = resource("VLR-1", "2026-01-01T00:00:00Z")
    harvest(chm_source, served, [older, resource("VLR-2"), resource("VLR-3")])

    # VLR-1 was modified before this harvest's `from`: its deletion date is what brings it in.
    run = harvest(
        chm_source,
        served,
        [deleted(older), {**resource("VLR-2"), "deleted": True}, resource("VLR-3")],
    )

    assert counts(run) == (0, 0, 1, 2, 0)
    states = dict(Resource.objects.values_list("chm_identifier", "state"))
    assert states == {"VLR-1": "withdrawn", "VLR-2": "withdrawn", "VLR-3": "published"}
    step = ResourceTransition.objects.filter(resource__chm_identifier="VLR-1").last()
    assert step is not None
    assert (step.action, step.from_state, step.to_state, step.by) == (
        "withdraw",
        "published",
        "withdrawn",
        None,
    )
    assert step.reason == f"Deleted at the source {SOURCE} ({URL}); withdrawn by harvest run {run.pk}."
    events = AuditEvent.objects.filter(action="withdraw_resource", actor_label="system")
    assert events.count() == 2
    assert (run.from_datestamp.isoformat(), run.until_datestamp.isoformat()) == (
        "2026-01-10T08:00:00+00:00",
        "2026-05-01T00:00:00+00:00",
    )


def test_a_deletion_read_again_is_unchanged(chm_source, served):
    harvest(chm_source, served, [resource("VLR-1"), resource("VLR-2")])
    gone = [deleted(resource("VLR-1")), {**resource("VLR-2", None), "deleted": True}]
    assert counts(harvest(chm_source, served, gone)) == (0, 0, 0, 2, 0)

    # VLR-1 is at the boundary of the next harvest, VLR-2 has no date: both are read again.
    again = harvest(chm_source, served, gone)

    assert counts(again) == (0, 0, 2, 0, 0)
    assert ResourceTransition.objects.filter(action="withdraw").count() == 2


def test_a_tombstone_with_only_a_header_withdraws_the_resource(chm_source, served):
    harvest(chm_source, served, [resource("VLR-1")])
    run = harvest(chm_source, served, [{"header": {"identifier": "VLR-1", "deletedOn": "2026-05-01"}}])
    assert counts(run) == (0, 0, 0, 1, 0)
    assert Resource.objects.get().state == "withdrawn"


def test_a_deleted_record_is_not_imported(chm_source, served):
    run = harvest(chm_source, served, [deleted(resource("VLR-1"))])
    assert counts(run) == (0, 0, 1, 0, 0)
    assert not Resource.objects.exists()


def test_a_deleted_resource_that_came_from_elsewhere_is_reported_and_left_alone(chm_source, served, tmp_path):
    import_records(path=write_lines(tmp_path / "file.jsonl", [resource("VLR-1")]))

    run = harvest(chm_source, served, [deleted(resource("VLR-1"))])

    assert counts(run) == (0, 0, 0, 0, 1)
    assert run.problems == [
        {
            "identifier": "VLR-1",
            "reason": "deleted at the source, but the resource here with this identifier came from "
            "“chm”, not from this source: it is left as it is",
        }
    ]
    assert Resource.objects.get().state == "published"


def test_a_deleted_record_of_another_kind_is_reported_and_left_alone(chm_source, served, record):
    harvest(chm_source, served, [record("REQ-1")])

    run = harvest(chm_source, served, [deleted(record("REQ-1"))])

    assert counts(run) == (0, 0, 0, 0, 1)
    assert run.problems == [
        {
            "identifier": "REQ-1",
            "reason": "deleted at the source, but a harvest withdraws only knowledge-hub resources: "
            "the bbiRequest record here is left as it is",
        }
    ]
    assert AssistanceRequest.objects.get().chm_identifier == "REQ-1"


def test_a_deleted_record_without_identifier_is_reported(chm_source, served):
    run = harvest(chm_source, served, [{"header": {"schema": "resource"}, "deleted": True}])
    assert counts(run) == (0, 0, 0, 0, 1)
    assert run.problems == [
        {"identifier": f"{URL} #1", "reason": "deleted at the source, but it has no header.identifier"}
    ]


def test_a_source_not_trusted_to_publish_leaves_new_resources_in_draft(make_source, served):
    source = make_source(name="Unreviewed CHM", protocol="chm_json", base_url=URL)
    harvest(source, served, [resource("VLR-7")])
    assert Resource.objects.get(chm_identifier="VLR-7").state == "draft"
