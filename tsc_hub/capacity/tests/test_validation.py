"""The checks of needs and activities: every problem at once, in the reader's language."""

import datetime

import pytest
from django.utils import translation

from tsc_hub.capacity.tests.factories import activity_data, need_data
from tsc_hub.capacity.validation import check_activity, check_need
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.organisations.tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_valid_need_input_becomes_values_and_relations():
    checked = check_need(need_data())
    assert checked.values["party"].code == "ke"
    assert checked.values["title"]["fr"] == "Taxonomistes pour les inventaires"
    assert sorted(t.identifier for t in checked.relations["gbf_targets"]) == [
        "GBF-TARGET-04",
        "GBF-TARGET-20",
    ]


@pytest.mark.django_db
def test_every_need_problem_is_listed_at_once():
    bad = need_data(
        party="xx",
        title={"en": "Only English"},
        description={},
        gbf_targets=["GBF-TARGET-99"],
        cbd_subjects=["NOT-A-SUBJECT"],
        priority="urgent",
        capacity_type="personal",
        start_year=1990,
        end_year=1980,
    )
    with pytest.raises(InvalidInput) as error:
        check_need(bad)
    assert set(error.value.fields) == {
        "party",
        "title",
        "description",
        "gbf_targets",
        "cbd_subjects",
        "priority",
        "capacity_type",
        "start_year",
        "end_year",
    }
    assert error.value.fields["gbf_targets"] == ["Not known: GBF-TARGET-99."]
    assert "The last year cannot be before the first year." in error.value.fields["end_year"]


@pytest.mark.django_db
def test_a_need_needs_a_gbf_target():
    with pytest.raises(InvalidInput) as error:
        check_need(need_data(gbf_targets=[]))
    assert error.value.fields == {"gbf_targets": ["Choose at least 1."]}


@pytest.mark.django_db
def test_a_need_is_not_met_by_editing_it():
    with pytest.raises(InvalidInput) as error:
        check_need(need_data(status="met"))
    assert error.value.fields == {"status": ["A need is marked as met by closing it."]}


@pytest.mark.django_db
def test_every_activity_problem_is_listed_at_once():
    bad = activity_data(
        OrganisationFactory.build(pk=999_999),
        title={},
        description={"de": "Deutsch"},
        countries=[],
        regions=[],
        gbf_targets=[],
        status="completed",
        start_date=datetime.date(2026, 5, 1),
        end_date=datetime.date(2026, 4, 1),
        link="ftp://example.org",
    )
    with pytest.raises(InvalidInput) as error:
        check_activity(bad)
    assert set(error.value.fields) == {
        "organisation",
        "title",
        "description",
        "countries",
        "gbf_targets",
        "status",
        "end_date",
        "link",
    }
    assert error.value.fields["countries"] == ["Name at least one Party or one region covered."]


@pytest.mark.django_db
def test_valid_activity_input_passes(institution):
    checked = check_activity(activity_data(institution))
    assert checked.values["organisation"] == institution
    assert checked.values["link"] == "https://example.org/course"
    assert [r.identifier for r in checked.relations["regions"]] == ["0938DB0F-E4BB-464F-ABBB-ADD615BE5371"]


@pytest.mark.django_db
def test_messages_are_in_the_readers_language():
    with translation.override("fr"), pytest.raises(InvalidInput) as error:
        check_need(need_data(gbf_targets=[], title={"en": "Only English"}))
    assert error.value.fields["title"] == ["Indiquez le titre dans la langue d’origine de la fiche."]
    assert error.value.fields["gbf_targets"] == ["Choisissez-en au moins 1."]
