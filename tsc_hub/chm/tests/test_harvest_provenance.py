"""An import made by a harvest: resources and initiatives keep the harvest's provenance."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tsc_hub.chm.mapping.common import HarvestProvenance
from tsc_hub.chm.services import import_records
from tsc_hub.chm.tests.conftest import chm_initiative, chm_organization, chm_resource, write_lines
from tsc_hub.knowledge.models import Resource
from tsc_hub.organisations.models import Organisation

pytestmark = pytest.mark.django_db

READ_AT = datetime.datetime(2026, 4, 1, 9, 30, tzinfo=datetime.UTC)
HARVEST = HarvestProvenance(
    source="Partner CHM", harvested_from="https://portal.test/records?page={page}", harvested_at=READ_AT
)


def _import(tmp_path: Any, *records: dict[str, Any], **options: Any) -> Any:
    return import_records(path=write_lines(tmp_path / "harvest.jsonl", list(records)), **options)


def _provenance(identifier: str) -> tuple[Any, ...]:
    found = Resource.objects.get(chm_identifier=identifier)
    return (found.source, found.original_identifier, found.harvested_from, found.harvested_at, found.rights)


def test_resources_and_initiatives_keep_the_harvest_provenance(kenya, tmp_path):
    report = _import(
        tmp_path,
        chm_resource("VLR-1"),
        chm_initiative("CBI-1"),
        chm_organization("ORG-1"),
        provenance=HARVEST,
    )

    assert (len(report.created), report.skipped) == (3, [])
    address = "https://portal.test/records?page={page}"
    assert _provenance("VLR-1") == ("Partner CHM", "VLR-1", address, READ_AT, "CC BY 4.0")
    assert _provenance("CBI-1") == ("Partner CHM", "CBI-1", address, READ_AT, "")
    # Organisations have no provenance fields: they are imported as without a harvest.
    assert Organisation.objects.filter(acronym="WIOMSA").count() == 1


def test_a_provenance_the_record_carries_is_replaced_and_not_checked(tmp_path):
    carried = {"source": "Elsewhere", "originalIdentifier": "oai:x:1", "harvestedAt": "not a date"}
    report = _import(tmp_path, chm_resource("VLR-1", tschub={"provenance": carried}), provenance=HARVEST)

    assert (len(report.created), report.skipped) == (1, [])
    assert report.warnings == [
        "record 1 (VLR-1): resourceTypes: no type says which kind of resource this is (RT-CASE-STUDIES); "
        "filed as “publication”",
        "record 1 (VLR-1): fields tsc-hub does not keep: publisher",  # tschub.provenance is not named
    ]
    assert _provenance("VLR-1") == (
        "Partner CHM",
        "VLR-1",
        "https://portal.test/records?page={page}",
        READ_AT,
        "CC BY 4.0",
    )


def test_a_later_harvest_of_the_same_record_leaves_it_unchanged(tmp_path):
    _import(tmp_path, chm_resource("VLR-1"), provenance=HARVEST)
    later = HarvestProvenance(
        source=HARVEST.source,
        harvested_from=HARVEST.harvested_from,
        harvested_at=READ_AT + datetime.timedelta(days=1),
    )

    report = _import(tmp_path, chm_resource("VLR-1"), provenance=later)

    assert (report.created, report.updated, report.unchanged) == ([], [], ["record 1 (VLR-1)"])
    assert _provenance("VLR-1")[3] == READ_AT


def test_without_a_harvest_a_chm_record_still_comes_from_the_chm(tmp_path):
    _import(tmp_path, chm_resource("VLR-1"))
    assert _provenance("VLR-1")[:3] == ("chm", "VLR-1", "")
