"""`tsc-hub harvest add | run | list`."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tsc_hub.harvest.models import HarvestRun, HarvestSource
from tsc_hub.harvest.tests.conftest import URL

pytestmark = pytest.mark.django_db


def harvest(*arguments: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("harvest", *arguments, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_source_is_added_and_harvested_from_the_command_line(served, record):
    out, _ = harvest(
        "add", "--name", "Partner CHM", "--protocol", "chm_json", "--url", URL, "--schedule", "weekly"
    )
    source = HarvestSource.objects.get()
    assert out == f"Added source {source.pk}: Partner CHM (chm_json, {URL}).\n"
    assert (source.schedule, source.active, source.created_by) == ("weekly", True, None)
    served[URL] = json.dumps([record("REQ-1"), record("REQ-2", country={"identifier": "us"})])

    out, err = harvest("run", "Partner CHM")

    assert out == "Harvested Partner CHM: created 1, updated 0, unchanged 0, withdrawn 0, skipped 1.\n"
    assert err.startswith("skipped REQ-2: ")
    assert "is not a Party to the Convention" in err
    assert HarvestRun.objects.get().started_by is None
    listed, _ = harvest("list")
    assert listed.startswith("Partner CHM\tchm_json\tweekly\t")
    assert listed.rstrip().endswith("done")


def test_a_bad_source_names_every_problem():
    with pytest.raises(CommandError) as refused:
        harvest(
            "add", "--name", "X", "--protocol", "oai_pmh", "--url", "not-a-url", "--metadata-prefix", "mods"
        )
    message = str(refused.value)
    assert "base_url: Give a web address" in message
    assert "metadata_prefix: Only oai_dc" in message
    assert not HarvestSource.objects.exists()


def test_an_unknown_source_or_a_failed_harvest_is_an_error(served):
    harvest("add", "--name", "Partner CHM", "--protocol", "chm_json", "--url", URL)
    with pytest.raises(CommandError, match=r"There is no source named “Nope” \(sources: Partner CHM\)"):
        harvest("run", "Nope")
    with pytest.raises(CommandError, match=r"The harvest failed .*the server answered 404"):
        harvest("run", "Partner CHM")
