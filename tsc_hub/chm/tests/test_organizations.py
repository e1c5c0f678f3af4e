"""`organization` ↔ Organisation: fields both ways, identity through the CHM links, mixed files."""

from __future__ import annotations

from typing import Any

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.chm.models import ExternalReference, UnknownTerm
from tsc_hub.chm.services import export_records, import_records, link_organisation
from tsc_hub.chm.tests.conftest import chm_organization, chm_request, chm_resource, write_lines
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.models import AuditEvent
from tsc_hub.knowledge.models import Resource
from tsc_hub.offers.tests.factories import EASTERN_AFRICA
from tsc_hub.organisations.models import Organisation

pytestmark = pytest.mark.django_db

GUID = "C7907DF4-C69A-A586-6C15-D95E3E703FFC"
NGO = "8A265B81-3973-42ED-BB06-40ACC755E496"


def _import(tmp_path: Any, *records: dict[str, Any], **options: Any) -> Any:
    return import_records(path=write_lines(tmp_path / "organizations.jsonl", list(records)), **options)


def test_a_chm_organization_is_read_field_by_field_and_linked(tmp_path):
    before = Organisation.objects.count()

    report = _import(tmp_path, chm_organization(GUID))

    assert report.created == [f"record 1 ({GUID})"]
    assert Organisation.objects.count() == before + 1
    organisation = Organisation.objects.latest("pk")
    assert organisation.names == {
        "en": "Western Indian Ocean Marine Science Association",
        "fr": "Association des sciences marines de l'océan Indien occidental",
    }
    assert (organisation.acronym, organisation.city, organisation.country_id) == ("WIOMSA", "Zanzibar", "tz")
    assert organisation.organisation_type.identifier == NGO
    assert organisation.websites == [{"url": "https://wiomsa.example.org"}]
    assert organisation.emails == ["secretary@wiomsa.example.org"]
    assert organisation.descriptions == {"en": "A regional association of marine scientists."}
    assert organisation.operational_languages == ["en", "fr"]
    assert list(organisation.operational_regions.values_list("identifier", flat=True)) == [EASTERN_AFRICA]
    assert list(organisation.gbf_targets.values_list("identifier", flat=True)) == ["GBF-TARGET-03"]
    assert organisation.original_language == "en"
    link = ExternalReference.objects.get(chm_identifier=GUID)
    assert link.object_id == organisation.pk
    assert AuditEvent.objects.filter(action="create_organisation", target_id=str(organisation.pk)).exists()
    assert AuditEvent.objects.filter(action="chm_link_organisation", target_id=str(link.pk)).exists()
    assert set(UnknownTerm.objects.values_list("field", "identifier")) == {
        ("contacts", "CONTACT-9@2"),
        ("thematicAreas", "CBD-SUBJECT-MAR"),
        ("operationalLanguages", "lang-sw"),
    }
    assert any("fields tsc-hub does not keep: address, phones" in warning for warning in report.warnings)


def test_the_export_of_a_chm_organization_gives_back_what_came(tmp_path):
    record = chm_organization(GUID)
    _import(tmp_path, record)
    organisation = Organisation.objects.latest("pk")

    (exported,) = export_records(schema="organization", identifiers=[GUID]).records

    assert exported["header"] == {"identifier": GUID, "schema": "organization", "languages": ["en", "fr"]}
    for key in (
        "acronym",
        "name",
        "contacts",
        "city",
        "country",
        "emails",
        "organizationType",
        "thematicAreas",
        "gbfTargets",
        "operationalLanguages",
        "operationalRegions",
        "profile",
    ):
        assert exported[key] == record[key], key
    assert exported["websites"] == [{"url": "https://wiomsa.example.org"}]  # tsc-hub keeps the address only
    assert exported["tschub"] == {"originalLanguage": "en"}
    assert export_records(schema="organization", identifiers=[f"tsc-org-{organisation.pk}"]).records == [
        exported
    ]


def test_importing_an_organisation_twice_changes_nothing_and_a_change_updates_it(tmp_path):
    _import(tmp_path, chm_organization(GUID))
    events = AuditEvent.objects.count()

    again = _import(tmp_path, chm_organization(GUID))
    changed = _import(tmp_path, chm_organization(f"{GUID}@2", city={"en": "Stone Town"}))

    assert again.unchanged == [f"record 1 ({GUID})"]
    assert changed.updated == [f"record 1 ({GUID}@2)"]
    assert Organisation.objects.filter(city="Stone Town").count() == 1
    event = AuditEvent.objects.filter(pk__gt=events).get(action="update_organisation")
    assert (event.actor, event.actor_label, event.changes["city"]) == (
        None,
        "system",
        ["Zanzibar", "Stone Town"],
    )


def test_a_linked_or_our_own_organisation_is_updated_not_duplicated(institution, tmp_path):
    link_organisation(chm_identifier=GUID, organisation_id=institution.pk)
    before = Organisation.objects.count()

    linked = _import(tmp_path, chm_organization(f"{GUID}@7"))
    ours = _import(tmp_path, chm_organization(f"tsc-org-{institution.pk}", acronym={"en": "WIO-MSA"}))

    assert (linked.updated, ours.updated) == (
        [f"record 1 ({GUID}@7)"],
        [f"record 1 (tsc-org-{institution.pk})"],
    )
    assert Organisation.objects.count() == before
    institution.refresh_from_db()
    assert institution.acronym == "WIO-MSA"


def test_a_mixed_file_may_name_the_organisations_it_brings(tmp_path):
    records = [
        chm_resource("VLR-1", f"{GUID}@1"),
        chm_request("REQ-1", f"{GUID}@1", country={"identifier": "tz"}, coverage=[{"identifier": "tz"}]),
        chm_organization(GUID),
    ]

    report = _import(tmp_path, *records)

    organisation = Organisation.objects.get(pk=ExternalReference.objects.get(chm_identifier=GUID).object_id)
    assert report.created == [f"record 3 ({GUID})", "record 1 (VLR-1)", "record 2 (REQ-1)"]
    assert list(Resource.objects.get().organisations.all()) == [organisation]
    assert AssistanceRequest.objects.get().organisation == organisation
    assert not any("not a known organisation" in warning for warning in report.warnings)
    again = _import(tmp_path, *records)
    assert (again.created, again.updated) == ([], [])
    assert len(again.unchanged) == 3


def test_a_skipped_organisation_leaves_references_to_it_unknown(tmp_path):
    records = [chm_resource("VLR-1", f"{GUID}@1"), chm_organization(GUID, country={"identifier": "us"})]

    report = _import(tmp_path, *records, skip_invalid=True)

    assert report.created == ["record 1 (VLR-1)"]
    assert [label for label, _ in report.skipped] == [f"record 2 ({GUID})"]
    assert "“us” is not a Party to the Convention" in report.skipped[0][1]
    assert not Resource.objects.get().organisations.exists()
    assert UnknownTerm.objects.get(field="organizations").identifier == f"{GUID}@1"
    assert any(f"organizations: “{GUID}@1” is not a known organisation" in w for w in report.warnings)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"organizationType": {"identifier": "UNKNOWN-TYPE"}},
            "organizationType: “UNKNOWN-TYPE” is not one of",
        ),
        ({"name": {"en": " "}}, "name: give a text in at least one language"),
        ({"country": None}, "country: this field is required"),
        ({"emails": "secretary@wiomsa.example.org"}, None),  # one address is read as a list of one
        ({"header": {"identifier": "X" * 101, "schema": "organization"}}, "longer than 100 characters"),
    ],
)
def test_bad_organisation_records(changes, message, tmp_path):
    record = chm_organization(GUID, **changes)
    if message is None:
        _import(tmp_path, record)
        assert Organisation.objects.latest("pk").emails == ["secretary@wiomsa.example.org"]
        return
    with pytest.raises(InvalidInput, match=message):
        _import(tmp_path, record)
    assert not ExternalReference.objects.exists()
