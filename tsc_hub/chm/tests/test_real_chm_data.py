"""The CBD Secretariat's own files (../shared/data/cbd-chm): its thesaurus files are imported, and records
built from its identifiers are understood.

The shared files hold thesaurus terms, no records: the records here are written by hand in the CHM's shape
(the README's field names), with the real identifiers.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.chm.models import UnknownTerm
from tsc_hub.chm.services import export_records, import_records
from tsc_hub.chm.tests.conftest import (
    chm_initiative,
    chm_organization,
    chm_request,
    chm_resource,
    run,
    write_lines,
)
from tsc_hub.knowledge.models import Resource
from tsc_hub.offers.models import ProviderProfile
from tsc_hub.vocabularies.models import Term

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


# The shared files hold thesaurus terms: `tsc-hub vocab import-chm` reads every one of them.


def _vocab(*args: str) -> str:
    out = StringIO()
    call_command("vocab", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "vocabulary", "group"),
    [
        ("gbf-targets.json", "GBF-TARGETS", None),
        ("gbf-goals.json", "GBF-GOALS", None),
        ("thesaurus-identifiers.json", "ORGANIZATION-TYPES", "organization_types"),
        ("thesaurus-identifiers.json", "JURISDICTIONS", "jurisdictions"),
        ("thesaurus-identifiers.json", "CBD-SUBJECTS", "cbd_subjects"),
    ],
)
def test_vocab_import_chm_reads_every_real_thesaurus_file(chm_data, name, vocabulary, group):
    content = json.loads((chm_data / name).read_text(encoding="utf-8"))
    labels = {term["identifier"]: term["name"] for term in content} if group is None else content[group]

    first = _vocab("import-chm", str(chm_data / name), "--vocabulary", vocabulary)
    second = _vocab("import-chm", str(chm_data / name), "--vocabulary", vocabulary)

    assert first.startswith(f"{vocabulary}: created ")
    assert f"created 0, updated 0, unchanged {len(labels)}" in second
    terms = {term.identifier: term for term in Term.objects.in_vocabulary(vocabulary)}
    assert set(labels) <= set(terms)
    if group is not None:  # English labels only: the other languages are kept
        identifier, label = next(iter(labels.items()))
        assert terms[identifier].labels["en"] == label


def test_a_grouped_file_needs_a_vocabulary_named_after_a_group(chm_data):
    with pytest.raises(CommandError, match=r"groups terms by domain .*organization_types"):
        _vocab("import-chm", str(chm_data / "thesaurus-identifiers.json"), "--vocabulary", "TOPICS")


@pytest.mark.parametrize("name", ["gbf-targets.json", "gbf-goals.json", "thesaurus-identifiers.json"])
def test_chm_import_of_a_thesaurus_file_says_which_command_reads_it(chm_data, name):
    with pytest.raises(CommandError, match=f"{name} holds CHM thesaurus terms, not records"):
        run("import", str(chm_data / name))


# Records of the knowledge hub and organisations, built from the Secretariat's own identifiers.


def _organizations(thesaurus: dict[str, Any]) -> list[dict[str, Any]]:
    """One organization record per real organisation type."""
    return [
        chm_organization(f"ORG-REAL-{number}", organizationType={"identifier": identifier})
        for number, identifier in enumerate(thesaurus["organization_types"], start=1)
    ]


def test_real_identifiers_in_resources_initiatives_and_organizations(chm_data, tmp_path):
    thesaurus = _thesaurus(chm_data)
    targets = _gbf_targets(chm_data)
    organizations = _organizations(thesaurus)
    references = [f"{record['header']['identifier']}@1" for record in organizations]
    (other,) = thesaurus["other_term"]
    national = next(
        ident for ident, label in thesaurus["jurisdictions"].items() if label.startswith("National")
    )
    resource = chm_resource(
        "VLR-REAL",
        *references,
        countryRegions=[{"identifier": identifier} for identifier in thesaurus["regions"]],
        gbfTargets=[{"identifier": identifier} for identifier in targets],
        cbdSubjects=[{"identifier": identifier} for identifier in list(thesaurus["cbd_subjects"])[:5]],
        resourceTypes=[{"identifier": other, "customValue": {"en": "Case study"}}],
    )
    initiative = chm_initiative("CBI-REAL", *references[:2], geographicScope={"identifier": national})
    path = write_lines(tmp_path / "real.jsonl", [resource, initiative, *organizations])

    report = import_records(path=path)

    assert len(report.created) == 2 + len(thesaurus["organization_types"])
    stored = Resource.objects.get(chm_identifier="VLR-REAL")
    assert stored.kind == "case_study"
    assert stored.regions.count() == len(thesaurus["regions"])
    assert stored.gbf_targets.count() == len(targets) == 23
    assert stored.organisations.count() == len(thesaurus["organization_types"])
    types = set(stored.organisations.values_list("organisation_type__identifier", flat=True))
    assert types == set(thesaurus["organization_types"])
    assert UnknownTerm.objects.get(record_type="resource", field="resourceTypes").custom_value == {
        "en": "Case study"
    }
    assert UnknownTerm.objects.get(field="geographicScope").identifier == national
    again = import_records(path=path)
    assert (again.created, again.updated) == ([], [])
