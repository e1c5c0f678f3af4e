"""Forms of the committee's pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ThreadForm(forms.Form):
    """A new discussion in a forum."""

    title = forms.CharField(label=_("Subject"), max_length=300)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}))


class ReplyForm(forms.Form):
    """A reply in a thread."""

    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}))


class DocumentForm(forms.Form):
    """A document of a meeting."""

    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(label=_("File"))
