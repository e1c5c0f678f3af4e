import pytest

from tsc_hub.accounts import policy
from tsc_hub.accounts.roles import ROLE_SCOPE, Role
from tsc_hub.geography.models import Party
from tsc_hub.organisations.tests.factories import OrganisationFactory


def test_policy_only_names_known_roles():
    assert {rule.role for rule in policy.POLICY} <= set(Role.values)


def test_every_role_has_a_scope_kind():
    assert set(ROLE_SCOPE) == set(Role.values)


def test_granting_roles_is_for_administrators_only():
    assert policy.roles_allowed("accounts.grant_role") == {Role.PLATFORM_ADMIN}


@pytest.mark.django_db
def test_focal_point_may_change_organisations_of_its_own_country_only(person):
    kenya, colombia = Party.objects.get(code="ke"), Party.objects.get(code="co")
    focal_point = person("national_focal_point", party=kenya)
    assert focal_point.has_perm("organisations.change_organisation", OrganisationFactory(country=kenya))
    assert not focal_point.has_perm(
        "organisations.change_organisation", OrganisationFactory(country=colombia)
    )


@pytest.mark.django_db
def test_provider_may_change_its_own_organisation_only(person):
    own, other = OrganisationFactory(), OrganisationFactory()
    provider = person("provider", organisation=own)
    assert provider.has_perm("organisations.change_organisation", own)
    assert not provider.has_perm("organisations.change_organisation", other)


@pytest.mark.django_db
def test_expired_and_revoked_roles_grant_nothing(person):
    import datetime

    from tsc_hub.accounts.services import grant_role, revoke_role

    admin = person("platform_admin")
    expired = person()
    grant_role(
        user=expired,
        role="coordination_staff",
        by=None,
        valid_from=datetime.date(2020, 1, 1),
        valid_until=datetime.date(2021, 1, 1),
    )
    assert not expired.has_perm("core.read_audit_log")
    revoked = person("coordination_staff")
    assert revoked.has_perm("core.read_audit_log")
    revoke_role(assignment=revoked.role_assignments.get(), by=admin)
    assert not revoked.has_perm("core.read_audit_log")


@pytest.mark.django_db
def test_unknown_permission_is_refused(person):
    assert not person("platform_admin").has_perm("accounts.launch_rockets")


@pytest.mark.django_db
def test_only_administrators_browse_the_admin(client, person, with_totp):
    client.force_login(with_totp(person("coordination_staff")))
    assert client.get("/en/admin/core/auditevent/").status_code == 302
    client.force_login(with_totp(person("platform_admin")))
    assert client.get("/en/admin/core/auditevent/").status_code == 200
    assert client.get("/en/admin/accounts/roleassignment/add/").status_code == 200


@pytest.mark.django_db
def test_roles_held_for_a_record_follow_the_scope(person):
    from tsc_hub.accounts.services import grant_role

    kenya, colombia = Party.objects.get(code="ke"), Party.objects.get(code="co")
    user = person("national_focal_point", party=kenya)
    grant_role(user=user, role="advisory_member", by=None)
    assert policy.roles_held_for(user, OrganisationFactory(country=kenya)) == {
        "national_focal_point",
        "advisory_member",
    }
    assert policy.roles_held_for(user, OrganisationFactory(country=colombia)) == {"advisory_member"}


def test_apps_add_their_rules_once():
    rule = policy.Rule("demo.do_thing", Role.PLATFORM_ADMIN, "any")
    policy.register((rule,))
    policy.register((rule,))
    assert policy.rules_for("demo.do_thing") == [rule]
    assert "demo.do_thing" in policy.permissions()
