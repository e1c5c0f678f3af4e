"""Input shapes of the help desk's pages; the services check the rules and the person's rights."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.exceptions import DomainError
from tsc_hub.core.languages import NATIVE_NAMES, UN_LANGUAGES, content_language, pick_text
from tsc_hub.geography.models import Party
from tsc_hub.helpdesk.models import AnswerTemplate
from tsc_hub.helpdesk.states import EnquiryCategory, EnquiryState

LANGUAGES = [(code, NATIVE_NAMES[code]) for code in UN_LANGUAGES]


def show_errors(form: forms.Form, error: DomainError) -> None:
    """Put a service's problems next to the fields they concern, the rest at the top of the form."""
    placed = False
    for field, problems in error.fields.items():
        if field in form.fields:
            for problem in problems:
                form.add_error(field, str(problem))
            placed = True
    if not placed:
        form.add_error(None, str(error.message))


class MessageForm(forms.Form):
    """A message in a request's conversation; the internal box is only offered to the help desk."""

    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000)
    internal = forms.BooleanField(label=_("Internal note (the requester never sees it)"), required=False)


class TemplateAnswerForm(forms.Form):
    """An answer written from a template, filled for this request in the requester's language."""

    template = forms.ChoiceField(label=_("Answer template"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["template"]
        field.choices = [
            (template.code, pick_text(template.title).text) for template in AnswerTemplate.objects.active()
        ]


class EnquiryForm(forms.Form):
    """A general question. `website` is a trap: people never see it, robots fill it in."""

    subject = forms.CharField(label=_("Subject"), max_length=200)
    category = forms.ChoiceField(label=_("Your question is about"), choices=EnquiryCategory.choices)
    body = forms.CharField(
        label=_("Your question"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000
    )
    language = forms.ChoiceField(label=_("Language you write in"), choices=LANGUAGES)
    party = forms.ChoiceField(label=_("Your country (optional)"), required=False)
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.EmailField(label=_("Your e-mail address"), required=False)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, signed_in: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"language": content_language()})
        super().__init__(*args, **kwargs)
        parties = sorted(
            ((party.code, pick_text(party.names).text) for party in Party.objects.all()),
            key=lambda choice: choice[1],
        )
        party: Any = self.fields["party"]
        party.choices = [("", "—"), *parties]
        if signed_in:
            del self.fields["name"], self.fields["email"]
        else:
            self.fields["name"].required = self.fields["email"].required = True

    @property
    def is_robot(self) -> bool:
        """The trap field was filled in: drop the submission without a word."""
        return bool(self.data.get("website", "").strip())


class ReplyForm(forms.Form):
    """A reply on an enquiry."""

    body = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000)
    internal = forms.BooleanField(label=_("Internal note (the enquirer never sees it)"), required=False)


class EnquiryFilterForm(forms.Form):
    """Filters of the enquiry queue."""

    state = forms.ChoiceField(label=_("State"), choices=[("", "—"), *EnquiryState.choices], required=False)
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", "—"), *EnquiryCategory.choices], required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)


class FaqForm(forms.Form):
    """An FAQ entry written in one language (other languages can be added later)."""

    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    category = forms.ChoiceField(label=_("Category"), choices=EnquiryCategory.choices)
    question = forms.CharField(label=_("Question"), max_length=500)
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 5}))
