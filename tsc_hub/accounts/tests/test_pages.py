import pytest
from django.core import mail

from tsc_hub.geography.models import Party


@pytest.mark.django_db
def test_profile_needs_signing_in(client):
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_profile_lists_the_roles(client, person):
    client.force_login(person("national_focal_point", party=Party.objects.get(code="ke")))
    page = client.get("/en/accounts/profile/").content.decode()
    assert "National focal point" in page
    assert "Kenya" in page


@pytest.mark.django_db
def test_staff_role_without_authenticator_is_sent_to_set_one_up(client, person):
    client.force_login(person("coordination_staff"))
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate" in response["Location"]


@pytest.mark.django_db
def test_staff_role_with_authenticator_passes(client, person, with_totp):
    client.force_login(with_totp(person("coordination_staff")))
    assert client.get("/en/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_focal_point_needs_no_second_factor(client, person):
    client.force_login(person("national_focal_point", party=Party.objects.get(code="ke")))
    assert client.get("/en/accounts/profile/").status_code == 200


@pytest.mark.django_db
def test_profile_form_rejects_an_unknown_language_and_keeps_the_old_one(client, person):
    user = person()
    client.force_login(user)
    response = client.post("/en/accounts/profile/edit/", {"display_name": "X", "preferred_language": "de"})
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.preferred_language == "en"


@pytest.mark.django_db
def test_token_created_on_the_profile_is_shown_once(client, person):
    client.force_login(person())
    page = client.post("/en/accounts/profile/tokens/", {"name": "laptop"}).content.decode()
    assert "tsc_" in page
    assert (
        "tsc_"
        not in client.get("/en/accounts/profile/")
        .content.decode()
        .split("Personal API tokens")[1]
        .split("<table")[0]
    )


@pytest.mark.django_db
def test_sign_up_sends_a_verification_email_through_the_job_queue(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/signup/",
            {
                "email": "new.person@example.org",
                "password1": "a-long-unusual-passphrase",
                "password2": "a-long-unusual-passphrase",
            },
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.org"]
    from tsc_hub.core.models import AuditEvent

    assert AuditEvent.objects.filter(action="sign_up", actor_label="new.person@example.org").exists()


@pytest.mark.django_db
def test_unverified_address_cannot_sign_in(client):
    from tsc_hub.accounts.models import User

    User.objects.create_user(email="unverified@example.org", password="a-long-unusual-passphrase")
    response = client.post(
        "/en/accounts/login/", {"login": "unverified@example.org", "password": "a-long-unusual-passphrase"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)


@pytest.mark.django_db
def test_password_reset_sends_an_email(client, person, django_capture_on_commit_callbacks):
    user = person()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert mail.outbox[-1].to == [user.email]


@pytest.mark.django_db
def test_signing_in_opens_the_site_in_the_preferred_language(client, person):
    user = person()
    user.preferred_language = "ar"
    user.save()
    response = client.post("/en/accounts/login/", {"login": user.email, "password": "correct horse battery"})
    assert response.status_code == 302
    assert response["Location"].startswith("/ar/")
