"""The profile page: who I am, my roles, my API tokens."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts import services
from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.forms import PersonalTokenForm, ProfileForm
from tsc_hub.accounts.models import PersonalToken, RoleAssignment
from tsc_hub.accounts.roles import MFA_REQUIRED_ROLES
from tsc_hub.core.exceptions import DomainError


def _profile_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    user: Any = request.user
    assignments = (
        RoleAssignment.objects.visible_to(user)
        .filter(user=user)
        .select_related("party", "organisation", "centre")
        .order_by("revoked_at", "role")
    )
    return {
        "assignments": assignments,
        "tokens": PersonalToken.objects.visible_to(user).filter(revoked_at__isnull=True),
        "has_totp": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
        "mfa_roles": MFA_REQUIRED_ROLES,
        "profile_form": ProfileForm(
            initial={"display_name": user.display_name, "preferred_language": user.preferred_language}
        ),
        "token_form": PersonalTokenForm(),
        **extra,
    }


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The signed-in person's page."""
    return render(request, "accounts/profile.html", _profile_context(request))


@login_required
@require_POST
def update_profile(request: HttpRequest) -> HttpResponse:
    """Save the name and preferred language."""
    form = ProfileForm(request.POST)
    if form.is_valid():
        services.update_profile(user=signed_in_user(request), **form.cleaned_data)
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", _profile_context(request, profile_form=form), status=400)


@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    """Make a personal API token and show it once."""
    form = PersonalTokenForm(request.POST)
    if form.is_valid():
        try:
            _token, raw = services.create_personal_token(user=signed_in_user(request), **form.cleaned_data)
        except DomainError as error:
            for field, problems in error.fields.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            return render(request, "accounts/profile.html", _profile_context(request, new_token=raw))
    return render(request, "accounts/profile.html", _profile_context(request, token_form=form), status=400)


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of my tokens."""
    try:
        services.revoke_personal_token(token_id=token_id, by=signed_in_user(request))
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The token was revoked."))
    return redirect("accounts:profile")
