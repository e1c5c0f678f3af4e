"""How the API knows who is calling: a personal bearer token, or the browser session."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, django_auth

from tsc_hub.accounts.models import User
from tsc_hub.accounts.services import authenticate_token


class PersonalTokenAuth(HttpBearer):
    """`Authorization: Bearer tsc_…` with a token made on the profile page or through the API."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = authenticate_token(token)
        if user is not None:
            request.user = user
        return user


class Anonymous:
    """Lets a public endpoint run for anyone while still reading a token when one is sent."""

    def __call__(self, request: HttpRequest) -> bool:
        return True


token_auth = PersonalTokenAuth()
SIGNED_IN = [token_auth, django_auth]
ANYONE = [token_auth, django_auth, Anonymous()]


def signed_in_user(request: HttpRequest) -> User:
    """The authenticated person of a request that passed SIGNED_IN or login_required."""
    user = request.user
    if not isinstance(user, User):
        raise AuthenticationError()
    return user
