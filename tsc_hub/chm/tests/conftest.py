"""Fixtures of the CHM exchange tests: records with every field filled, CHM records, running the command."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import models

from tsc_hub.assistance.tests.factories import make_request
from tsc_hub.knowledge.services import create_resource
from tsc_hub.knowledge.tests.factories import resource_data
from tsc_hub.offers.services import create_offer, create_profile
from tsc_hub.offers.tests.factories import EASTERN_AFRICA, offer_data, profile_data
from tsc_hub.organisations.services import OrganisationData, create_organisation
from tsc_hub.organisations.tests.factories import OrganisationFactory
from tsc_hub.vocabularies.services import import_chm_terms

# The CHM files the Secretariat publishes, kept beside the project (never shipped with it).
CHM_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "cbd-chm"
OTHER = "5B6177DD-5E5E-434E-8CB7-D63D67D5EBED"
NATIONAL = "7437F880-7B12-4F26-AA91-CED37250DD0A"  # jurisdiction "National / Federal"
# Columns that are not content: they belong to the record's life in this database.
NOT_CONTENT = {
    "id",
    "version",
    "state",
    "state_changed_at",
    "published_at",
    "created_by",
    "created_at",
    "updated_at",
}
ACADEMIC = "86D464C3-B5BB-4B02-85E4-1AAD8D64CD27"  # organisation type "Academic or research institute"
# Resource types of a RESOURCE-TYPES vocabulary made for the tests (identifiers of our own, CHM-shaped).
CASE_STUDIES, TRAINING_MATERIAL, DATABASES, VIDEOS = (
    "RT-CASE-STUDIES",
    "RT-TRAINING",
    "RT-DATABASES",
    "RT-VIDEO",
)


@pytest.fixture
def chm_data() -> Path:
    """The folder of real CHM files; the test is skipped when it is absent."""
    if not CHM_DATA.is_dir():
        pytest.skip(f"the real CHM files are not at {CHM_DATA}")
    return CHM_DATA


def stored_fields(record: models.Model) -> dict[str, Any]:
    """Every stored field of a record (relations as sorted keys), except its id, state and timestamps."""
    record.refresh_from_db()
    values: dict[str, Any] = {}
    for field in record._meta.get_fields():
        if field.name in NOT_CONTENT or field.auto_created:
            continue
        if field.many_to_many:
            values[field.name] = sorted(str(item.pk) for item in getattr(record, field.name).all())
        elif field.concrete:
            values[field.name] = field.value_from_object(record)
    return values


def run(*args: str) -> tuple[str, str]:
    """Run `tsc-hub chm ...`; its standard output and error."""
    out, err = StringIO(), StringIO()
    call_command("chm", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write_lines(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def full_request(institution: Any) -> Callable[..., Any]:
    """A request with every field the services store filled in."""

    def make(**changes: Any) -> Any:
        values: dict[str, Any] = {
            "organisation": institution,
            "objectives": {"en": "Train 20 technicians", "fr": "Former 20 techniciens"},
            "types_details": {"fr": "Deux ateliers"},
            "existing_initiatives": {"en": "A national barcode library"},
            "co_financing": {"en": "USD 10,000 from the ministry"},
            "assistance_types": ["TSC-ASSIST-TRAINING", "TSC-ASSIST-DATA-TOOLS"],
            "gbf_targets": ["GBF-TARGET-06", "GBF-TARGET-20"],
            "cbd_subjects": ["CBD-SUBJECT-IAS", "CBD-SUBJECT-TAXONOMY"],
            "beneficiary_types": ["TSC-BENEFICIARY-GOVERNMENTS", "TSC-BENEFICIARY-ACADEMIA"],
            "coverage_parties": ["ke", "tz"],
            "coverage_regions": [EASTERN_AFRICA],
            "jurisdiction": NATIONAL,
            "start_date": datetime.date(2026, 3, 1),
            "end_date": datetime.date(2026, 9, 30),
            "urgency": "high",
            "visibility": "confidential",
            "involves_traditional_knowledge": True,
            "working_languages": ["en", "fr"],
        }
        values.update(changes)
        return make_request(**values)

    return make


@pytest.fixture
def full_offer(institution: Any) -> Callable[..., Any]:
    """An offer with every field the services store filled in, with a partner."""

    def make(**changes: Any) -> Any:
        values: dict[str, Any] = {
            "organisations": [OrganisationFactory().pk],
            "potential_outcomes": {"es": "Herbarios con capacidad de secuenciación"},
            "areas_benefited_regions": [EASTERN_AFRICA],
            "primary_beneficiaries": ["TSC-BENEFICIARY-ACADEMIA", "TSC-BENEFICIARY-NGO"],
            "gbf_targets": ["GBF-TARGET-20", "GBF-TARGET-21"],
        }
        values.update(changes)
        return create_offer(data=offer_data(institution, **values), by=None)

    return make


@pytest.fixture
def full_profile(institution: Any) -> Callable[..., Any]:
    """A profile with every field the services store filled in."""

    def make(**changes: Any) -> Any:
        values: dict[str, Any] = {
            "assistance_types_free": {"fr": "Accueil de stagiaires"},
            "collaboration_areas": {"en": "Herbarium digitisation"},
        }
        values.update(changes)
        return create_profile(data=profile_data(institution, **values), by=None)

    return make


def chm_request(identifier: str, organisation: str, **changes: Any) -> dict[str, Any]:
    """A bbiRequest as the CHM writes it: no "tschub", a contact record, a website we do not keep."""
    record: dict[str, Any] = {
        "header": {"identifier": identifier, "schema": "bbiRequest", "languages": ["en"]},
        "organization": {"identifier": organisation},
        "contact": {"identifier": "CONTACT-1@2", "name": "Amina Odhiambo", "email": "amina@example.org"},
        "country": {"identifier": "ke"},
        "coverage": [{"identifier": "ke"}],
        "title": {"en": f"Seagrass mapping {identifier}"},
        "problem": {"en": "No map of seagrass meadows exists."},
        "addressedPriorities": {"en": "National target 3: protected areas\nand more"},
        "assistanceTypes": [{"identifier": "TSC-ASSIST-DATA-TOOLS"}],
        "cbdSubjects": [{"identifier": "CBD-SUBJECT-MAR"}],
        "gbfTargets": [{"identifier": "GBF-TARGET-03"}],
        "websites": [{"url": "https://example.org", "name": "Project"}],
    }
    record.update(changes)
    return record


@pytest.fixture
def resource_types(db: Any) -> None:
    """A RESOURCE-TYPES vocabulary in the shape of the CHM thesaurus, imported as `vocab import-chm` does."""
    terms = [
        {"identifier": CASE_STUDIES, "title": {"en": "Case studies and success stories"}},
        {"identifier": TRAINING_MATERIAL, "title": {"en": "Training material and e-learning"}},
        {"identifier": DATABASES, "title": {"en": "Databases"}},
        {"identifier": VIDEOS, "title": {"en": "Video"}},
    ]
    import_chm_terms(path_or_data=terms, vocabulary="RESOURCE-TYPES")


@pytest.fixture
def full_resource(institution: Any) -> Callable[..., Any]:
    """A resource with every field the knowledge services store filled in, with a partner."""

    def make(**changes: Any) -> Any:
        values: dict[str, Any] = {
            "kind": "training",
            "organisations": [OrganisationFactory().pk],
            "start_date": datetime.date(2026, 2, 1),
            "end_date": datetime.date(2026, 2, 28),
            "deadline": datetime.date(2026, 1, 15),
            "links": [
                {"url": "https://example.org/banques.pdf", "name": "Rapport", "language": "fr"},
                {"url": "https://example.org/seed-banks", "name": "", "language": ""},
            ],
        }
        values.update(changes)
        return create_resource(data=resource_data(institution, **values), by=None)

    return make


@pytest.fixture
def full_initiative(full_resource: Callable[..., Any]) -> Callable[..., Any]:
    def make(**changes: Any) -> Any:
        return full_resource(**{"kind": "capacity_initiative", **changes})

    return make


@pytest.fixture
def full_organisation(kenya: Any) -> Callable[..., Any]:
    """An organisation with every field the organisations services store filled in."""

    def make(**changes: Any) -> Any:
        values: dict[str, Any] = {
            "names": {"en": "Kenya Marine Institute", "fr": "Institut marin du Kenya"},
            "organisation_type": ACADEMIC,
            "country": "ke",
            "acronym": "KMI",
            "city": "Mombasa",
            "websites": ["https://kmi.example.org", "https://kmi.example.org/fr"],
            "emails": ["info@kmi.example.org"],
            "descriptions": {"en": "Research on seagrass and corals."},
            "operational_languages": ["en", "fr"],
            "operational_regions": [EASTERN_AFRICA],
            "gbf_targets": ["GBF-TARGET-03", "GBF-TARGET-20"],
            "original_language": "en",
        }
        values.update(changes)
        return create_organisation(data=OrganisationData(**values), by=None)

    return make


def chm_resource(identifier: str, *organizations: str, **changes: Any) -> dict[str, Any]:
    """A `resource` as the CHM writes it (virtual library record): no "tschub", fields we do not keep."""
    record: dict[str, Any] = {
        "header": {"identifier": identifier, "schema": "resource", "languages": ["en", "fr"]},
        "title": {"en": f"Seagrass field guide {identifier}", "fr": "Guide de terrain des herbiers"},
        "resourceTypes": [{"identifier": CASE_STUDIES}],
        "authors": {"en": "Amina Odhiambo; Jean Dupont"},
        "organizations": [{"identifier": reference} for reference in organizations],
        "publisher": {"en": "Western Indian Ocean Seagrass Network"},
        "publicationDate": "2024-12-05",
        "rights": {"en": "CC BY 4.0"},
        "resourceLinks": [
            {"url": "https://example.org/seagrass-guide.pdf", "name": "Guide", "language": "en"},
            {"url": f"/api/v2013/documents/{identifier}/attachments/1/guide-fr.pdf", "language": "fr"},
        ],
        "summary": {"en": "How to map seagrass meadows with drones.", "fr": "Cartographier les herbiers."},
        "countryRegions": [{"identifier": "ke"}, {"identifier": EASTERN_AFRICA}],
        "gbfTargets": [{"identifier": "GBF-TARGET-03"}, {"identifier": "GBF-TARGET-21"}],
        "aichiTargets": [{"identifier": "AICHI-TARGET-11"}],
        "cbdSubjects": [{"identifier": "CBD-SUBJECT-MAR"}],
        "tags": [{"en": "seagrass"}, {"en": "drones"}],
    }
    record.update(changes)
    return record


def chm_initiative(identifier: str, *agencies: str, **changes: Any) -> dict[str, Any]:
    """A `capacityBuildingInitiative` as the CHM writes it: contacts, status, budget we do not model."""
    record: dict[str, Any] = {
        "header": {"identifier": identifier, "schema": "capacityBuildingInitiative", "languages": ["en"]},
        "title": {"en": f"Seagrass monitoring school {identifier}"},
        "projectNumber": {"en": "WIO-42"},
        "projectDocument": [{"url": "https://example.org/wio-42", "name": "Project page", "language": "en"}],
        "contacts": [{"identifier": "CONTACT-7@1"}],
        "geographicScope": {"identifier": "528B1187-F1BD-4479-9FB3-ADBD9076D361"},
        "countryRegions": [{"identifier": "ke"}, {"identifier": "tz"}],
        "status": {"identifier": "73E2AC27-D964-487C-A4E6-0997BB27AF01"},
        "startDate": "2025-01-01",
        "endDate": "2026-12-31",
        "durationPeriod": 2,
        "durationText": "Years",
        "implementingAgencies": [{"identifier": reference} for reference in agencies],
        "description": {"en": "Two-year training of seagrass monitors."},
        "cbdSubjects": [{"identifier": "CBD-SUBJECT-MAR"}, {"identifier": "CBD-SUBJECT-NAP-CB"}],
        "gbfTargets": [{"identifier": "GBF-TARGET-20"}],
        "totalBudget": "250000",
        "tags": [{"en": "monitoring"}],
    }
    record.update(changes)
    return record


def chm_organization(identifier: str, **changes: Any) -> dict[str, Any]:
    """An `organization` as the CHM writes it: phones and an address we do not keep."""
    record: dict[str, Any] = {
        "header": {"identifier": identifier, "schema": "organization", "languages": ["en", "fr"]},
        "acronym": {"en": "WIOMSA"},
        "name": {
            "en": "Western Indian Ocean Marine Science Association",
            "fr": "Association des sciences marines de l'océan Indien occidental",
        },
        "contacts": [{"identifier": "CONTACT-9@2"}],
        "address": {"en": "Mizingani Street"},
        "city": {"en": "Zanzibar"},
        "country": {"identifier": "tz"},
        "phones": ["+255 24 2233472"],
        "emails": ["secretary@wiomsa.example.org"],
        "websites": [{"url": "https://wiomsa.example.org", "name": "WIOMSA"}],
        "organizationType": {"identifier": "8A265B81-3973-42ED-BB06-40ACC755E496"},
        "thematicAreas": [{"identifier": "CBD-SUBJECT-MAR"}],
        "gbfTargets": [{"identifier": "GBF-TARGET-03"}],
        "operationalLanguages": [
            {"identifier": "lang-en"},
            {"identifier": "lang-fr"},
            {"identifier": "lang-sw"},
        ],
        "operationalRegions": [{"identifier": EASTERN_AFRICA}],
        "profile": {"en": "A regional association of marine scientists."},
    }
    record.update(changes)
    return record
