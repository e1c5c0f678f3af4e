"""Importing: upsert by header.identifier, idempotent, both file shapes, organisations and contacts."""

from __future__ import annotations

import json

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.chm.models import ExternalReference, UnknownTerm
from tsc_hub.chm.services import import_records, link_organisation
from tsc_hub.chm.tests.conftest import chm_request, write_lines
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.models import AuditEvent
from tsc_hub.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ORG_GUID = "52000000CBD0120000001234"


@pytest.fixture
def linked(institution):
    link_organisation(chm_identifier=f"{ORG_GUID}@3", organisation_id=institution.pk)
    return institution


def test_importing_the_same_file_twice_creates_no_duplicates(linked, tmp_path):
    path = write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", ORG_GUID), chm_request("REQ-2", ORG_GUID)])

    first = import_records(path=path)
    events = AuditEvent.objects.count()
    second = import_records(path=path)

    assert (len(first.created), len(first.unchanged)) == (2, 0)
    assert (second.created, second.updated) == ([], [])
    assert second.unchanged == ["record 1 (REQ-1)", "record 2 (REQ-2)"]
    assert AssistanceRequest.objects.count() == 2
    assert AuditEvent.objects.count() == events  # an unchanged record is not written


def test_untidy_input_is_still_unchanged_the_second_time(linked, tmp_path):
    untidy = chm_request(
        "REQ-1",
        ORG_GUID,
        country={"identifier": "KE"},
        title={"en": "  Seagrass mapping  ", "fr": " "},
        gbfTargets=[{"identifier": "GBF-TARGET-03"}, {"identifier": "GBF-TARGET-03"}],
        coverage=[{"identifier": "tz"}, {"identifier": "KE"}],
        startDate="2026-01-01T00:00:00.000Z",
    )
    path = write_lines(tmp_path / "r.jsonl", [untidy])

    import_records(path=path)
    again = import_records(path=path)

    assert again.unchanged == ["record 1 (REQ-1)"]
    request = AssistanceRequest.objects.get()
    assert request.title == {"en": "Seagrass mapping"}
    assert sorted(request.coverage_parties.values_list("code", flat=True)) == ["ke", "tz"]


def test_a_changed_record_is_updated_through_the_service_with_its_version(linked, tmp_path):
    import_records(path=write_lines(tmp_path / "a.jsonl", [chm_request("REQ-1", ORG_GUID)]))
    changed = chm_request("REQ-1", ORG_GUID, title={"en": "Seagrass and mangrove mapping"})

    report = import_records(path=write_lines(tmp_path / "b.jsonl", [changed]))

    request = AssistanceRequest.objects.get()
    assert report.updated == ["record 1 (REQ-1)"]
    assert request.title == {"en": "Seagrass and mangrove mapping"}
    assert request.version == 2
    assert AuditEvent.objects.filter(action="update_request", target_id=str(request.pk)).exists()


def test_a_json_array_json_lines_and_a_single_record_are_all_read(linked, tmp_path):
    array = tmp_path / "a.json"
    array.write_text(json.dumps([chm_request("REQ-1", ORG_GUID)], indent=2), encoding="utf-8")
    single = tmp_path / "b.json"
    single.write_text(json.dumps(chm_request("REQ-2", ORG_GUID), indent=2), encoding="utf-8")
    lines = tmp_path / "c.jsonl"
    lines.write_text("\n" + json.dumps(chm_request("REQ-3", ORG_GUID)) + "\n\n", encoding="utf-8")

    reports = [import_records(path=path) for path in (array, single, lines)]

    assert [report.created for report in reports] == [
        ["record 1 (REQ-1)"],
        ["record 1 (REQ-2)"],
        ["record 2 (REQ-3)"],  # in JSON Lines a record's number is its line
    ]


def test_a_chm_record_without_our_fields_gets_the_documented_defaults(linked, tmp_path):
    report = import_records(path=write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", ORG_GUID)]))

    request = AssistanceRequest.objects.get()
    assert request.state == "draft"
    assert request.created_by is None
    assert (request.urgency, request.visibility, request.involves_traditional_knowledge) == (
        "normal",
        "public",
        False,
    )
    assert request.national_priority_reference == "National target 3: protected areas"
    assert (request.original_language, request.working_languages) == ("en", ["en"])
    assert (request.contact_name, request.contact_email) == ("Amina Odhiambo", "amina@example.org")
    assert any("taken from addressedPriorities" in warning for warning in report.warnings)
    assert any("does not keep: websites" in warning for warning in report.warnings)


def test_an_organisation_is_found_by_its_link_whatever_the_revision(linked, tmp_path):
    record = chm_request("REQ-1", f"{ORG_GUID.lower()}@7")

    import_records(path=write_lines(tmp_path / "r.jsonl", [record]))

    assert AssistanceRequest.objects.get().organisation == linked


def test_an_unknown_organisation_fails_the_record_and_says_how_to_link_it(institution, tmp_path):
    path = write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", "UNKNOWN-ORG@1")])

    with pytest.raises(InvalidInput) as error:
        import_records(path=path)

    assert "record 1 (REQ-1): organization: “UNKNOWN-ORG@1” is not a known organisation" in str(error.value)
    assert "tsc-hub chm link-organisation UNKNOWN-ORG PK" in str(error.value)
    assert not AssistanceRequest.objects.exists()


def test_the_fallback_organisation_takes_unknown_ones_without_linking_them(institution, tmp_path):
    path = write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", "UNKNOWN-ORG@1")])

    report = import_records(path=path, fallback_organisation=institution.pk)

    assert AssistanceRequest.objects.get().organisation == institution
    assert any("“UNKNOWN-ORG@1” is not linked; filed under organisation" in w for w in report.warnings)
    assert not ExternalReference.objects.exists()


def test_a_fallback_organisation_that_does_not_exist_is_refused(tmp_path):
    path = write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", "X")])
    with pytest.raises(InvalidInput, match="--organisation: there is no organisation 999999"):
        import_records(path=path, fallback_organisation=999999)


def test_linking_again_moves_the_link(institution):
    other = OrganisationFactory()
    link_organisation(chm_identifier=ORG_GUID, organisation_id=institution.pk)

    link = link_organisation(chm_identifier=f"{ORG_GUID.lower()}@2", organisation_id=other.pk)

    assert ExternalReference.objects.get() == link
    assert link.object_id == other.pk
    event = AuditEvent.objects.filter(action="chm_link_organisation").latest("id")
    assert event.changes["organisation"] == [institution.pk, other.pk]


def test_the_contact_record_identifier_is_kept(linked, tmp_path):
    import_records(path=write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", ORG_GUID)]))

    kept = UnknownTerm.objects.get(field="contact")
    assert (kept.record_type, kept.identifier) == ("bbiRequest", "CONTACT-1@2")
