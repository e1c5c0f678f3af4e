"""`capacityBuildingInitiative` ↔ Resource of kind capacity_initiative: fields both ways, kept CHM values."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tsc_hub.chm.models import UnknownTerm
from tsc_hub.chm.services import export_records, import_records, link_organisation
from tsc_hub.chm.tests.conftest import chm_initiative, write_lines
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.knowledge.models import Resource
from tsc_hub.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

IMPLEMENTING, EXECUTING = "2C86F905-B244-8FDD-4988-5088C023BDE9", "52000000CBD0120000000777"


@pytest.fixture
def agencies(institution: Any) -> tuple[Any, Any]:
    executing = OrganisationFactory()
    link_organisation(chm_identifier=IMPLEMENTING, organisation_id=institution.pk)
    link_organisation(chm_identifier=EXECUTING, organisation_id=executing.pk)
    return institution, executing


def _import(tmp_path: Any, *records: dict[str, Any]) -> Any:
    return import_records(path=write_lines(tmp_path / "initiatives.jsonl", list(records)))


def test_a_chm_initiative_is_read_field_by_field(agencies, tmp_path):
    implementing, executing = agencies
    record = chm_initiative(
        "CBI-1", f"{IMPLEMENTING}@1", executingAgencies=[{"identifier": f"{EXECUTING}@3"}]
    )

    report = _import(tmp_path, record)

    assert report.created == ["record 1 (CBI-1)"]
    initiative = Resource.objects.get()
    assert (initiative.kind, initiative.state) == ("capacity_initiative", "published")
    assert initiative.title == {"en": "Seagrass monitoring school CBI-1"}
    assert initiative.summary == {"en": "Two-year training of seagrass monitors."}
    assert set(initiative.organisations.all()) == {implementing, executing}
    assert (initiative.start_date, initiative.end_date) == (
        datetime.date(2025, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert sorted(initiative.countries.values_list("code", flat=True)) == ["ke", "tz"]
    assert initiative.links == [
        {"url": "https://example.org/wio-42", "name": "Project page", "language": "en"}
    ]
    assert sorted(initiative.cbd_subjects.values_list("identifier", flat=True)) == [
        "CBD-SUBJECT-MAR",
        "CBD-SUBJECT-NAP-CB",
    ]
    assert list(initiative.gbf_targets.values_list("identifier", flat=True)) == ["GBF-TARGET-20"]
    assert initiative.keywords == ["monitoring"]
    assert set(UnknownTerm.objects.values_list("field", "identifier")) == {
        ("contacts", "CONTACT-7@1"),
        ("geographicScope", "528B1187-F1BD-4479-9FB3-ADBD9076D361"),
        ("status", "73E2AC27-D964-487C-A4E6-0997BB27AF01"),
        ("totalBudget", "250000"),
    }
    warnings = " ".join(report.warnings)
    assert "executingAgencies: tsc-hub keeps an initiative's organisations without their role" in warnings
    assert "fields tsc-hub does not keep: durationPeriod, durationText, projectNumber" in warnings


def test_the_export_writes_the_kept_chm_values_back(agencies, tmp_path):
    record = chm_initiative("CBI-1", f"{IMPLEMENTING}@1")
    _import(tmp_path, record)

    (exported,) = export_records(schema="capacityBuildingInitiative").records

    assert exported["header"] == {
        "identifier": "CBI-1",
        "schema": "capacityBuildingInitiative",
        "languages": ["en"],
    }
    for key in (
        "title",
        "projectDocument",
        "contacts",
        "geographicScope",
        "status",
        "startDate",
        "endDate",
        "description",
        "gbfTargets",
        "totalBudget",
        "tags",
    ):
        assert exported[key] == record[key], key
    assert exported["implementingAgencies"] == [{"identifier": IMPLEMENTING}]
    assert exported["countryRegions"] == [{"identifier": "ke"}, {"identifier": "tz"}]
    assert exported["tschub"]["provenance"]["originalIdentifier"] == "CBI-1"
    assert "kind" not in exported["tschub"]  # the schema says it


def test_importing_an_initiative_twice_changes_nothing(agencies, tmp_path):
    _import(tmp_path, chm_initiative("CBI-1", f"{IMPLEMENTING}@1"))

    again = _import(tmp_path, chm_initiative("CBI-1", f"{IMPLEMENTING}@1"))

    assert again.unchanged == ["record 1 (CBI-1)"]
    assert Resource.objects.get().version == 1


def test_a_new_status_or_budget_is_an_update_of_the_kept_values_only(agencies, tmp_path):
    _import(tmp_path, chm_initiative("CBI-1", f"{IMPLEMENTING}@1"))

    report = _import(tmp_path, chm_initiative("CBI-1", f"{IMPLEMENTING}@1", totalBudget="300000"))

    assert report.updated == ["record 1 (CBI-1)"]
    assert Resource.objects.get().version == 1  # the resource itself did not change
    assert UnknownTerm.objects.get(field="totalBudget").identifier == "300000"


def test_an_initiative_cannot_say_it_is_another_kind(tmp_path):
    with pytest.raises(InvalidInput, match="a capacityBuildingInitiative is a capacity_initiative"):
        _import(tmp_path, chm_initiative("CBI-1", tschub={"kind": "training"}))
