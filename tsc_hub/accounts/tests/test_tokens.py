import datetime

import pytest
from django.utils import timezone

from tsc_hub.accounts.services import authenticate_token, create_personal_token, revoke_personal_token
from tsc_hub.core.exceptions import InvalidInput, NotFound


@pytest.mark.django_db
def test_token_is_shown_once_and_stored_as_a_digest(person):
    user = person()
    token, raw = create_personal_token(user=user, name="script")
    assert raw.startswith("tsc_")
    assert raw not in token.digest
    assert authenticate_token(raw) == user


@pytest.mark.django_db
def test_revoked_or_expired_tokens_do_not_authenticate(person):
    user = person()
    token, raw = create_personal_token(user=user, name="a")
    revoke_personal_token(token_id=token.pk, by=user)
    assert authenticate_token(raw) is None
    soon = timezone.now() + datetime.timedelta(seconds=1)
    expiring, raw2 = create_personal_token(user=user, name="b", expires_at=soon)
    type(expiring).objects.filter(pk=expiring.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    assert authenticate_token(raw2) is None


@pytest.mark.django_db
def test_a_token_needs_a_name(person):
    with pytest.raises(InvalidInput):
        create_personal_token(user=person(), name="  ")


@pytest.mark.django_db
def test_nobody_revokes_another_persons_token(person):
    owner, other = person(), person()
    token, raw = create_personal_token(user=owner, name="mine")
    with pytest.raises(NotFound):
        revoke_personal_token(token_id=token.pk, by=other)
    assert authenticate_token(raw) == owner


@pytest.mark.django_db
def test_bearer_token_authenticates_the_api(client, person):
    user = person()
    _token, raw = create_personal_token(user=user, name="api")
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert response.json()["email"] == user.email


@pytest.mark.django_db
def test_wrong_bearer_token_is_refused(client):
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer tsc_not-a-token")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
