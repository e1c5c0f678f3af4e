"""The cooperation type follows the partners' countries (CHM region "Global - Developing countries")."""

import pytest

from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.geography.models import Party
from tsc_hub.organisations.tests.factories import OrganisationFactory
from tsc_hub.projects.cooperation import cooperation_type, developing_parties
from tsc_hub.projects.services import PartnerData, set_partners


@pytest.mark.django_db
def test_the_developing_countries_are_the_chm_region_members():
    assert developing_parties({"ke", "za", "cn", "br", "gb", "de", "jp"}) == {"ke", "za", "cn", "br"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("partners", "expected"),
    [
        ([("requester", "ke"), ("provider", "gb")], "north_south"),
        ([("requester", "ke"), ("provider", "za")], "south_south"),
        ([("requester", "ke"), ("provider", "za"), ("co_funder", "de")], "triangular"),
        ([("requester", "ke"), ("provider", "za"), ("other", "jp")], "triangular"),
        ([("requester", "ke"), ("provider", "za"), ("co_funder", "cn")], "south_south"),
        ([("requester", "ke"), ("provider", "za"), ("provider", "gb")], "north_south"),
        ([("requester", "ke"), ("provider", "gb"), ("co_funder", "de")], "north_south"),
        ([("requester", "ua"), ("provider", "pl")], "north_north"),
        ([("requester", "ke")], ""),
    ],
)
def test_cooperation_type_rule(partners, expected):
    assert cooperation_type(partners) == expected


@pytest.mark.django_db
def test_the_type_follows_when_the_help_desk_changes_partners(world, project, institution):
    assert project.cooperation_type == "north_south"
    south_africa = OrganisationFactory(country=Party.objects.get(code="za"))
    german_fund = OrganisationFactory(country=Party.objects.get(code="de"))
    partners = [
        PartnerData(organisation_id=institution.pk, role="requester"),
        PartnerData(organisation_id=south_africa.pk, role="provider"),
        PartnerData(organisation_id=german_fund.pk, role="co_funder"),
    ]
    changed = set_partners(
        project=project, partners=partners, expected_version=project.version, by=world["officer"]
    )
    assert changed.cooperation_type == "triangular"
    assert changed.version == project.version + 1
    with pytest.raises(Conflict) as error:
        set_partners(
            project=project, partners=partners[:2], expected_version=project.version, by=world["officer"]
        )
    assert error.value.code == "version_conflict"


@pytest.mark.django_db
def test_a_partner_may_work_for_another_party(world, project, institution, provider_org):
    partners = [
        PartnerData(organisation_id=institution.pk, role="requester"),
        PartnerData(organisation_id=provider_org.pk, role="provider", party="za"),
    ]
    changed = set_partners(
        project=project, partners=partners, expected_version=project.version, by=world["officer"]
    )
    assert changed.cooperation_type == "south_south"


@pytest.mark.django_db
def test_partners_need_a_requester_and_a_provider_and_known_organisations(world, project, institution):
    with pytest.raises(InvalidInput):
        set_partners(
            project=project,
            partners=[PartnerData(organisation_id=institution.pk, role="requester")],
            expected_version=project.version,
            by=world["officer"],
        )
    with pytest.raises(InvalidInput) as error:
        set_partners(
            project=project,
            partners=[PartnerData(organisation_id=0, role="boss", party="zz")],
            expected_version=project.version,
            by=world["officer"],
        )
    assert set(error.value.fields) == {"partners.0.organisation_id", "partners.0.role", "partners.0.party"}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "lab", "provider", "other_officer", "advisory"])
def test_only_the_help_desk_changes_partners(world, project, institution, who):
    with pytest.raises(PermissionDenied):
        set_partners(project=project, partners=[], expected_version=project.version, by=world[who])
