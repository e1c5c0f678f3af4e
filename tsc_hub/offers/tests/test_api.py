"""The offers API: public reads, writes by role, problems as problem+json."""

import datetime

import pytest

from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.offers.tests.factories import EASTERN_AFRICA, OfferFactory, ProfileFactory
from tsc_hub.organisations.tests.factories import OrganisationFactory

TODAY = datetime.date.today()


def _offer_payload(organisation, **changes):
    payload = {
        "primary_organisation": organisation.pk,
        "title": {"fr": "Formation au barcoding ADN", "en": "DNA barcoding training"},
        "description": {"fr": "Deux semaines au laboratoire."},
        "eligibility": {"fr": "Herbiers nationaux."},
        "application_process": {"fr": "Écrire au contact."},
        "areas_benefited_regions": [EASTERN_AFRICA],
        "assistance_types": ["TSC-ASSIST-TRAINING"],
        "application_deadline": (TODAY + datetime.timedelta(days=10)).isoformat(),
        "original_language": "fr",
        "contact_name": "Awa Diop",
        "contact_email": "awa@example.org",
    }
    payload.update(changes)
    return payload


def _profile_payload(organisation, **changes):
    payload = {
        "organisation": organisation.pk,
        "title": {"en": "Seed bank support"},
        "coverage_parties": ["ke"],
        "cbd_subjects": ["CBD-SUBJECT-EXS"],
        "assistance_types": ["TSC-ASSIST-EXPERT-ADVICE"],
        "capacity": 2,
        "contact_name": "Ada",
        "contact_email": "ada@example.org",
    }
    payload.update(changes)
    return payload


@pytest.mark.django_db
def test_anonymous_reads_only_published_offers(client):
    published = OfferFactory(state="published")
    draft = OfferFactory(state="draft")
    body = client.get("/api/v1/offers").json()
    assert [item["id"] for item in body["items"]] == [published.pk]
    assert client.get(f"/api/v1/offers/{draft.pk}").status_code == 404
    assert client.get(f"/api/v1/offers/{published.pk}").json()["is_open"] is True


@pytest.mark.django_db
def test_the_list_filters_by_country_served_type_target_and_open_day(client):
    by_region = OfferFactory(
        state="published", areas_benefited_parties=[], areas_benefited_regions=[EASTERN_AFRICA]
    )
    OfferFactory(state="published", areas_benefited_parties=["co"], assistance_types=["TSC-ASSIST-FUNDING"])
    closing = OfferFactory(state="published", application_deadline=TODAY)
    assert {i["id"] for i in client.get("/api/v1/offers?serves=tz").json()["items"]} == {by_region.pk}
    funding = client.get("/api/v1/offers?assistance_type=TSC-ASSIST-FUNDING").json()
    assert funding["count"] == 1
    assert client.get("/api/v1/offers?gbf_target=GBF-TARGET-20").json()["count"] == 3
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    assert closing.pk not in {
        i["id"] for i in client.get(f"/api/v1/offers?open_on={tomorrow}").json()["items"]
    }


@pytest.mark.django_db
def test_the_list_runs_a_fixed_number_of_queries(client, person, django_assert_max_num_queries):
    for _ in range(12):
        OfferFactory(state="published", areas_benefited_regions=[EASTERN_AFRICA])
    client.force_login(person("coordination_staff"))
    with django_assert_max_num_queries(14):
        response = client.get("/api/v1/offers?limit=50")
    assert response.json()["count"] == 12
    for _ in range(12):
        ProfileFactory(state="published")
    with django_assert_max_num_queries(12):
        assert client.get("/api/v1/offers/profiles?limit=50").json()["count"] == 12


@pytest.mark.django_db
def test_anonymous_cannot_create(client):
    response = client.post(
        "/api/v1/offers", _offer_payload(OrganisationFactory()), content_type="application/json"
    )
    assert response.status_code == 401
    assert not Offer.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["advisory_member", "application_reviewer", None])
def test_roles_without_the_right_are_refused(client, person, role):
    client.force_login(person(role) if role else person())
    response = client.post(
        "/api/v1/offers", _offer_payload(OrganisationFactory()), content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


@pytest.mark.django_db
def test_provider_creates_submits_and_coordination_publishes(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    created = client.post("/api/v1/offers", _offer_payload(organisation), content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["state"], body["version"], body["actions"]) == ("draft", 1, ["submit", "withdraw"])
    offer_id = body["id"]
    submitted = client.post(
        f"/api/v1/offers/{offer_id}/transitions", {"action": "submit"}, content_type="application/json"
    )
    assert submitted.json()["state"] == "in_review"
    client.force_login(person("coordination_staff"))
    published = client.post(
        f"/api/v1/offers/{offer_id}/transitions", {"action": "publish"}, content_type="application/json"
    )
    assert published.json()["state"] == "published"
    assert client.get(f"/api/v1/offers/{offer_id}").json()["actions"] == ["withdraw"]


@pytest.mark.django_db
def test_an_illegal_transition_answers_409_with_the_allowed_actions(client, person):
    offer = OfferFactory(state="draft")
    client.force_login(person("platform_admin"))
    response = client.post(
        f"/api/v1/offers/{offer.pk}/transitions", {"action": "publish"}, content_type="application/json"
    )
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "illegal_transition"
    assert body["fields"]["allowed_actions"] == ["submit", "withdraw"]


@pytest.mark.django_db
def test_a_person_without_the_role_gets_403_on_a_transition(client, person):
    organisation = OrganisationFactory()
    offer = OfferFactory(primary_organisation=organisation, state="in_review")
    client.force_login(person("provider", organisation=organisation))
    response = client.post(
        f"/api/v1/offers/{offer.pk}/transitions", {"action": "publish"}, content_type="application/json"
    )
    assert response.status_code == 403
    offer.refresh_from_db()
    assert offer.state == "in_review"


@pytest.mark.django_db
def test_a_stale_version_answers_409_and_keeps_the_first_change(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    offer_id = client.post(
        "/api/v1/offers", _offer_payload(organisation), content_type="application/json"
    ).json()["id"]
    first = _offer_payload(organisation, title={"fr": "Première"}, version=1)
    second = _offer_payload(organisation, title={"fr": "Seconde"}, version=1)
    assert client.put(f"/api/v1/offers/{offer_id}", first, content_type="application/json").status_code == 200
    response = client.put(f"/api/v1/offers/{offer_id}", second, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["code"] == "stale_version"
    body = client.get(f"/api/v1/offers/{offer_id}").json()
    assert (body["title"], body["version"]) == ({"fr": "Première"}, 2)


@pytest.mark.django_db
def test_invalid_data_is_answered_field_by_field_and_nothing_is_written(client, person):
    client.force_login(person("platform_admin"))
    payload = _offer_payload(
        OrganisationFactory(), areas_benefited_regions=[], assistance_types=[], contact_email="nope"
    )
    response = client.post("/api/v1/offers", payload, content_type="application/json")
    assert response.status_code == 422
    assert set(response.json()["fields"]) == {"areas_benefited_parties", "assistance_types", "contact_email"}
    assert not Offer.objects.exists()


@pytest.mark.django_db
def test_profiles_have_the_same_endpoints(client, person):
    organisation = OrganisationFactory()
    client.force_login(person("provider", organisation=organisation))
    created = client.post(
        "/api/v1/offers/profiles", _profile_payload(organisation), content_type="application/json"
    )
    assert created.status_code == 201, created.content
    profile_id = created.json()["id"]
    changed = _profile_payload(organisation, capacity=4, version=1)
    updated = client.put(f"/api/v1/offers/profiles/{profile_id}", changed, content_type="application/json")
    assert (updated.json()["capacity"], updated.json()["version"]) == (4, 2)
    submitted = client.post(
        f"/api/v1/offers/profiles/{profile_id}/transitions",
        {"action": "submit"},
        content_type="application/json",
    )
    assert submitted.json()["state"] == "in_review"
    client.logout()
    assert client.get(f"/api/v1/offers/profiles/{profile_id}").status_code == 404
    assert client.get("/api/v1/offers/profiles?serves=ke").json()["count"] == 0
    assert ProviderProfile.objects.get().state == "in_review"


@pytest.mark.django_db
def test_profiles_never_accept_expire(client, person):
    profile = ProfileFactory(state="published")
    client.force_login(person("platform_admin"))
    response = client.post(
        f"/api/v1/offers/profiles/{profile.pk}/transitions",
        {"action": "expire"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["fields"]["allowed_actions"] == ["withdraw"]
