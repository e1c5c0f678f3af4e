"""The opportunity and provider pages."""

import datetime

import pytest

from tsc_hub.centres.services import save_centre
from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.offers.tests.factories import EASTERN_AFRICA, OfferFactory, ProfileFactory
from tsc_hub.organisations.tests.factories import OrganisationFactory

TODAY = datetime.date.today()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_lists_and_details_render_in_english_and_arabic(client, language):
    offer = OfferFactory(state="published", title={"ar": "دورة تدريبية", "en": "Training course"})
    profile = ProfileFactory(state="published", title={"ar": "مقدم خدمة", "en": "Provider"})
    for url in (
        f"/{language}/offers/",
        f"/{language}/offers/{offer.pk}/",
        f"/{language}/offers/providers/",
        f"/{language}/offers/providers/{profile.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert ('dir="rtl"' in html) == (language == "ar"), url
    assert "دورة تدريبية" in client.get(f"/ar/offers/{offer.pk}/").content.decode()


@pytest.mark.django_db
def test_the_opportunity_list_shows_only_open_offers_by_default(client):
    OfferFactory(state="published", title={"en": "Open course"})
    OfferFactory(
        state="published",
        title={"en": "Late course"},
        application_deadline=TODAY - datetime.timedelta(days=1),
    )
    OfferFactory(state="draft", title={"en": "Draft course"})
    page = client.get("/en/offers/").content.decode()
    assert "Open course" in page
    assert "Late course" not in page
    assert "Draft course" not in page


@pytest.mark.django_db
def test_the_list_filters_by_country_served(client):
    OfferFactory(
        state="published",
        title={"en": "For East Africa"},
        areas_benefited_parties=[],
        areas_benefited_regions=[EASTERN_AFRICA],
    )
    OfferFactory(state="published", title={"en": "For Colombia"}, areas_benefited_parties=["co"])
    page = client.get("/en/offers/?serves=tz").content.decode()
    assert "For East Africa" in page
    assert "For Colombia" not in page


@pytest.mark.django_db
def test_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    for _ in range(20):
        OfferFactory(state="published")
    with django_assert_max_num_queries(16):
        assert client.get("/en/offers/").status_code == 200


@pytest.mark.django_db
def test_a_draft_is_not_found_by_outsiders_and_shown_to_its_provider(client, person):
    organisation = OrganisationFactory()
    offer = OfferFactory(primary_organisation=organisation, state="draft", title={"en": "Secret draft"})
    assert client.get(f"/en/offers/{offer.pk}/").status_code == 404
    client.force_login(person("provider", organisation=OrganisationFactory()))
    assert client.get(f"/en/offers/{offer.pk}/").status_code == 404
    client.force_login(person("provider", organisation=organisation))
    page = client.get(f"/en/offers/{offer.pk}/").content.decode()
    assert "Secret draft" in page
    assert 'value="submit"' in page
    assert 'value="publish"' not in page


@pytest.mark.django_db
def test_reviewers_see_only_the_buttons_they_may_use(client, person, with_totp):
    offer = OfferFactory(state="in_review")
    client.force_login(with_totp(person("coordination_staff")))
    page = client.get(f"/en/offers/{offer.pk}/").content.decode()
    assert 'value="publish"' in page
    assert 'value="return"' in page
    assert 'value="submit"' not in page
    assert 'value="expire"' not in page


@pytest.mark.django_db
def test_the_buttons_move_the_record(client, person):
    organisation = OrganisationFactory()
    offer = OfferFactory(primary_organisation=organisation)
    client.force_login(person("provider", organisation=organisation))
    response = client.post(f"/en/offers/{offer.pk}/transitions/", {"action": "submit"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.state == "in_review"
    assert "Submit for review: Draft → In review" in client.get(f"/en/offers/{offer.pk}/").content.decode()
    response = client.post(f"/en/offers/{offer.pk}/transitions/", {"action": "publish"})
    assert response.status_code == 403
    offer.refresh_from_db()
    assert offer.state == "in_review"


@pytest.mark.django_db
def test_help_desk_returns_a_profile_with_a_reason(client, person, with_totp):
    centre = save_centre(code="east", names={"en": "East"}, host=None, party_codes=["ke"], by=None)
    profile = ProfileFactory(state="in_review")
    client.force_login(with_totp(person("helpdesk_officer", centre=centre)))
    client.post(
        f"/en/offers/providers/{profile.pk}/transitions/", {"action": "return", "reason": "Add contact"}
    )
    profile.refresh_from_db()
    assert profile.state == "draft"


@pytest.mark.django_db
def test_forms_are_forbidden_to_people_without_the_right(client, person):
    client.force_login(person("advisory_member"))
    assert client.get("/en/offers/new/").status_code == 403
    assert client.get("/en/offers/providers/new/").status_code == 403
    offer = OfferFactory(state="published")
    client.force_login(person("provider", organisation=OrganisationFactory()))
    assert client.get(f"/en/offers/{offer.pk}/edit/").status_code == 403


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client):
    assert client.get("/en/offers/new/").status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_forms_render(client, person, language):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    offer = OfferFactory(primary_organisation=organisation)
    for url in ("offers/new/", "offers/providers/new/", f"offers/{offer.pk}/edit/"):
        response = client.get(f"/{language}/{url}")
        assert response.status_code == 200, url
        assert 'name="title_ar"' in response.content.decode()


@pytest.mark.django_db
def test_provider_describes_an_offer_through_the_form(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    response = client.post(
        "/en/offers/new/",
        {
            "original_language": "en",
            "primary_organisation": str(organisation.pk),
            "title_en": "Herbarium techniques",
            "description_en": "A week in the herbarium.",
            "eligibility_en": "Botanists.",
            "application_process_en": "Send a letter.",
            "areas_benefited_parties": ["ke"],
            "assistance_types": ["TSC-ASSIST-TRAINING"],
            "application_deadline": (TODAY + datetime.timedelta(days=9)).isoformat(),
            "contact_name": "Ada",
            "contact_email": "ada@example.org",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    offer = Offer.objects.get()
    assert offer.title == {"en": "Herbarium techniques"}
    assert offer.state == "draft"


@pytest.mark.django_db
def test_form_errors_are_shown_next_to_the_fields_and_nothing_is_saved(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    response = client.post(
        "/en/offers/providers/new/",
        {
            "original_language": "fr",
            "organisation": str(organisation.pk),
            "title_en": "English only",
            "capacity": "1",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "errorlist" in html
    assert "Give the title in the original language of the record." in html
    assert not ProviderProfile.objects.exists()


@pytest.mark.django_db
def test_a_stale_edit_is_refused_with_409(client, person):
    organisation = OrganisationFactory()
    profile = ProfileFactory(organisation=organisation, version=3)
    client.force_login(person("provider", organisation=organisation))
    data = {
        "version": "2",
        "original_language": "en",
        "organisation": str(organisation.pk),
        "title_en": "Changed",
        "coverage_parties": ["ke"],
        "cbd_subjects": ["CBD-SUBJECT-TAXONOMY"],
        "assistance_types": ["TSC-ASSIST-TRAINING"],
        "capacity": "2",
        "contact_name": "Ada",
        "contact_email": "ada@example.org",
    }
    assert client.post(f"/en/offers/providers/{profile.pk}/edit/", data).status_code == 409
    profile.refresh_from_db()
    assert profile.title != {"en": "Changed"}
    data["version"] = "3"
    assert client.post(f"/en/offers/providers/{profile.pk}/edit/", data).status_code == 302
    profile.refresh_from_db()
    assert (profile.title, profile.version) == ({"en": "Changed"}, 4)
