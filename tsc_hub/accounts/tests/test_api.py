import pytest

from tsc_hub.geography.models import Party

NON_ADMIN_ROLES = [
    ("national_focal_point", "party"),
    ("institution_member", "organisation"),
    ("provider", "organisation"),
    ("helpdesk_officer", "centre"),
    ("coordination_staff", None),
    ("advisory_member", None),
    ("application_reviewer", None),
]


def _scope(kind):
    from tsc_hub.centres.models import SupportCentre
    from tsc_hub.organisations.tests.factories import OrganisationFactory

    if kind == "party":
        return {"party": Party.objects.get(code="ke")}
    if kind == "organisation":
        return {"organisation": OrganisationFactory()}
    if kind == "centre":
        return {"centre": SupportCentre.objects.create(code="c1", names={"en": "Centre"})}
    return {}


@pytest.mark.django_db
def test_me_shows_roles(client, person):
    user = person("national_focal_point", party=Party.objects.get(code="ke"))
    client.force_login(user)
    body = client.get("/api/v1/me").json()
    assert [role["role"] for role in body["roles"]] == ["national_focal_point"]
    assert body["roles"][0]["party"] == "ke"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/me", "/api/v1/me/tokens", "/api/v1/people", "/api/v1/audit"])
def test_anonymous_callers_are_refused(client, path):
    response = client.get(path)
    assert response.status_code == 401


@pytest.mark.django_db
def test_tokens_can_be_created_and_revoked_through_the_api(client, person):
    client.force_login(person())
    created = client.post("/api/v1/me/tokens", {"name": "ci"}, content_type="application/json")
    assert created.status_code == 201
    token_id = created.json()["id"]
    assert created.json()["token"].startswith("tsc_")
    assert [t["id"] for t in client.get("/api/v1/me/tokens").json()] == [token_id]
    assert client.delete(f"/api/v1/me/tokens/{token_id}").status_code == 204
    assert client.get("/api/v1/me/tokens").json() == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "kind"), [r for r in NON_ADMIN_ROLES if r[0] != "coordination_staff"] + [(None, None)]
)
def test_people_list_is_refused_to_other_roles(client, person, role, kind):
    client.force_login(person(role, **_scope(kind)) if role else person())
    response = client.get("/api/v1/people")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "kind"), [*NON_ADMIN_ROLES, (None, None)])
def test_only_administrators_grant_roles_through_the_api(client, person, role, kind, with_totp):
    actor = person(role, **_scope(kind)) if role else person()
    client.force_login(with_totp(actor))
    target = person()
    response = client.post(
        "/api/v1/roles", {"user_id": target.pk, "role": "advisory_member"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert not target.role_assignments.exists()


@pytest.mark.django_db
def test_administrator_grants_and_revokes_a_role(client, person, with_totp):
    client.force_login(with_totp(person("platform_admin")))
    target = person()
    response = client.post(
        "/api/v1/roles",
        {"user_id": target.pk, "role": "national_focal_point", "party": "KE"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assignment_id = response.json()["id"]
    revoked = client.post(f"/api/v1/roles/{assignment_id}/revoke")
    assert revoked.status_code == 200
    assert revoked.json()["active"] is False


@pytest.mark.django_db
def test_granting_with_an_unknown_party_is_a_clear_error(client, person):
    client.force_login(person("platform_admin"))
    response = client.post(
        "/api/v1/roles",
        {"user_id": person().pk, "role": "national_focal_point", "party": "zz"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "party" in response.json()["fields"]


@pytest.mark.django_db
def test_audit_log_through_the_api_is_limited_to_own_events(client, person):
    user, other = person(), person()
    from tsc_hub.accounts.services import create_personal_token

    create_personal_token(user=user, name="mine")
    create_personal_token(user=other, name="theirs")
    client.force_login(user)
    events = client.get("/api/v1/audit").json()["items"]
    assert {event["actor"] for event in events} == {user.email}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "kind"), [r for r in NON_ADMIN_ROLES if r[0] != "coordination_staff"] + [(None, None)]
)
def test_other_peoples_roles_are_hidden_from_other_roles(client, person, role, kind):
    client.force_login(person(role, **_scope(kind)) if role else person())
    someone = person("advisory_member")
    response = client.get(f"/api/v1/people/{someone.pk}/roles")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.django_db
def test_coordination_reads_other_peoples_roles(client, person):
    client.force_login(person("coordination_staff"))
    someone = person("advisory_member")
    assert [r["role"] for r in client.get(f"/api/v1/people/{someone.pk}/roles").json()] == ["advisory_member"]
