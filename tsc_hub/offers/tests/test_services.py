"""Creating and changing profiles and offers: validation, permission, versions, audit."""

import datetime

import pytest

from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.offers import services
from tsc_hub.offers.models import Offer, ProviderProfile, RecordTransition
from tsc_hub.offers.tests.factories import EASTERN_AFRICA, OfferFactory, offer_data, profile_data
from tsc_hub.organisations.tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_provider_creates_a_draft_profile_with_history_and_audit(person):
    organisation = OrganisationFactory()
    provider = person("provider", organisation=organisation)
    profile = services.create_profile(data=profile_data(organisation), by=provider)
    assert profile.state == "draft"
    assert profile.version == 1
    assert profile.created_by == provider
    assert {"sn", "ke", "tz"} <= profile.covered_party_codes()
    assert [t.identifier for t in profile.assistance_types.order_by("identifier")] == [
        "TSC-ASSIST-DATA-TOOLS",
        "TSC-ASSIST-TRAINING",
    ]
    step = RecordTransition.objects.get(record_type="profile", record_id=profile.pk)
    assert (step.from_state, step.to_state, step.action) == ("", "draft", "create")
    event = AuditEvent.objects.get(action="create_profile")
    assert event.actor == provider
    assert event.changes["coverage_regions"] == [EASTERN_AFRICA]


@pytest.mark.django_db
def test_all_profile_problems_are_listed_and_nothing_is_written(person):
    organisation = OrganisationFactory()
    bad = profile_data(
        organisation,
        title={"en": "Only English"},
        coverage_parties=[],
        coverage_regions=[],
        cbd_subjects=[],
        assistance_types=[
            "TSC-ASSIST-TRAINING",
            "TSC-ASSIST-DATA-TOOLS",
            "TSC-ASSIST-EQUIPMENT",
            "TSC-ASSIST-FUNDING",
        ],
        working_languages=["de"],
        capacity=0,
        gbf_targets=["GBF-TARGET-99"],
        contact_name="",
        contact_email="nobody",
    )
    with pytest.raises(InvalidInput) as error:
        services.create_profile(data=bad, by=person("platform_admin"))
    assert set(error.value.fields) == {
        "title",
        "coverage_parties",
        "cbd_subjects",
        "assistance_types",
        "working_languages",
        "capacity",
        "gbf_targets",
        "contact_name",
        "contact_email",
    }
    assert not ProviderProfile.objects.exists()
    assert not RecordTransition.objects.exists()
    assert not AuditEvent.objects.filter(action="create_profile").exists()


@pytest.mark.django_db
def test_all_offer_problems_are_listed_and_nothing_is_written(person):
    organisation = OrganisationFactory()
    today = datetime.date.today()
    bad = offer_data(
        organisation,
        description={},
        eligibility={"xx": "?"},
        application_process={},
        areas_benefited_parties=["zz"],
        assistance_types=[],
        primary_beneficiaries=["NOPE"],
        organisations=[987654],
        start_date=today,
        end_date=today - datetime.timedelta(days=1),
    )
    with pytest.raises(InvalidInput) as error:
        services.create_offer(data=bad, by=person("coordination_staff"))
    assert set(error.value.fields) == {
        "description",
        "eligibility",
        "application_process",
        "areas_benefited_parties",
        "assistance_types",
        "primary_beneficiaries",
        "organisations",
        "end_date",
    }
    assert not Offer.objects.exists()


@pytest.mark.django_db
def test_an_unknown_organisation_is_a_field_problem(person):
    organisation = OrganisationFactory()
    data = offer_data(organisation, primary_organisation=987654)
    with pytest.raises(InvalidInput) as error:
        services.create_offer(data=data, by=person("platform_admin"))
    assert "primary_organisation" in error.value.fields


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["advisory_member", "application_reviewer", "national_focal_point", None])
def test_roles_without_the_right_cannot_create(person, role):
    organisation = OrganisationFactory()
    scope = {"party": organisation.country} if role == "national_focal_point" else {}
    by = person(role, **scope) if role else person()
    with pytest.raises(PermissionDenied):
        services.create_offer(data=offer_data(organisation), by=by)
    assert not Offer.objects.exists()


@pytest.mark.django_db
def test_provider_cannot_create_for_another_organisation(person):
    provider = person("provider", organisation=OrganisationFactory())
    with pytest.raises(PermissionDenied):
        services.create_offer(data=offer_data(OrganisationFactory()), by=provider)
    assert not Offer.objects.exists()


@pytest.mark.django_db
def test_a_stale_version_is_refused_and_the_first_change_is_kept(person):
    organisation = OrganisationFactory()
    provider = person("provider", organisation=organisation)
    offer = services.create_offer(data=offer_data(organisation), by=provider)
    first = offer_data(organisation, title={"es": "Primera versión"})
    second = offer_data(organisation, title={"es": "Segunda versión"})
    services.update_offer(offer=offer, data=first, expected_version=1, by=provider)
    with pytest.raises(Conflict) as error:
        services.update_offer(offer=offer, data=second, expected_version=1, by=provider)
    assert error.value.code == "stale_version"
    offer.refresh_from_db()
    assert offer.title == {"es": "Primera versión"}
    assert offer.version == 2


@pytest.mark.django_db
def test_update_is_audited_field_by_field(person):
    organisation = OrganisationFactory()
    provider = person("provider", organisation=organisation)
    profile = services.create_profile(data=profile_data(organisation), by=provider)
    services.update_profile(
        profile=profile, data=profile_data(organisation, capacity=5), expected_version=1, by=provider
    )
    event = AuditEvent.objects.get(action="update_profile")
    assert event.changes == {"capacity": [3, 5]}


@pytest.mark.django_db
def test_provider_cannot_hand_its_offer_to_another_organisation(person):
    organisation = OrganisationFactory()
    provider = person("provider", organisation=organisation)
    offer = services.create_offer(data=offer_data(organisation), by=provider)
    with pytest.raises(PermissionDenied):
        services.update_offer(
            offer=offer, data=offer_data(OrganisationFactory()), expected_version=1, by=provider
        )
    offer.refresh_from_db()
    assert offer.primary_organisation == organisation
    assert offer.version == 1


@pytest.mark.django_db
def test_closed_records_cannot_be_changed(person):
    offer = OfferFactory(state="withdrawn")
    with pytest.raises(Conflict) as error:
        services.update_offer(
            offer=offer,
            data=offer_data(offer.primary_organisation),
            expected_version=1,
            by=person("platform_admin"),
        )
    assert error.value.code == "record_closed"


@pytest.mark.django_db
def test_chm_identifiers_are_unique(person):
    organisation = OrganisationFactory()
    services.create_offer(data=offer_data(organisation, chm_identifier="chm-1"), by=None)
    with pytest.raises(InvalidInput) as error:
        services.create_offer(data=offer_data(organisation, chm_identifier="chm-1"), by=None)
    assert "chm_identifier" in error.value.fields
