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
from tsc_hub.offers.services import create_offer, create_profile
from tsc_hub.offers.tests.factories import EASTERN_AFRICA, offer_data, profile_data
from tsc_hub.organisations.tests.factories import OrganisationFactory

# The CHM files the Secretariat publishes, kept beside the project (never shipped with it).
CHM_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "cbd-chm"
OTHER = "5B6177DD-5E5E-434E-8CB7-D63D67D5EBED"
NATIONAL = "7437F880-7B12-4F26-AA91-CED37250DD0A"  # jurisdiction "National / Federal"
# Columns that are not content: they belong to the record's life in this database.
NOT_CONTENT = {"id", "version", "state", "state_changed_at", "created_by", "created_at", "updated_at"}


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
