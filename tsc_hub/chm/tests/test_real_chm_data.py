"""Records built from the CBD Secretariat's own identifiers (../shared/data/cbd-chm) are understood."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.chm.models import UnknownTerm
from tsc_hub.chm.services import export_records, import_records
from tsc_hub.chm.tests.conftest import chm_request, write_lines
from tsc_hub.offers.models import ProviderProfile

pytestmark = pytest.mark.django_db

EASTERN_AFRICA = "0938DB0F-E4BB-464F-ABBB-ADD615BE5371"


def _thesaurus(chm_data: Path) -> dict[str, Any]:
    return json.loads((chm_data / "thesaurus-identifiers.json").read_text(encoding="utf-8"))


def _gbf_targets(chm_data: Path) -> list[str]:
    return [term["identifier"] for term in json.loads((chm_data / "gbf-targets.json").read_text("utf-8"))]


def test_real_region_gbf_target_jurisdiction_and_other_terms(chm_data, institution, tmp_path):
    thesaurus = _thesaurus(chm_data)
    assert thesaurus["regions"][EASTERN_AFRICA] == "Africa - Eastern Africa"
    national = next(
        ident for ident, label in thesaurus["jurisdictions"].items() if label.startswith("National")
    )
    (other,) = thesaurus["other_term"]
    targets = _gbf_targets(chm_data)
    record = chm_request(
        "REQ-REAL",
        f"tsc-org-{institution.pk}",
        coverage=[{"identifier": EASTERN_AFRICA}, {"identifier": "ke"}],
        gbfTargets=[{"identifier": identifier} for identifier in targets],
        cbdSubjects=[
            {"identifier": "CBD-SUBJECT-MAR"},
            {"identifier": other, "customValue": {"en": "Seagrass"}},
        ],
        jurisdiction={"identifier": national},
    )

    import_records(path=write_lines(tmp_path / "r.jsonl", [record]))

    request = AssistanceRequest.objects.get()
    assert list(request.coverage_regions.values_list("identifier", flat=True)) == [EASTERN_AFRICA]
    assert "ke" in request.coverage_regions.get().members.values_list("code", flat=True)
    assert sorted(request.gbf_targets.values_list("identifier", flat=True)) == sorted(targets)
    assert len(targets) == 23
    assert request.jurisdiction.identifier == national
    assert UnknownTerm.objects.filter(field="cbdSubjects").get().custom_value == {"en": "Seagrass"}
    (exported,) = export_records(schema="bbiRequest").records
    assert exported["coverage"] == [{"identifier": EASTERN_AFRICA}, {"identifier": "ke"}]
    assert [term["identifier"] for term in exported["gbfTargets"]] == sorted(targets)


def test_every_chm_region_and_cbd_subject_is_known(chm_data, institution, tmp_path):
    thesaurus = _thesaurus(chm_data)
    subjects = list(thesaurus["cbd_subjects"])[:3]
    record = {
        "header": {"identifier": "PROFILE-REAL", "schema": "bbiProfile", "languages": ["en"]},
        "title": {"en": "Regional taxonomy support"},
        "coverageAreas": [{"identifier": identifier} for identifier in thesaurus["regions"]],
        "cbdSubjects": [{"identifier": identifier} for identifier in subjects],
        "assistanceTypes": [{"identifier": "TSC-ASSIST-TRAINING"}],
        "organization": {"identifier": f"tsc-org-{institution.pk}"},
        "contact": {"name": "Awa Diop", "email": "awa@example.org"},
    }

    import_records(path=write_lines(tmp_path / "p.jsonl", [record]))

    profile = ProviderProfile.objects.get()
    assert profile.coverage_regions.count() == len(thesaurus["regions"])
    assert sorted(profile.cbd_subjects.values_list("identifier", flat=True)) == sorted(subjects)
    assert not UnknownTerm.objects.exists()
