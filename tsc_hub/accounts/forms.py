"""Forms of the accounts app; they validate, services write."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class ProfileForm(forms.Form):
    """A person's name and preferred language."""

    display_name = forms.CharField(label=_("Name"), max_length=150, required=False)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)


class PersonalTokenForm(forms.Form):
    """A new personal API token."""

    name = forms.CharField(
        label=_("Token name"), max_length=100, help_text=_("For example: reporting script")
    )
    expires_at = forms.DateTimeField(
        label=_("Expires"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
