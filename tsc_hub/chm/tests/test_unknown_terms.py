"""Values tsc-hub does not know are kept, not dropped: they survive export → import → export."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.chm.models import UnknownTerm
from tsc_hub.chm.services import export_records, import_records
from tsc_hub.chm.tests.conftest import OTHER, chm_request, run, write_lines
from tsc_hub.offers.models import Offer, ProviderProfile

pytestmark = pytest.mark.django_db

EASTERN_AFRICA = "0938DB0F-E4BB-464F-ABBB-ADD615BE5371"
CITIZEN_SCIENCE = {"en": "Citizen science", "fr": "Science participative"}


def _request_with_unknowns(organisation: str) -> dict:
    return chm_request(
        "bbiRequest-UNKNOWN",
        organisation,
        coverage=[
            {"identifier": "ke"},
            {"identifier": EASTERN_AFRICA},
            {"identifier": "us"},  # not a Party to the Convention
            {"identifier": "00000000-0000-0000-0000-000000000000"},
        ],
        assistanceTypes=[
            {"identifier": "TSC-ASSIST-TRAINING"},
            {"identifier": "CHM-ASSIST-NEW"},
            {"identifier": OTHER, "customValue": CITIZEN_SCIENCE},
        ],
        aichiTargets=[{"identifier": "AICHI-TARGET-09"}],
        otherGovernments=[{"identifier": "tz"}],
        jurisdiction={"identifier": OTHER, "customValue": {"en": "Transboundary basin"}},
    )


def _reimport(path: Path) -> None:
    """Import `path` into a fresh state: the records it came from are set aside first."""
    for model in (AssistanceRequest, Offer, ProviderProfile):
        model.objects.update(chm_identifier=None)
    UnknownTerm.objects.all().delete()
    import_records(path=path)


def test_unknown_terms_of_a_request_are_kept_and_written_back(institution, tmp_path):
    path = write_lines(tmp_path / "chm.jsonl", [_request_with_unknowns(f"tsc-org-{institution.pk}")])
    import_records(path=path)

    request = AssistanceRequest.objects.get()
    kept = set(UnknownTerm.objects.values_list("field", "identifier"))
    assert kept == {
        ("coverage", "us"),
        ("coverage", "00000000-0000-0000-0000-000000000000"),
        ("assistanceTypes", "CHM-ASSIST-NEW"),
        ("assistanceTypes", OTHER),
        ("aichiTargets", "AICHI-TARGET-09"),
        ("otherGovernments", "tz"),
        ("jurisdiction", OTHER),
        ("contact", "CONTACT-1@2"),
    }
    assert list(request.assistance_types.values_list("identifier", flat=True)) == ["TSC-ASSIST-TRAINING"]
    assert request.coverage_regions.get().identifier == EASTERN_AFRICA
    assert request.jurisdiction is None

    (record,) = export_records(schema="bbiRequest").records
    assert record["assistanceTypes"] == [
        {"identifier": OTHER, "customValue": CITIZEN_SCIENCE},
        {"identifier": "CHM-ASSIST-NEW"},
        {"identifier": "TSC-ASSIST-TRAINING"},
    ]
    assert {term["identifier"] for term in record["coverage"]} == {
        "ke",
        "us",
        EASTERN_AFRICA,
        "00000000-0000-0000-0000-000000000000",
    }
    assert record["jurisdiction"] == {"identifier": OTHER, "customValue": {"en": "Transboundary basin"}}
    assert record["aichiTargets"] == [{"identifier": "AICHI-TARGET-09"}]
    assert record["contact"]["identifier"] == "CONTACT-1@2"


@pytest.mark.parametrize("schema", ["bbiRequest", "bbiOpportunity", "bbiProfile"])
def test_unknown_terms_survive_export_import_export(schema, institution, tmp_path):
    organisation = f"tsc-org-{institution.pk}"
    records = {
        "bbiRequest": _request_with_unknowns(organisation),
        "bbiOpportunity": _offer_with_unknowns(organisation),
        "bbiProfile": _profile_with_unknowns(organisation),
    }
    import_records(path=write_lines(tmp_path / "chm.jsonl", [records[schema]]))
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    run("export", "--schema", schema, "--output", str(first))

    _reimport(first)
    run("export", "--schema", schema, "--output", str(second), "--identifier", f"{schema}-UNKNOWN")

    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert OTHER in first.read_text(encoding="utf-8")
    assert UnknownTerm.objects.filter(record_type=schema, identifier=OTHER).exists()


def _offer_with_unknowns(organisation: str) -> dict:
    return {
        "header": {"identifier": "bbiOpportunity-UNKNOWN", "schema": "bbiOpportunity", "languages": ["en"]},
        "primaryOrganization": {"identifier": organisation},
        "organizations": [{"identifier": "PARTNER-NOT-HERE@4"}],
        "contact": {"name": "Ana Gómez", "email": "ana@example.org"},
        "title": {"en": "Marine spatial planning course"},
        "description": {"en": "Online, ten weeks."},
        "areasBenifited": [{"identifier": "co"}, {"identifier": "pr"}],
        "assistanceTypes": [{"identifier": "TSC-ASSIST-TRAINING"}, {"identifier": "CHM-NEW-TYPE"}],
        "eligibility": {"en": "Planners of coastal Parties."},
        "applicationProcess": {"en": "Apply online."},
        "primaryBeneficiaries": [{"identifier": OTHER, "customValue": {"en": "Fishers"}}],
        "aichiTargets": [{"identifier": "AICHI-TARGET-11"}],
    }


def _profile_with_unknowns(organisation: str) -> dict:
    return {
        "header": {"identifier": "bbiProfile-UNKNOWN", "schema": "bbiProfile", "languages": ["fr"]},
        "title": {"fr": "Appui en taxonomie"},
        "coverageAreas": [{"identifier": "sn"}, {"identifier": "NOT-A-REGION"}],
        "cbdSubjects": [
            {"identifier": "CBD-SUBJECT-TAXONOMY"},
            {"identifier": "CBD-SUBJECT-RETIRED"},
            {"identifier": OTHER, "customValue": {"fr": "Ethnobotanique"}},
        ],
        "assistanceTypes": [{"identifier": "TSC-ASSIST-TRAINING"}],
        "organization": {"identifier": organisation},
        "contact": {"identifier": "CONTACT-9@1", "name": "Awa Diop", "email": "awa@example.org"},
        "tschub": {"gbfTargets": [{"identifier": "GBF-TARGET-20"}, {"identifier": "GBF-TARGET-24"}]},
    }


def test_unknown_partner_references_of_an_offer_are_kept(institution, tmp_path):
    import_records(
        path=write_lines(tmp_path / "o.jsonl", [_offer_with_unknowns(f"tsc-org-{institution.pk}")])
    )

    offer = Offer.objects.get()
    assert not offer.organisations.exists()
    (record,) = export_records(schema="bbiOpportunity").records
    assert record["organizations"] == [{"identifier": "PARTNER-NOT-HERE@4"}]
    assert record["areasBenifited"] == [{"identifier": "co"}, {"identifier": "pr"}]  # Puerto Rico: kept
    assert "identifier" not in record["contact"]  # no CHM contact record came with it
