"""`resource` ↔ Resource: every field both ways, kinds from resource types, unknown values kept, re-import."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tsc_hub.chm.mapping.resources import kind_of_label
from tsc_hub.chm.models import UnknownTerm
from tsc_hub.chm.services import export_records, import_records, link_organisation
from tsc_hub.chm.tests.conftest import (
    CASE_STUDIES,
    DATABASES,
    OTHER,
    TRAINING_MATERIAL,
    VIDEOS,
    chm_resource,
    write_lines,
)
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.models import AuditEvent
from tsc_hub.knowledge.models import Resource
from tsc_hub.offers.tests.factories import EASTERN_AFRICA

pytestmark = pytest.mark.django_db

ORG_GUID = "1767A775-F4F9-B597-41AC-CE56536F28F5"


@pytest.fixture
def linked(institution: Any) -> Any:
    link_organisation(chm_identifier=f"{ORG_GUID}@2", organisation_id=institution.pk)
    return institution


def _import(tmp_path: Any, *records: dict[str, Any], **options: Any) -> Any:
    return import_records(path=write_lines(tmp_path / "resources.jsonl", list(records)), **options)


def test_a_chm_resource_is_read_field_by_field_and_published(linked, resource_types, tmp_path):
    report = _import(tmp_path, chm_resource("VLR-1", f"{ORG_GUID}@2"))

    assert report.created == ["record 1 (VLR-1)"]
    resource = Resource.objects.get()
    assert resource.kind == "case_study"
    assert resource.title == {"en": "Seagrass field guide VLR-1", "fr": "Guide de terrain des herbiers"}
    assert resource.summary == {
        "en": "How to map seagrass meadows with drones.",
        "fr": "Cartographier les herbiers.",
    }
    assert resource.authors == ["Amina Odhiambo", "Jean Dupont"]
    assert list(resource.organisations.all()) == [linked]
    assert resource.owner is None
    assert resource.publication_date == datetime.date(2024, 12, 5)
    assert resource.links == [
        {"url": "https://example.org/seagrass-guide.pdf", "name": "Guide", "language": "en"},
        {
            "url": "https://api.cbd.int/api/v2013/documents/VLR-1/attachments/1/guide-fr.pdf",
            "name": "",
            "language": "fr",
        },
    ]
    assert resource.resource_languages == ["en", "fr"]
    assert list(resource.countries.values_list("code", flat=True)) == ["ke"]
    assert list(resource.regions.values_list("identifier", flat=True)) == [EASTERN_AFRICA]
    assert sorted(resource.gbf_targets.values_list("identifier", flat=True)) == [
        "GBF-TARGET-03",
        "GBF-TARGET-21",
    ]
    assert list(resource.cbd_subjects.values_list("identifier", flat=True)) == ["CBD-SUBJECT-MAR"]
    assert resource.keywords == ["seagrass", "drones"]
    assert resource.rights == "CC BY 4.0"
    assert (resource.source, resource.original_identifier, resource.chm_identifier) == (
        "chm",
        "VLR-1",
        "VLR-1",
    )
    assert resource.harvested_at is not None
    assert resource.original_language == "en"
    # From the CHM, where it is public already: published at once, by the system.
    assert (resource.state, resource.created_by) == ("published", None)
    assert resource.published_at is not None
    kept = set(UnknownTerm.objects.values_list("field", "identifier"))
    assert kept == {("resourceTypes", CASE_STUDIES), ("aichiTargets", "AICHI-TARGET-11")}
    assert any("fields tsc-hub does not keep: publisher" in warning for warning in report.warnings)


def test_the_export_of_a_chm_resource_gives_back_what_came(linked, resource_types, tmp_path):
    record = chm_resource("VLR-1", f"{ORG_GUID}@2")
    _import(tmp_path, record)

    (exported,) = export_records(schema="resource").records

    assert exported["header"] == {"identifier": "VLR-1", "schema": "resource", "languages": ["en", "fr"]}
    for key in (
        "title",
        "resourceTypes",
        "authors",
        "publicationDate",
        "rights",
        "summary",
        "cbdSubjects",
        "tags",
    ):
        assert exported[key] == record[key], key
    assert exported["organizations"] == [{"identifier": ORG_GUID}]  # the link, without its revision
    assert exported["countryRegions"] == [{"identifier": EASTERN_AFRICA}, {"identifier": "ke"}]
    assert exported["aichiTargets"] == [{"identifier": "AICHI-TARGET-11"}]
    assert exported["resourceLinks"][1] == {
        "url": "https://api.cbd.int/api/v2013/documents/VLR-1/attachments/1/guide-fr.pdf",
        "language": "fr",
    }
    assert "publisher" not in exported
    own = exported["tschub"]
    assert (own["kind"], own["originalLanguage"], own["state"]) == ("case_study", "en", "published")
    assert own["provenance"]["source"] == "chm"
    assert own["provenance"]["originalIdentifier"] == "VLR-1"
    assert "resourceLanguages" not in own  # the links say them
    assert "owner" not in own


def test_importing_the_same_resources_twice_changes_nothing(linked, resource_types, tmp_path):
    records = [chm_resource("VLR-1", f"{ORG_GUID}@2"), chm_resource("VLR-2", "UNKNOWN-ORG@1")]
    _import(tmp_path, *records)
    events, versions = AuditEvent.objects.count(), list(Resource.objects.values_list("version", flat=True))

    again = _import(tmp_path, *records)

    assert again.unchanged == ["record 1 (VLR-1)", "record 2 (VLR-2)"]
    assert (again.created, again.updated) == ([], [])
    assert Resource.objects.count() == 2
    assert AuditEvent.objects.count() == events
    assert list(Resource.objects.values_list("version", flat=True)) == versions


def test_a_changed_resource_is_updated_and_keeps_its_state(linked, resource_types, tmp_path):
    _import(tmp_path, chm_resource("VLR-1", f"{ORG_GUID}@2"))
    Resource.objects.update(state="withdrawn")

    report = _import(tmp_path, chm_resource("VLR-1", f"{ORG_GUID}@2", title={"en": "Seagrass atlas"}))

    resource = Resource.objects.get()
    assert report.updated == ["record 1 (VLR-1)"]
    assert (resource.title, resource.version, resource.state) == ({"en": "Seagrass atlas"}, 2, "withdrawn")
    assert resource.revisions.count() == 2


@pytest.mark.parametrize(
    ("types", "kind"),
    [
        ([{"identifier": CASE_STUDIES}], "case_study"),
        ([{"identifier": VIDEOS}, {"identifier": TRAINING_MATERIAL}], "training"),
        ([{"identifier": DATABASES}], "dataset"),
        ([{"identifier": OTHER, "customValue": {"en": "Incubator programme"}}], "incubator"),
    ],
)
def test_the_kind_comes_from_the_label_of_a_resource_type(types, kind, resource_types, tmp_path):
    report = _import(tmp_path, chm_resource("VLR-1", resourceTypes=types))

    assert Resource.objects.get().kind == kind
    assert not any("resourceTypes" in warning for warning in report.warnings)


def test_an_unknown_resource_type_is_a_publication_with_a_warning_and_is_written_back(
    resource_types, tmp_path
):
    types = [{"identifier": VIDEOS}, {"identifier": "9CE792CC-B1A7-47C7-8EED-D0E2CC18B00C"}]
    report = _import(tmp_path, chm_resource("VLR-1", resourceTypes=types))

    assert Resource.objects.get().kind == "publication"
    (warning,) = [warning for warning in report.warnings if "resourceTypes" in warning]
    assert "no type says which kind" in warning
    assert VIDEOS in warning
    assert warning.endswith("filed as “publication”")
    (exported,) = export_records(schema="resource").records
    assert exported["resourceTypes"] == sorted(types, key=lambda term: term["identifier"])
    assert exported["tschub"]["kind"] == "publication"


def test_without_the_resource_types_vocabulary_a_type_says_nothing(tmp_path):
    report = _import(tmp_path, chm_resource("VLR-1"))

    assert Resource.objects.get().kind == "publication"
    assert any(f"no type says which kind of resource this is ({CASE_STUDIES})" in w for w in report.warnings)


def test_our_kind_wins_over_the_resource_types(resource_types, tmp_path):
    _import(tmp_path, chm_resource("VLR-1", tschub={"kind": "technology"}))

    assert Resource.objects.get().kind == "technology"


def test_unknown_organisations_are_warnings_kept_and_written_back(linked, tmp_path):
    record = chm_resource("VLR-1", f"{ORG_GUID}@2", "52000000CBD0120000009999@4")

    report = _import(tmp_path, record)

    resource = Resource.objects.get()
    assert list(resource.organisations.all()) == [linked]
    assert any(
        "organizations: “52000000CBD0120000009999@4” is not a known organisation" in warning
        and "tsc-hub chm link-organisation 52000000CBD0120000009999 PK" in warning
        for warning in report.warnings
    )
    (exported,) = export_records(schema="resource").records
    assert exported["organizations"] == [
        {"identifier": ORG_GUID},
        {"identifier": "52000000CBD0120000009999@4"},
    ]


@pytest.mark.parametrize(
    ("given", "day", "warned"),
    [
        ("2024-12", datetime.date(2024, 12, 1), True),
        ("2024", datetime.date(2024, 1, 1), True),
        ({"en": "2024-12"}, datetime.date(2024, 12, 1), True),  # the CHM declares it an lstring
        ("2024-12-05T00:00:00.000Z", datetime.date(2024, 12, 5), False),
    ],
)
def test_a_year_or_a_month_is_read_as_its_first_day_with_a_warning(given, day, warned, tmp_path):
    report = _import(tmp_path, chm_resource("VLR-1", publicationDate=given))

    assert Resource.objects.get().publication_date == day
    assert any(f"kept as {day.isoformat()}" in warning for warning in report.warnings) == warned


def test_a_publication_date_that_is_no_date_is_a_problem(tmp_path):
    with pytest.raises(InvalidInput, match="publicationDate: “soon” is not a date like 2025-01-31"):
        _import(tmp_path, chm_resource("VLR-1", publicationDate="soon"))


def test_authors_may_come_as_a_list_and_other_languages_are_named(tmp_path):
    report = _import(
        tmp_path,
        chm_resource("VLR-1", authors=["Amina Odhiambo", " Jean Dupont "]),
        chm_resource("VLR-2", rights={"en": "CC BY 4.0", "fr": "CC BY 4.0 (français)"}),
    )

    assert Resource.objects.get(chm_identifier="VLR-1").authors == ["Amina Odhiambo", "Jean Dupont"]
    assert Resource.objects.get(chm_identifier="VLR-2").rights == "CC BY 4.0"
    assert any("rights: tsc-hub keeps one text; kept the “en” one" in warning for warning in report.warnings)


def test_our_own_fields_travel_under_tschub(full_resource, institution):
    resource = full_resource(authors=["Diop; Awa", "Ana Gómez"], resource_languages=["fr", "wo"])

    (record,) = export_records(schema="resource").records

    assert record["header"]["identifier"] == f"tsc-resource-{resource.pk}"
    assert record["authors"] == {"fr": "Diop; Awa; Ana Gómez"}
    assert record["tschub"]["authors"] == ["Diop; Awa", "Ana Gómez"]  # the text alone would not say them
    assert record["tschub"]["owner"] == {"identifier": f"tsc-org-{institution.pk}"}
    assert {"identifier": f"tsc-org-{institution.pk}"} in record["organizations"]  # the owner is one of them
    assert record["tschub"]["resourceLanguages"] == ["fr", "wo"]
    assert (record["tschub"]["startDate"], record["tschub"]["deadline"]) == ("2026-02-01", "2026-01-15")
    assert record["tschub"]["provenance"] == {
        "source": "tsc-hub",
        "originalIdentifier": "",
        "harvestedFrom": "",
        "harvestedAt": None,
    }
    assert record["tags"] == [{"fr": "semences"}, {"fr": "agriculture"}]


def test_initiatives_are_not_exported_as_resources(full_resource, full_initiative):
    resource, initiative = full_resource(), full_initiative()

    resources = export_records(schema="resource").records
    initiatives = export_records(schema="capacityBuildingInitiative").records

    assert [record["header"]["identifier"] for record in resources] == [f"tsc-resource-{resource.pk}"]
    assert [record["header"]["identifier"] for record in initiatives] == [
        f"tsc-capacityBuildingInitiative-{initiative.pk}"
    ]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Case studies", "case_study"),
        ("Good practices and lessons learned", "best_practice"),
        ("E-learning course", "training"),
        ("Technology fair", "event"),
        ("Call for proposals", "funding"),
        ("Dataset", "dataset"),
        ("Centre of excellence", "network"),
        ("Business accelerator", "incubator"),
        ("Software tools", "technology"),
        ("Guidelines and toolkits", "publication"),
        ("National capacity development plan", "national_capacity_plan"),
        ("Thematic action plan", "thematic_action_plan"),
        ("Video", None),
    ],
)
def test_kind_of_label(label, kind):
    assert kind_of_label(label) == kind
