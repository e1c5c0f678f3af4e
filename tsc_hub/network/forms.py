"""Forms of the network pages. A multilingual text is written in one language at a time."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.languages import NATIVE_NAMES, UN_LANGUAGES, content_language
from tsc_hub.network.states import TicketCategory, ToolKind

LANGUAGES = [(code, NATIVE_NAMES[code]) for code in UN_LANGUAGES]


def _language_field() -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGES, initial=content_language)


class CentreChoiceMixin(forms.Form):
    """A choice of the centres the person works for (set by the view)."""

    centre = forms.ChoiceField(label=_("Centre"), choices=())

    def __init__(self, *args: Any, centres: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["centre"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(str(c.pk), str(c)) for c in centres or []]


class PlanForm(CentreChoiceMixin):
    """A new work plan with its first outcome, activity and indicator."""

    language = _language_field()
    start_year = forms.IntegerField(label=_("First year"), min_value=2000, max_value=2100, initial=2024)
    end_year = forms.IntegerField(label=_("Last year"), min_value=2000, max_value=2100, initial=2026)
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class OutcomeForm(forms.Form):
    """One more outcome, with an activity and its budget, and an indicator with baseline and target."""

    language = _language_field()
    outcome = forms.CharField(label=_("Outcome"), max_length=500)
    activity = forms.CharField(label=_("Activity"), max_length=500)
    budget_amount = forms.DecimalField(label=_("Budget"), min_value=0, required=False)
    budget_currency = forms.CharField(label=_("Currency (ISO 4217)"), max_length=3, initial="USD")
    indicator = forms.CharField(label=_("Performance indicator"), max_length=500)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), min_value=0)
    target = forms.DecimalField(label=_("Target"), min_value=0)


class OutcomeTitleForm(forms.Form):
    """The title of an outcome, in one language."""

    language = _language_field()
    outcome = forms.CharField(label=_("Outcome"), max_length=500)


class ActivityForm(forms.Form):
    """An activity of an outcome, with its budget."""

    language = _language_field()
    activity = forms.CharField(label=_("Activity"), max_length=500)
    budget_amount = forms.DecimalField(label=_("Budget"), min_value=0, required=False)
    budget_currency = forms.CharField(label=_("Currency (ISO 4217)"), max_length=3, initial="USD")


class IndicatorForm(forms.Form):
    """A performance indicator of an outcome: its baseline and target in a unit."""

    language = _language_field()
    indicator = forms.CharField(label=_("Performance indicator"), max_length=500)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), min_value=0)
    target = forms.DecimalField(label=_("Target"), min_value=0)


class AssignTicketForm(forms.Form):
    """Choose the member of the coordination staff who answers a ticket."""

    assignee = forms.ChoiceField(label=_("Assigned to"), choices=())

    def __init__(self, *args: Any, people: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(str(p.pk), str(p)) for p in people or []]


class ReportStartForm(CentreChoiceMixin):
    """Start an annual report: the figures are filled in from the platform's records."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, initial=lambda: timezone.now().year - 1)


class NarrativeForm(forms.Form):
    language = _language_field()
    narrative = forms.CharField(label=_("Narrative"), widget=forms.Textarea(attrs={"rows": 8}))


class DocumentForm(CentreChoiceMixin):
    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(label=_("File"))


class ExchangeForm(forms.Form):
    from_centre = forms.ChoiceField(label=_("From centre"), choices=())
    to_centre = forms.ChoiceField(label=_("To centre"), choices=())
    kind = forms.ChoiceField(label=_("Kind"), choices=ToolKind.choices)
    language = _language_field()
    title = forms.CharField(label=_("What was exchanged"), max_length=300)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    def __init__(self, *args: Any, centres: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(c.code, str(c)) for c in centres or []]
        for name in ("from_centre", "to_centre"):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices


class MeetingForm(forms.Form):
    language = _language_field()
    title = forms.CharField(label=_("Title"), max_length=300)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place"), max_length=200)
    participants = forms.CharField(
        label=_("Participants (one a line)"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 6}), required=False)


class TicketForm(CentreChoiceMixin):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    category = forms.ChoiceField(label=_("Category"), choices=TicketCategory.choices)
    body = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 6}))


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 4}))
