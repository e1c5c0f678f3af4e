import pytest

from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.geography.models import Party
from tsc_hub.organisations.models import Organisation
from tsc_hub.organisations.services import OrganisationData, create_organisation, update_organisation
from tsc_hub.organisations.tests.factories import NGO, OrganisationFactory


def _data(**changes):
    values = {
        "names": {"fr": "Réseau des aires protégées", "en": "Protected Areas Network"},
        "organisation_type": NGO,
        "country": "sn",
        "original_language": "fr",
        "websites": ["https://example.org"],
        "emails": ["contact@example.org"],
        "operational_languages": ["fr", "en"],
        "gbf_targets": ["GBF-TARGET-03"],
    }
    values.update(changes)
    return OrganisationData(**values)


@pytest.mark.django_db
def test_focal_point_registers_an_organisation_of_its_country(person):
    focal_point = person("national_focal_point", party=Party.objects.get(code="sn"))
    organisation = create_organisation(data=_data(), by=focal_point)
    assert organisation.country_id == "sn"
    assert [t.identifier for t in organisation.gbf_targets.all()] == ["GBF-TARGET-03"]
    event = AuditEvent.objects.get(target_type="organisations.organisation", target_id=str(organisation.pk))
    assert event.action == "create_organisation"
    assert event.actor == focal_point


@pytest.mark.django_db
def test_focal_point_cannot_register_for_another_country(person):
    focal_point = person("national_focal_point", party=Party.objects.get(code="ke"))
    with pytest.raises(PermissionDenied):
        create_organisation(data=_data(), by=focal_point)
    assert not Organisation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["advisory_member", "application_reviewer", None])
def test_roles_without_the_right_cannot_register(person, role):
    with pytest.raises(PermissionDenied):
        create_organisation(data=_data(), by=person(role) if role else person())
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_all_problems_are_reported_together_and_nothing_is_written(person):
    bad = _data(
        names={"xx": "?"},
        organisation_type="nope",
        country="zz",
        websites=["not a url"],
        emails=["nobody"],
        operational_languages=["de"],
        gbf_targets=["GBF-TARGET-99"],
    )
    with pytest.raises(InvalidInput) as error:
        create_organisation(data=bad, by=person("platform_admin"))
    assert set(error.value.fields) >= {
        "names",
        "organisation_type",
        "country",
        "websites",
        "emails",
        "operational_languages",
        "gbf_targets",
    }
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_name_in_the_original_language_is_required(person):
    with pytest.raises(InvalidInput) as error:
        create_organisation(data=_data(names={"en": "Only English"}), by=person("platform_admin"))
    assert "names" in error.value.fields


@pytest.mark.django_db
def test_member_updates_its_organisation_and_the_change_is_audited(person):
    organisation = OrganisationFactory()
    member = person("institution_member", organisation=organisation)
    update_organisation(
        organisation=organisation, data=_data(country="ke", names={"fr": "Nouveau nom"}), by=member
    )
    organisation.refresh_from_db()
    assert organisation.names == {"fr": "Nouveau nom"}
    event = AuditEvent.objects.get(action="update_organisation")
    assert "names" in event.changes


@pytest.mark.django_db
def test_member_cannot_move_its_organisation_out_of_reach_of_nobody(person):
    organisation = OrganisationFactory()
    focal_point = person("national_focal_point", party=Party.objects.get(code="ke"))
    with pytest.raises(PermissionDenied):
        update_organisation(organisation=organisation, data=_data(country="co"), by=focal_point)
    organisation.refresh_from_db()
    assert organisation.country_id == "ke"


@pytest.mark.django_db
def test_provider_of_another_organisation_cannot_update(person):
    organisation = OrganisationFactory()
    outsider = person("provider", organisation=OrganisationFactory())
    with pytest.raises(PermissionDenied):
        update_organisation(organisation=organisation, data=_data(country="ke"), by=outsider)
