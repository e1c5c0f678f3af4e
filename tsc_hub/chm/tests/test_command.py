"""`tsc-hub chm import | export | link-organisation`: counts, messages and exit codes."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management.base import CommandError
from django.db import connections

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.chm.management.commands.chm import Command
from tsc_hub.chm.models import ExternalReference
from tsc_hub.chm.services import import_records
from tsc_hub.chm.tests.conftest import (
    chm_initiative,
    chm_organization,
    chm_request,
    chm_resource,
    run,
    write_lines,
)

pytestmark = pytest.mark.django_db


def test_import_prints_the_counts(institution, tmp_path):
    path = write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", f"tsc-org-{institution.pk}")])

    out, err = run("import", str(path))
    again, _ = run("import", str(path))

    assert out.strip() == "Imported: created 1, updated 0, unchanged 0, skipped 0"
    assert "warning record 1 (REQ-1): fields tsc-hub does not keep: websites" in err
    assert again.strip() == "Imported: created 0, updated 0, unchanged 1, skipped 0"


def test_import_of_a_bad_file_raises_a_readable_command_error(institution, tmp_path):
    bad = chm_request("REQ-2", f"tsc-org-{institution.pk}", title={"xx": "?"})
    path = write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", f"tsc-org-{institution.pk}"), bad])

    with pytest.raises(CommandError) as error:
        run("import", str(path))

    assert error.value.returncode == 1
    assert "record 2 (REQ-2): title: “xx” is not one of the UN languages" in str(error.value)
    assert not AssistanceRequest.objects.exists()


def test_the_command_line_exits_with_1_and_the_message(institution, tmp_path, monkeypatch):
    path = tmp_path / "bad.json"
    path.write_text("not json at all", encoding="utf-8")
    monkeypatch.setattr(connections, "close_all", lambda: None)  # keep the test's connection open
    command = Command(stdout=StringIO(), stderr=StringIO())

    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(["tsc-hub", "chm", "--skip-checks", "import", str(path)])

    assert exit_.value.code == 1
    assert "bad.json: this is neither JSON nor JSON Lines" in command.stderr.getvalue()


def test_skip_invalid_reports_the_skipped_records(institution, tmp_path):
    records = [
        chm_request("REQ-1", f"tsc-org-{institution.pk}"),
        chm_request("REQ-2", "UNKNOWN@1"),
    ]
    path = write_lines(tmp_path / "r.jsonl", records)

    out, err = run("import", str(path), "--skip-invalid")

    assert "created 1, updated 0, unchanged 0, skipped 1" in out
    assert "skipped record 2 (REQ-2): organization: “UNKNOWN@1” is not a known organisation" in err


def test_the_fallback_organisation_option(institution, tmp_path):
    path = write_lines(tmp_path / "r.jsonl", [chm_request("REQ-1", "UNKNOWN@1")])

    out, err = run("import", str(path), "--organisation", str(institution.pk))

    assert "created 1" in out
    assert f"filed under organisation {institution.pk}" in err


def test_export_writes_json_lines_to_standard_output_and_counts_to_standard_error(full_request):
    full_request()
    full_request()

    out, err = run("export", "--schema", "bbiRequest")

    assert [json.loads(line)["header"]["schema"] for line in out.splitlines()] == ["bbiRequest"] * 2
    assert "Exported 2 bbiRequest record(s); 2 given a new chm_identifier." in err


def test_export_writes_an_array_to_a_file(full_offer, tmp_path):
    full_offer()
    path = tmp_path / "offers.json"

    out, _ = run("export", "--schema", "bbiOpportunity", "--format", "array", "--output", str(path))

    assert f"Exported 1 bbiOpportunity record(s); 1 given a new chm_identifier to {path}." in out
    assert json.loads(path.read_text(encoding="utf-8"))[0]["header"]["schema"] == "bbiOpportunity"


def test_export_of_an_unknown_identifier_is_a_command_error(full_request):
    with pytest.raises(CommandError, match="No bbiProfile record has the identifier X"):
        run("export", "--schema", "bbiProfile", "--identifier", "X")


def test_export_needs_a_known_schema():
    with pytest.raises(CommandError, match="invalid choice: 'meeting'"):
        run("export", "--schema", "meeting")


def test_link_organisation(institution):
    out, _ = run("link-organisation", "GUID-1@2", str(institution.pk))

    assert out.strip() == f"CHM organization GUID-1 is organisation {institution.pk}."
    assert ExternalReference.objects.get().chm_identifier == "GUID-1"
    with pytest.raises(CommandError, match="There is no organisation 999999"):
        run("link-organisation", "GUID-2", "999999")


def test_a_mixed_file_of_every_new_schema_through_the_command(resource_types, tmp_path):
    path = write_lines(
        tmp_path / "mixed.jsonl",
        [
            chm_resource("VLR-1", "ORG-1@1", "UNKNOWN-ORG@1"),
            chm_initiative("CBI-1", "ORG-1@1"),
            chm_organization("ORG-1"),
        ],
    )
    steps: list[tuple[int, int]] = []

    out, err = run("import", str(path))
    report = import_records(path=path, progress=lambda done, total: steps.append((done, total)))

    assert out.strip() == "Imported: created 3, updated 0, unchanged 0, skipped 0"
    assert "warning record 1 (VLR-1): organizations: “UNKNOWN-ORG@1” is not a known organisation" in err
    assert report.summary() == "created 0, updated 0, unchanged 3, skipped 0"
    assert steps == [(1, 3), (2, 3), (3, 3)]
    for schema, identifier in (
        ("resource", "VLR-1"),
        ("capacityBuildingInitiative", "CBI-1"),
        ("organization", "ORG-1"),
    ):
        output = tmp_path / f"{schema}.json"
        exported, _ = run(
            "export",
            "--schema",
            schema,
            "--identifier",
            identifier,
            "--output",
            str(output),
            "--format",
            "array",
        )
        assert exported.strip() == f"Exported 1 {schema} record(s) to {output}."
        (record,) = json.loads(output.read_text(encoding="utf-8"))
        assert record["header"]["identifier"] == identifier
