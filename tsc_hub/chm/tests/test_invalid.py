"""Bad input: nothing is written, every problem is named by record; --skip-invalid imports the good ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.chm.models import UnknownTerm
from tsc_hub.chm.services import import_records
from tsc_hub.chm.tests.conftest import (
    chm_initiative,
    chm_organization,
    chm_request,
    chm_resource,
    write_lines,
)
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.models import AuditEvent
from tsc_hub.knowledge.models import Resource
from tsc_hub.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def _org(institution: Any) -> str:
    return f"tsc-org-{institution.pk}"


def _counts() -> tuple[int, int, int]:
    return AssistanceRequest.objects.count(), UnknownTerm.objects.count(), AuditEvent.objects.count()


BAD_RECORDS = {
    "unknown schema": (
        {"header": {"identifier": "REQ-2", "schema": "bbiFoo"}},
        "record 2 (REQ-2): header.schema: “bbiFoo” is not one of bbiRequest, bbiOpportunity, bbiProfile, "
        "resource, capacityBuildingInitiative, organization",
    ),
    "missing identifier": ({"header": {"schema": "bbiRequest"}}, "record 2: header.identifier: missing"),
    "bad language key": (
        {"title": {"en": "Fine", "xx": "Not a language"}},
        "record 2 (REQ-2): title: “xx” is not one of the UN languages (ar, en, es, fr, ru, zh)",
    ),
    "end before start": (
        {"startDate": "2026-06-01", "endDate": "2026-01-31"},
        "record 2 (REQ-2): endDate: 2026-01-31 is before startDate 2026-06-01",
    ),
    "not a date": ({"startDate": "next spring"}, "record 2 (REQ-2): startDate: “next spring” is not a date"),
    "missing required field": ({"problem": None}, "record 2 (REQ-2): problem: this field is required"),
    "term without identifier": (
        {"cbdSubjects": [{"id": "CBD-SUBJECT-MAR"}]},
        "record 2 (REQ-2): cbdSubjects: expected terms like",
    ),
    "country not a Party": ({"country": {"identifier": "us"}}, "“us” is not a Party to the Convention"),
    "contact without e-mail": (
        {"contact": {"identifier": "C@1", "name": "Amina"}},
        "record 2 (REQ-2): contact: give the contact's “email”",
    ),
}


@pytest.mark.parametrize("case", list(BAD_RECORDS))
def test_a_bad_record_writes_nothing_and_is_named(case, institution, tmp_path):
    changes, message = BAD_RECORDS[case]
    bad = chm_request("REQ-2", _org(institution))
    for key, value in changes.items():
        if value is None:
            del bad[key]
        else:
            bad[key] = value
    path = write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", _org(institution)), bad])
    before = _counts()

    with pytest.raises(InvalidInput) as error:
        import_records(path=path)

    assert message in str(error.value)
    assert "nothing was written" in str(error.value)
    assert _counts() == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("this is not JSON\nnor this", "neither JSON nor JSON Lines"),
        ('[{"header": ', "not valid JSON"),
        ("", "the file is empty"),
        ("[]", "the array holds no record"),
    ],
)
def test_a_file_that_is_not_json_writes_nothing(text, message, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        import_records(path=path)
    assert _counts()[0] == 0


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(InvalidInput, match=r"absent\.json: there is no such file"):
        import_records(path=tmp_path / "absent.json")


def test_every_problem_of_every_record_is_reported_at_once(institution, tmp_path):
    first = chm_request("REQ-1", _org(institution), title={"xx": "?"}, endDate="2020-01-01")
    first["startDate"] = "2021-01-01"
    path = tmp_path / "r.jsonl"
    path.write_text(
        "\n".join(
            [
                write_lines(tmp_path / "one.jsonl", [first]).read_text().strip(),
                "{broken",
                '{"header": {"identifier": "REQ-1", "schema": "bbiRequest"}}',
            ]
        ),
        encoding="utf-8",
    )

    with pytest.raises(InvalidInput) as error:
        import_records(path=path)

    text = str(error.value)
    assert "record 1 (REQ-1): title: “xx” is not one of the UN languages" in text
    assert "record 1 (REQ-1): endDate: 2020-01-01 is before startDate 2021-01-01" in text
    assert "record 2: not valid JSON" in text
    assert "record 3 (REQ-1): problem: this field is required" in text
    assert set(error.value.fields) == {"record 1 (REQ-1)", "record 2", "record 3 (REQ-1)"}


def test_a_repeated_identifier_is_a_problem_of_the_second_record(institution, tmp_path):
    records = [chm_request("REQ-1", _org(institution)), chm_request("REQ-1", _org(institution))]
    with pytest.raises(
        InvalidInput, match=r"record 2 \(REQ-1\): header.identifier: already used by record 1"
    ):
        import_records(path=write_lines(tmp_path / "r.jsonl", records))


def test_a_record_the_service_refuses_rolls_back_the_whole_file(institution, tmp_path):
    refused = chm_request("REQ-2", _org(institution), gbfTargets=[{"identifier": "GBF-TARGET-99"}])
    path = write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", _org(institution)), refused])
    before = _counts()

    with pytest.raises(InvalidInput) as error:
        import_records(path=path)

    assert "record 2 (REQ-2): The request could not be saved" in str(error.value)
    assert "gbf_targets: Choose between 1 and 23." in str(error.value)
    assert _counts() == before  # record 1 was written, then rolled back with the rest


def test_skip_invalid_imports_the_good_records_and_reports_the_bad(institution, tmp_path: Path):
    records = [
        chm_request("REQ-1", _org(institution)),
        chm_request("REQ-2", _org(institution), startDate="2026-06-01", endDate="2026-01-31"),
        chm_request("REQ-3", _org(institution), gbfTargets=[{"identifier": "GBF-TARGET-99"}]),
        chm_request("REQ-4", _org(institution)),
    ]

    report = import_records(path=write_lines(tmp_path / "r.jsonl", records), skip_invalid=True)

    assert report.created == ["record 1 (REQ-1)", "record 4 (REQ-4)"]
    assert [label for label, _ in report.skipped] == ["record 2 (REQ-2)", "record 3 (REQ-3)"]
    assert "endDate: 2026-01-31 is before startDate" in report.skipped[0][1]
    assert sorted(AssistanceRequest.objects.values_list("chm_identifier", flat=True)) == ["REQ-1", "REQ-4"]
    assert not UnknownTerm.objects.filter(identifier="GBF-TARGET-99").exists()


def test_an_accepted_request_is_not_changed_by_an_import(institution, tmp_path):
    path = write_lines(tmp_path / "a.jsonl", [chm_request("REQ-1", _org(institution))])
    import_records(path=path)
    AssistanceRequest.objects.update(state="accepted")
    changed = chm_request("REQ-1", _org(institution), title={"en": "Another title"})

    with pytest.raises(InvalidInput, match="An accepted request can no longer be edited"):
        import_records(path=write_lines(tmp_path / "b.jsonl", [changed]))

    assert import_records(path=path).unchanged == ["record 1 (REQ-1)"]  # the same content is fine


def test_bad_records_of_the_knowledge_hub_are_named_by_file_line_and_field(tmp_path):
    untitled = chm_resource("VLR-2")
    del untitled["title"]
    lines = [
        chm_resource("VLR-1"),
        untitled,
        chm_initiative("CBI-1", startDate="2026-01-01", endDate="2025-01-01"),
        chm_organization("ORG-1", country={"identifier": "us"}),
        chm_resource("VLR-3", resourceLinks=[{"name": "no address"}]),
        chm_resource("VLR-4", tschub={"kind": "spaceship"}),
        chm_resource(
            "VLR-5", resourceLinks=[{"url": "ftp://example.org/guide.pdf"}]
        ),  # the service refuses it
        chm_resource("VLR-6"),
    ]
    path = tmp_path / "mixed.jsonl"
    # JSON Lines: a record's number is its line; the blank line after the first record counts.
    text = "".join(json.dumps(record) + "\n" for record in lines)
    path.write_text(text.replace("\n", "\n\n", 1), encoding="utf-8")
    before = (Resource.objects.count(), Organisation.objects.count(), UnknownTerm.objects.count())

    with pytest.raises(InvalidInput) as error:
        import_records(path=path)

    message = str(error.value)
    assert message.startswith("mixed.jsonl: the file cannot be imported; nothing was written.")
    assert "record 3 (VLR-2): title: this field is required" in message
    assert "record 4 (CBI-1): endDate: 2025-01-01 is before startDate 2026-01-01" in message
    assert "record 5 (ORG-1): country: “us” is not a Party to the Convention" in message
    assert "record 6 (VLR-3): resourceLinks: link 1: expected" in message
    assert "record 7 (VLR-4): tschub.kind: “spaceship” is not one of technology, case_study" in message
    assert "record 8 (VLR-5)" not in message  # only checked by the service, once the others are good
    assert (Resource.objects.count(), Organisation.objects.count(), UnknownTerm.objects.count()) == before

    report = import_records(path=path, skip_invalid=True)

    assert report.created == ["record 1 (VLR-1)", "record 9 (VLR-6)"]
    skipped = dict(report.skipped)
    assert list(skipped) == [
        f"record {number} ({ident})"
        for number, ident in [
            (3, "VLR-2"),
            (4, "CBI-1"),
            (5, "ORG-1"),
            (6, "VLR-3"),
            (7, "VLR-4"),
            (8, "VLR-5"),
        ]
    ]
    assert (
        "links: Link 1: give a web address starting with http:// or https://." in skipped["record 8 (VLR-5)"]
    )
    assert sorted(Resource.objects.values_list("chm_identifier", flat=True)) == ["VLR-1", "VLR-6"]
