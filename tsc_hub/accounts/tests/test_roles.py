import datetime

import pytest

from tsc_hub.accounts.services import grant_role, revoke_role
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.geography.models import Party


@pytest.mark.django_db
def test_a_person_may_hold_several_roles(person):
    user = person("advisory_member")
    grant_role(user=user, role="national_focal_point", by=None, party=Party.objects.get(code="ke"))
    assert set(user.role_assignments.active().values_list("role", flat=True)) == {
        "advisory_member",
        "national_focal_point",
    }


@pytest.mark.django_db
def test_focal_point_role_needs_a_party(person):
    with pytest.raises(InvalidInput) as error:
        grant_role(user=person(), role="national_focal_point", by=None)
    assert "scope" in error.value.fields


@pytest.mark.django_db
def test_global_role_takes_no_scope(person):
    with pytest.raises(InvalidInput):
        grant_role(user=person(), role="coordination_staff", by=None, party=Party.objects.get(code="ke"))


@pytest.mark.django_db
def test_end_before_start_is_rejected_and_nothing_is_written(person):
    user = person()
    with pytest.raises(InvalidInput):
        grant_role(
            user=user,
            role="advisory_member",
            by=None,
            valid_from=datetime.date(2026, 5, 1),
            valid_until=datetime.date(2026, 1, 1),
        )
    assert not user.role_assignments.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["coordination_staff", "advisory_member", "application_reviewer", "national_focal_point"]
)
def test_only_administrators_grant_roles(person, role):
    scope = {"party": Party.objects.get(code="ke")} if role == "national_focal_point" else {}
    granter = person(role, **scope)
    with pytest.raises(PermissionDenied):
        grant_role(user=person(), role="advisory_member", by=granter)


@pytest.mark.django_db
def test_granting_and_revoking_are_audited(person):
    admin, user = person("platform_admin"), person()
    assignment = grant_role(user=user, role="application_reviewer", by=admin)
    revoke_role(assignment=assignment, by=admin)
    actions = list(
        AuditEvent.objects.for_target("accounts.roleassignment", assignment.pk).values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["grant_role", "revoke_role"]


@pytest.mark.django_db
def test_administrator_role_opens_the_django_admin(person):
    assert person("platform_admin").is_staff
    assert not person("coordination_staff").is_staff
