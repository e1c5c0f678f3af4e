"""Who sees which profiles and offers: one queryset method, published for everyone."""

import pytest

from tsc_hub.centres.services import save_centre
from tsc_hub.geography.models import Party
from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.offers.tests.factories import OfferFactory, ProfileFactory
from tsc_hub.organisations.tests.factories import OrganisationFactory

STATES = ["draft", "in_review", "published", "withdrawn", "expired"]


@pytest.fixture
def offers():
    kenyan = OrganisationFactory(country=Party.objects.get(code="ke"))
    return kenyan, {state: OfferFactory(primary_organisation=kenyan, state=state) for state in STATES}


def _seen(user):
    return set(Offer.objects.visible_to(user).values_list("state", flat=True))


@pytest.mark.django_db
def test_anonymous_sees_only_published(offers):
    from django.contrib.auth.models import AnonymousUser

    assert _seen(AnonymousUser()) == {"published"}


@pytest.mark.django_db
def test_provider_of_another_organisation_does_not_see_drafts(offers, person):
    assert _seen(person("provider", organisation=OrganisationFactory())) == {"published"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["provider", "institution_member"])
def test_the_owning_organisation_sees_its_records_in_any_state(offers, person, role):
    kenyan, _ = offers
    assert _seen(person(role, organisation=kenyan)) == set(STATES)


@pytest.mark.django_db
def test_help_desk_of_a_centre_serving_the_country_sees_drafts(offers, person):
    serving = save_centre(code="east", names={"en": "East"}, host=None, party_codes=["ke", "tz"], by=None)
    other = save_centre(code="west", names={"en": "West"}, host=None, party_codes=["sn"], by=None)
    assert _seen(person("helpdesk_officer", centre=serving)) == set(STATES)
    assert _seen(person("helpdesk_officer", centre=other)) == {"published"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["coordination_staff", "platform_admin"])
def test_coordination_and_administrators_see_all(offers, person, role):
    assert _seen(person(role)) == set(STATES)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["advisory_member", "application_reviewer"])
def test_other_global_roles_see_only_published(offers, person, role):
    assert _seen(person(role)) == {"published"}


@pytest.mark.django_db
def test_profiles_follow_the_same_rule(person):
    kenyan = OrganisationFactory()
    ProfileFactory(organisation=kenyan, state="draft")
    ProfileFactory(organisation=kenyan, state="published")
    outsider = person("provider", organisation=OrganisationFactory())
    assert ProviderProfile.objects.visible_to(outsider).count() == 1
    assert ProviderProfile.objects.visible_to(person("provider", organisation=kenyan)).count() == 2


@pytest.mark.django_db
def test_visibility_is_a_single_query(offers, person, django_assert_num_queries):
    helpdesk = person(
        "helpdesk_officer",
        centre=save_centre(code="c", names={"en": "C"}, host=None, party_codes=["ke"], by=None),
    )
    with django_assert_num_queries(1):
        list(Offer.objects.visible_to(helpdesk))


@pytest.mark.django_db
def test_serving_follows_parties_and_region_members():
    direct = OfferFactory(areas_benefited_parties=["ke"])
    by_region = OfferFactory(
        areas_benefited_parties=[], areas_benefited_regions=["0938DB0F-E4BB-464F-ABBB-ADD615BE5371"]
    )
    elsewhere = OfferFactory(areas_benefited_parties=["co"])
    assert set(Offer.objects.serving("KE")) == {direct, by_region}
    assert set(Offer.objects.serving("tz")) == {by_region}
    assert set(Offer.objects.serving("co")) == {elsewhere}
