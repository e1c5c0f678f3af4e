"""Export → import into a fresh state gives back every stored field, for each schema.

"Fresh" here: the exported records are set aside (their chm_identifier cleared, their kept terms removed)
rather than deleted, so that the import creates new records from the file alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services.drafting import snapshot
from tsc_hub.chm.models import UnknownTerm
from tsc_hub.chm.tests.conftest import read_lines, run, stored_fields
from tsc_hub.core.models import AuditEvent
from tsc_hub.offers.models import Offer, ProviderProfile

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
