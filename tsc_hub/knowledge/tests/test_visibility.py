"""Who sees which resources, and the chainable filters."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tsc_hub.centres.services import save_centre
from tsc_hub.geography.models import Party
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.tests.factories import EASTERN_AFRICA, SOUTH_AMERICA, ResourceFactory
from tsc_hub.organisations.tests.factories import OrganisationFactory


def _seen(user):
    return set(Resource.objects.visible_to(user).values_list("pk", flat=True))


@pytest.fixture
def world(db):
    kenya_ngo = OrganisationFactory()
    return {
        "kenya_ngo": kenya_ngo,
        "published": ResourceFactory(state="published", owner=OrganisationFactory()),
        "draft": ResourceFactory(owner=kenya_ngo, countries=["ke"]),
        "in_review": ResourceFactory(owner=None, countries=["sn"], state="in_review"),
        "withdrawn": ResourceFactory(owner=kenya_ngo, state="withdrawn"),
    }


def test_anonymous_and_people_without_roles_see_only_published(world, person):
    assert _seen(AnonymousUser()) == {world["published"].pk}
    assert _seen(person()) == {world["published"].pk}
    assert _seen(person("advisory_member")) == {world["published"].pk}


@pytest.mark.parametrize("role", ["knowledge_reviewer", "coordination_staff", "platform_admin"])
def test_reviewers_and_staff_see_everything(world, person, role):
    assert _seen(person(role)) == {r.pk for r in Resource.objects.all()}


@pytest.mark.parametrize("role", ["provider", "institution_member"])
def test_the_owners_people_see_their_drafts_and_others_do_not(world, person, role):
    mine = {world["published"].pk, world["draft"].pk, world["withdrawn"].pk}
    assert _seen(person(role, organisation=world["kenya_ngo"])) == mine
    assert _seen(person(role, organisation=OrganisationFactory())) == {world["published"].pk}


def test_focal_points_see_the_resources_of_their_country(world, person):
    senegal = person("national_focal_point", party=Party.objects.get(code="sn"))
    assert _seen(senegal) == {world["published"].pk, world["in_review"].pk}
    kenya = person("national_focal_point", party=Party.objects.get(code="ke"))
    assert _seen(kenya) == {world["published"].pk, world["draft"].pk, world["withdrawn"].pk}
    colombia = person("national_focal_point", party=Party.objects.get(code="co"))
    assert _seen(colombia) == {world["published"].pk}


def test_help_desks_see_the_resources_of_the_parties_they_serve(world, person):
    west = save_centre(code="west", names={"en": "West"}, host=None, party_codes=["sn"], by=None)
    andes = save_centre(code="andes", names={"en": "Andes"}, host=None, party_codes=["co"], by=None)
    assert _seen(person("helpdesk_officer", centre=west)) == {world["published"].pk, world["in_review"].pk}
    assert _seen(person("helpdesk_officer", centre=andes)) == {world["published"].pk}


def test_the_review_queue_holds_what_the_person_may_review(world, person):
    west = save_centre(code="west", names={"en": "West"}, host=None, party_codes=["sn"], by=None)
    andes = save_centre(code="andes", names={"en": "Andes"}, host=None, party_codes=["co"], by=None)
    queue = Resource.objects.reviewable_by
    assert list(queue(person("knowledge_reviewer"))) == [world["in_review"]]
    assert list(queue(person("helpdesk_officer", centre=west))) == [world["in_review"]]
    assert list(queue(person("helpdesk_officer", centre=andes))) == []
    assert list(queue(person("provider", organisation=world["kenya_ngo"]))) == []
    assert list(queue(AnonymousUser())) == []


@pytest.mark.django_db
def test_for_country_finds_resources_tagged_directly_or_through_a_region():
    direct = ResourceFactory(countries=["tz"])
    by_region = ResourceFactory(countries=[], regions=[EASTERN_AFRICA])
    ResourceFactory(countries=["co"], regions=[SOUTH_AMERICA])
    assert set(Resource.objects.for_country("TZ")) == {direct, by_region}


@pytest.mark.django_db
def test_the_filters_chain():
    match = ResourceFactory(
        state="published", kind="dataset", resource_languages=["fr"], gbf_targets=["GBF-TARGET-03"]
    )
    ResourceFactory(state="published", kind="dataset", resource_languages=["en"])
    ResourceFactory(state="draft", kind="dataset", resource_languages=["fr"], gbf_targets=["GBF-TARGET-03"])
    found = Resource.objects.published().of_kind("dataset").in_language("fr").tagged_gbf("GBF-TARGET-03")
    assert list(found) == [match]
    assert list(Resource.objects.tagged_subject("CBD-SUBJECT-TAXONOMY").published().of_kind("dataset")) != []


@pytest.mark.django_db
def test_the_title_filter_finds_words_in_any_script():
    chinese = ResourceFactory(title={"zh": "社区种子库", "en": "Seed banks"})
    arabic = ResourceFactory(title={"ar": "بنوك البذور"})
    assert list(Resource.objects.title_contains("种子")) == [chinese]
    assert list(Resource.objects.title_contains("البذور")) == [arabic]
    assert list(Resource.objects.title_contains("seed BANKS")) == [chinese]


@pytest.mark.django_db
def test_of_organisation_finds_owned_and_named_resources():
    organisation = OrganisationFactory()
    owned = ResourceFactory(owner=organisation)
    named = ResourceFactory(organisations=[organisation.pk])
    ResourceFactory()
    assert set(Resource.objects.of_organisation(organisation.pk)) == {owned, named}
