"""Requires a second factor of people who hold centre, coordination or administrator roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from tsc_hub.accounts.services import needs_mfa_enrolment

# Paths a person must still reach while enrolling: the MFA pages, signing out, static files, the API
# (which answers with its own error for tokens), language switching.
_ALLOWED_FRAGMENTS = ("/accounts/2fa/", "/accounts/logout/", "/static/", "/i18n/", "/api/", "/healthz")


class RequireMultiFactorMiddleware:
    """Sends a person whose roles need MFA, and who has none, to set up an authenticator."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not any(fragment in request.path for fragment in _ALLOWED_FRAGMENTS)
            and needs_mfa_enrolment(user)
        ):
            messages.warning(
                request,
                _("Your role requires two-factor authentication. Set up an authenticator app to continue."),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
