"""Exporting: ordered by id, stable identifiers, a chosen subset, JSON Lines or an array."""

from __future__ import annotations

import json

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.chm.files import dump_records
from tsc_hub.chm.services import export_records, link_organisation
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_records_without_an_identifier_get_one_that_is_stored(full_request):
    first, second = full_request(), full_request()
    AssistanceRequest.objects.filter(pk=second.pk).update(chm_identifier="REQ-FROM-CHM")

    result = export_records(schema="bbiRequest")

    identifiers = [record["header"]["identifier"] for record in result.records]
    assert identifiers == [f"tsc-bbiRequest-{first.pk}", "REQ-FROM-CHM"]  # ordered by id
    assert result.identifiers_assigned == 1
    first.refresh_from_db()
    assert (first.chm_identifier, first.version) == (f"tsc-bbiRequest-{first.pk}", 1)
    assert AuditEvent.objects.filter(action="chm_assign_identifier", target_id=str(first.pk)).count() == 1
    again = export_records(schema="bbiRequest")
    assert again.identifiers_assigned == 0
    assert again.records == result.records


def test_a_generated_identifier_taken_by_an_imported_record_gets_a_suffix(full_request):
    first, second = full_request(), full_request()
    AssistanceRequest.objects.filter(pk=second.pk).update(chm_identifier=f"tsc-bbiRequest-{first.pk}")

    records = export_records(schema="bbiRequest").records

    assert records[0]["header"]["identifier"] == f"tsc-bbiRequest-{first.pk}-2"


def test_identifiers_choose_the_records(full_request):
    full_request()
    export_records(schema="bbiRequest")
    wanted = full_request()
    AssistanceRequest.objects.filter(pk=wanted.pk).update(chm_identifier="WANTED")

    result = export_records(schema="bbiRequest", identifiers=["WANTED"])

    assert [record["header"]["identifier"] for record in result.records] == ["WANTED"]


def test_an_unknown_identifier_is_refused(full_request):
    with pytest.raises(InvalidInput, match="No bbiRequest record has the identifier NOPE"):
        export_records(schema="bbiRequest", identifiers=["NOPE"])


def test_an_unknown_schema_is_refused():
    with pytest.raises(InvalidInput, match="“meeting” is not one of"):
        export_records(schema="meeting")


def test_a_linked_organisation_is_written_with_its_chm_identifier(full_request, institution):
    full_request()
    link_organisation(chm_identifier="ORG-GUID-1@5", organisation_id=institution.pk)

    (record,) = export_records(schema="bbiRequest").records

    assert record["organization"] == {"identifier": "ORG-GUID-1"}


def test_json_lines_hold_one_record_per_line_and_arrays_are_json(full_request):
    full_request()
    full_request()
    records = export_records(schema="bbiRequest").records

    lines = dump_records(records).splitlines()
    array = json.loads(dump_records(records, array=True))

    assert [json.loads(line) for line in lines] == records == array
    assert all(line.startswith('{"header": {"identifier": ') for line in lines)
