"""Export → import into a fresh state gives back every stored field, for each schema.

"Fresh" here: the exported records are set aside (their chm_identifier cleared, their kept terms removed)
rather than deleted, so that the import creates new records from the file alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services.drafting import snapshot
from tsc_hub.chm.models import ExternalReference, UnknownTerm
from tsc_hub.chm.services import link_organisation
from tsc_hub.chm.tests.conftest import (
    chm_initiative,
    chm_resource,
    read_lines,
    run,
    stored_fields,
    write_lines,
)
from tsc_hub.core.models import AuditEvent
from tsc_hub.knowledge.models import Resource
from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def _export(schema: str, path: Path, *identifiers: str) -> list[dict]:
    chosen = [argument for identifier in identifiers for argument in ("--identifier", identifier)]
    run("export", "--schema", schema, "--output", str(path), *chosen)
    return read_lines(path)


def _set_aside() -> None:
    for model in (AssistanceRequest, Offer, ProviderProfile):
        model.objects.update(chm_identifier=None)
    UnknownTerm.objects.all().delete()


def test_a_request_survives_export_and_import_field_by_field(full_request, tmp_path):
    request = full_request()
    AssistanceRequest.objects.filter(pk=request.pk).update(state="submitted")
    exported = _export("bbiRequest", tmp_path / "requests.jsonl")
    before, before_snapshot = stored_fields(request), snapshot(request)
    _set_aside()

    out, _ = run("import", str(tmp_path / "requests.jsonl"))

    assert "created 1, updated 0, unchanged 0, skipped 0" in out
    imported = AssistanceRequest.objects.exclude(pk=request.pk).get()
    assert imported.pk != request.pk
    assert stored_fields(imported) == before
    assert snapshot(imported) == before_snapshot
    assert imported.state == "draft"  # exported as "submitted": import never moves a workflow
    assert exported[0]["tschub"]["state"] == "submitted"
    assert imported.created_by is None
    assert AuditEvent.objects.filter(action="create_request", target_id=str(imported.pk)).exists()


def test_the_request_record_has_the_chm_shape(full_request, institution, tmp_path):
    request = full_request()
    (record,) = _export("bbiRequest", tmp_path / "requests.jsonl")

    assert list(record)[:4] == ["header", "organization", "contact", "country"]
    assert list(record)[-1] == "tschub"
    assert record["header"] == {
        "identifier": f"tsc-bbiRequest-{request.pk}",
        "schema": "bbiRequest",
        "languages": ["en", "fr"],
    }
    assert record["organization"] == {"identifier": f"tsc-org-{institution.pk}"}
    assert record["contact"] == {"name": "Wanjiru Kamau", "email": "wanjiru@example.org"}
    assert record["country"] == {"identifier": "ke"}
    assert record["coverage"] == [
        {"identifier": "0938DB0F-E4BB-464F-ABBB-ADD615BE5371"},
        {"identifier": "ke"},
        {"identifier": "tz"},
    ]
    assert record["jurisdiction"] == {"identifier": "7437F880-7B12-4F26-AA91-CED37250DD0A"}
    assert record["startDate"] == "2026-03-01"
    assert record["tschub"] == {
        "urgency": "high",
        "visibility": "confidential",
        "involvesTraditionalKnowledge": True,
        "nationalPriorityReference": "NBSAP 2024 target 6",
        "workingLanguages": ["en", "fr"],
        "originalLanguage": "fr",
        "state": "draft",
    }


def test_an_offer_survives_export_and_import_field_by_field(full_offer, tmp_path):
    offer = full_offer()
    _export("bbiOpportunity", tmp_path / "offers.jsonl")
    before = stored_fields(offer)
    assert before["organisations"]
    assert before["potential_outcomes"]
    assert before["areas_benefited_regions"]
    _set_aside()

    out, _ = run("import", str(tmp_path / "offers.jsonl"))

    assert "created 1" in out
    assert stored_fields(Offer.objects.exclude(pk=offer.pk).get()) == before


def test_a_profile_survives_export_and_import_field_by_field(full_profile, tmp_path):
    profile = full_profile()
    (record,) = _export("bbiProfile", tmp_path / "profiles.jsonl")
    before = stored_fields(profile)
    _set_aside()

    out, _ = run("import", str(tmp_path / "profiles.jsonl"))

    assert "created 1" in out
    assert stored_fields(ProviderProfile.objects.exclude(pk=profile.pk).get()) == before
    assert record["tschub"]["capacity"] == 3
    assert record["tschub"]["gbfTargets"] == [{"identifier": "GBF-TARGET-20"}]
    assert record["suggestedExpertise"] == {"fr": "Barcoding ADN"}


@pytest.mark.parametrize("schema", ["bbiRequest", "bbiOpportunity", "bbiProfile"])
def test_export_import_export_gives_the_same_file(schema, full_request, full_offer, full_profile, tmp_path):
    {"bbiRequest": full_request, "bbiOpportunity": full_offer, "bbiProfile": full_profile}[schema]()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    (record,) = _export(schema, first)
    _set_aside()
    run("import", str(first))

    _export(schema, second, record["header"]["identifier"])

    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


# The knowledge hub and the organisations.


def _set_resources_aside() -> None:
    Resource.objects.update(chm_identifier=None, original_identifier="")
    UnknownTerm.objects.all().delete()


@pytest.mark.parametrize("schema", ["resource", "capacityBuildingInitiative"])
def test_a_resource_survives_export_and_import_field_by_field(
    schema, full_resource, full_initiative, tmp_path
):
    resource = (full_resource if schema == "resource" else full_initiative)()
    _export(schema, tmp_path / "resources.jsonl")
    before = stored_fields(resource)
    assert all(before[name] for name in ("organisations", "owner", "deadline", "links", "keywords"))
    _set_resources_aside()

    out, _ = run("import", str(tmp_path / "resources.jsonl"))

    assert "created 1, updated 0, unchanged 0, skipped 0" in out
    imported = Resource.objects.exclude(pk=resource.pk).get()
    assert stored_fields(imported) == {**before, "chm_identifier": f"tsc-{schema}-{resource.pk}"}
    assert imported.state == "published"


@pytest.mark.parametrize("schema", ["resource", "capacityBuildingInitiative", "organization"])
def test_export_import_export_gives_the_same_file_for_the_knowledge_hub(
    schema, full_resource, full_initiative, full_organisation, tmp_path
):
    record = {"resource": full_resource, "capacityBuildingInitiative": full_initiative}.get(schema)
    organisation = full_organisation()
    if record is not None:
        record(organisations=[organisation.pk])
        Resource.objects.update(state="published")  # what an import makes of it: tschub.state says so
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    exported = _export(schema, first)
    identifier = exported[-1]["header"]["identifier"]
    if schema == "organization":
        Organisation.objects.filter(pk=organisation.pk).delete()  # imported again, it is a new organisation
    else:
        _set_resources_aside()
    UnknownTerm.objects.all().delete()
    run("import", str(first))

    _export(
        schema,
        second,
        *([identifier] if schema != "organization" else [r["header"]["identifier"] for r in exported]),
    )

    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_an_organisation_survives_export_and_import_field_by_field(full_organisation, tmp_path):
    organisation = full_organisation()
    (record,) = [
        r
        for r in _export("organization", tmp_path / "o.jsonl")
        if r["header"]["identifier"] == f"tsc-org-{organisation.pk}"
    ]
    write_lines(tmp_path / "one.jsonl", [record])
    before = stored_fields(organisation)
    Organisation.objects.filter(pk=organisation.pk).delete()

    out, _ = run("import", str(tmp_path / "one.jsonl"))

    assert "created 1" in out
    imported = Organisation.objects.latest("pk")
    assert stored_fields(imported) == before
    assert ExternalReference.objects.get(chm_identifier=f"tsc-org-{organisation.pk}").object_id == imported.pk


def test_a_chm_record_imported_exported_and_imported_again_is_stored_the_same(
    institution, resource_types, tmp_path
):
    link_organisation(chm_identifier="ORG-GUID", organisation_id=institution.pk)
    chm = write_lines(
        tmp_path / "chm.jsonl",
        [chm_resource("VLR-1", "ORG-GUID@1", "UNKNOWN@2"), chm_initiative("CBI-1", "ORG-GUID@1")],
    )
    run("import", str(chm))
    before = {resource.chm_identifier: stored_fields(resource) for resource in Resource.objects.all()}
    kept = sorted(UnknownTerm.objects.values_list("record_type", "field", "identifier"))
    for schema in ("resource", "capacityBuildingInitiative"):
        _export(schema, tmp_path / f"{schema}.jsonl")
    _set_resources_aside()

    for schema in ("resource", "capacityBuildingInitiative"):
        run("import", str(tmp_path / f"{schema}.jsonl"))

    after = {
        resource.chm_identifier: stored_fields(resource)
        for resource in Resource.objects.exclude(chm_identifier=None)
    }
    assert after == before
    assert sorted(UnknownTerm.objects.values_list("record_type", "field", "identifier")) == kept
    assert before["VLR-1"]["source"] == "chm"
