"""The demo profiles and offers: created through the services, in several languages and states, once."""

import pytest

from tsc_hub.demo.seed_offers import seed_offers
from tsc_hub.demo.services import SeedReport, _seed_listed_organisations
from tsc_hub.offers.models import Offer, ProviderProfile, RecordTransition


@pytest.mark.django_db
def test_the_seed_creates_records_in_every_state_and_language_once():
    organisations = _seed_listed_organisations(SeedReport())
    assert seed_offers(organisations=organisations) == {"profiles": 6, "offers": 8}
    assert set(Offer.objects.values_list("state", flat=True)) == {
        "draft",
        "in_review",
        "published",
        "expired",
    }
    assert set(ProviderProfile.objects.values_list("state", flat=True)) == {"draft", "in_review", "published"}
    languages = set(Offer.objects.values_list("original_language", flat=True))
    assert languages == {"ar", "en", "es", "fr", "ru", "zh"}
    assert all(
        offer.application_deadline >= offer.created_at.date()
        for offer in Offer.objects.open()
        if offer.application_deadline
    )
    assert RecordTransition.objects.filter(action="expire").count() == 2
    assert seed_offers(organisations=organisations) == {"profiles": 0, "offers": 0}
    assert Offer.objects.count() == 8


@pytest.mark.django_db
def test_the_seed_skips_organisations_it_is_not_given():
    organisations = _seed_listed_organisations(SeedReport())
    only = {"kib": organisations["kib"]}
    assert seed_offers(organisations=only) == {"profiles": 1, "offers": 1}
