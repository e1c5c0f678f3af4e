"""Checking what is given for a resource: every problem at once, in the person's language."""

import datetime

import pytest
from django.utils import translation

from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.knowledge.tests.factories import ResourceFactory, resource_data
from tsc_hub.knowledge.validation import check_resource, is_language_code
from tsc_hub.organisations.tests.factories import OrganisationFactory


def _problems(data):
    with pytest.raises(InvalidInput) as raised:
        check_resource(data)
    return raised.value.fields


@pytest.mark.django_db
def test_valid_input_becomes_values_and_relations():
    owner = OrganisationFactory()
    partner = OrganisationFactory()
    checked = check_resource(
        resource_data(owner, organisations=[partner.pk, owner.pk], authors=[" A ", "A", ""])
    )
    assert checked.values["owner"] == owner
    assert checked.values["authors"] == ["A"]
    assert checked.values["resource_languages"] == ["fr", "wo"]
    assert [o.pk for o in checked.relations["organisations"]] == [partner.pk]  # the owner is not repeated
    assert {t.identifier for t in checked.relations["gbf_targets"]} == {"GBF-TARGET-13", "GBF-TARGET-20"}
    assert [p.code for p in checked.relations["countries"]] == ["sn"]


@pytest.mark.django_db
def test_every_problem_is_reported_at_once():
    data = resource_data(
        kind="poem",
        title={"xx": "Nope"},
        links=[{"url": "ftp://example.org/file"}, {"url": "javascript:alert(1)"}, "not a link"],
        resource_languages=["fr", "zz"],
        cbd_subjects=["CBD-SUBJECT-NOPE"],
        gbf_targets=["GBF-TARGET-99"],
        countries=["xx"],
        regions=["NOT-A-REGION"],
        start_date=datetime.date(2025, 5, 2),
        end_date=datetime.date(2025, 5, 1),
        owner=999_999,
        organisations=[888_888],
        harvested_from="file:///etc/passwd",
        original_language="de",
    )
    fields = _problems(data)
    assert set(fields) == {
        "kind",
        "title",
        "links",
        "resource_languages",
        "cbd_subjects",
        "gbf_targets",
        "countries",
        "regions",
        "end_date",
        "owner",
        "organisations",
        "harvested_from",
        "original_language",
    }
    assert len(fields["links"]) == 3


@pytest.mark.django_db
def test_the_title_is_required_in_at_least_one_language():
    assert "title" in _problems(resource_data(title={"en": "  "}))
    assert check_resource(resource_data(title={"zh": "社区种子库"})).values["title"] == {"zh": "社区种子库"}


@pytest.mark.django_db
def test_problems_are_written_in_the_persons_language():
    with translation.override("fr"):
        fields = _problems(
            resource_data(end_date=datetime.date(2020, 1, 1), start_date=datetime.date(2021, 1, 1))
        )
    assert fields["end_date"] != ["The end date cannot be before the start date."]


@pytest.mark.django_db
def test_identifiers_of_other_resources_are_refused():
    ResourceFactory(chm_identifier="CHM-1", source="chm", original_identifier="A-1")
    fields = _problems(resource_data(chm_identifier="CHM-1", source="chm", original_identifier="A-1"))
    assert set(fields) == {"chm_identifier", "original_identifier"}
    same = ResourceFactory(chm_identifier="CHM-2")
    assert check_resource(resource_data(chm_identifier="CHM-2"), same).values["chm_identifier"] == "CHM-2"


@pytest.mark.django_db
def test_a_naive_harvest_time_is_taken_as_utc():
    checked = check_resource(resource_data(harvested_at=datetime.datetime(2025, 1, 2, 3, 4)))
    assert checked.values["harvested_at"] == datetime.datetime(2025, 1, 2, 3, 4, tzinfo=datetime.UTC)


def test_language_codes_are_un_languages_or_iso_639_1():
    assert all(is_language_code(code) for code in ("ar", "zh", "sw", "wo", "qu"))
    assert not any(is_language_code(code) for code in ("zz", "eng", "", "x"))
