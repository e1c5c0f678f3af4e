import pytest

from tsc_hub.centres.services import save_centre
from tsc_hub.geography.models import Party
from tsc_hub.organisations.tests.factories import OrganisationFactory
from tsc_hub.portal.statistics import organisations_by_type, rows_by_group


@pytest.mark.django_db
def test_groups_add_up_to_the_196_parties(person):
    rows = rows_by_group(person())
    assert sum(row.parties for row in rows) == 196
    africa = next(row for row in rows if row.code == "africa")
    assert africa.parties == Party.objects.filter(cbd_group="africa").count()
    assert africa.ldc == Party.objects.filter(cbd_group="africa", is_ldc=True).count()


@pytest.mark.django_db
def test_centre_coverage_counts_each_party_once(person):
    save_centre(code="a", names={"en": "A"}, host=None, party_codes=["ke", "tz"], by=None)
    save_centre(code="b", names={"en": "B"}, host=None, party_codes=["ke", "ug"], by=None)
    africa = next(row for row in rows_by_group(person()) if row.code == "africa")
    assert africa.served == 3


@pytest.mark.django_db
def test_organisations_are_counted_by_group_and_type(person):
    OrganisationFactory(country=Party.objects.get(code="ke"))
    OrganisationFactory(country=Party.objects.get(code="co"))
    rows = {row.code: row for row in rows_by_group(person())}
    assert (rows["africa"].organisations, rows["grulac"].organisations) == (1, 1)
    [(term, count)] = organisations_by_type(person())
    assert term.identifier == "8A265B81-3973-42ED-BB06-40ACC755E496"
    assert count == 2


@pytest.mark.django_db
def test_statistics_page_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(10):
        OrganisationFactory()
    with django_assert_max_num_queries(6):
        response = client.get("/fr/statistics/")
    assert response.status_code == 200
    assert "196" in response.content.decode()
