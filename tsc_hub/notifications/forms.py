"""Forms of the notifications app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.notifications.models import EmailMode


class PreferenceForm(forms.Form):
    """How notifications reach me by e-mail."""

    email_mode = forms.ChoiceField(label=_("Send notifications by e-mail"), choices=EmailMode.choices)
