"""Forms of the project pages: input shapes only; the services check the rules and who may."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.languages import NATIVE_NAMES, UN_LANGUAGES, pick_text
from tsc_hub.geography.models import Party
from tsc_hub.projects.services import FundingData, OutputData, ProjectData
from tsc_hub.projects.states import FundingSource, OutputKind, RatingSide

LANGUAGES = [(code, NATIVE_NAMES[code]) for code in UN_LANGUAGES]
DATE = forms.DateInput(attrs={"type": "date"})


def _merge(stored: dict[str, str] | None, language: str, value: str) -> dict[str, str]:
    """Texts are written one language at a time; other languages already stored are kept."""
    return {**(stored or {}), language: value}


def _set_choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    field: Any = form.fields[name]
    field.choices = [("", "—"), *choices]


def party_choices() -> list[tuple[str, str]]:
    return sorted(((p.code, pick_text(p.names).text) for p in Party.objects.all()), key=lambda c: c[1])


class ProjectForm(forms.Form):
    """The texts and dates of a project, in one language at a time."""

    language = forms.ChoiceField(label=_("Language you write in"), choices=LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    start_date = forms.DateField(label=_("Start"), required=False, widget=DATE)
    end_date = forms.DateField(label=_("End"), required=False, widget=DATE)
    final_report = forms.CharField(
        label=_("Final report"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def to_data(self, stored: Any = None) -> ProjectData:
        """The form in the service's terms, merged into the stored project's texts."""
        data, language = self.cleaned_data, self.cleaned_data["language"]
        return ProjectData(
            title=_merge(getattr(stored, "title", None), language, data["title"]),
            summary=_merge(getattr(stored, "summary", None), language, data["summary"]),
            final_report=_merge(
                getattr(stored, "final_report", None), language, data.get("final_report", "")
            ),
            original_language=getattr(stored, "original_language", language),
            start_date=data["start_date"],
            end_date=data["end_date"],
        )


class CreateProjectForm(ProjectForm):
    """A new project: the agreed matches it starts from and, optionally, a co-funder."""

    matches = forms.MultipleChoiceField(label=_("Agreed matches"), widget=forms.CheckboxSelectMultiple)
    co_funder = forms.ChoiceField(label=_("Co-funder (optional)"), required=False)

    def __init__(self, *args: Any, matches: Any = (), organisations: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["final_report"]
        field: Any = self.fields["matches"]
        field.choices = [(str(m.pk), str(m.provider_organisation)) for m in matches]
        _set_choices(self, "co_funder", [(str(o.pk), str(o)) for o in organisations])


class MilestoneForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    title = forms.CharField(label=_("Milestone"), max_length=300)
    due_date = forms.DateField(label=_("Due"), required=False, widget=DATE)


class IndicatorForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    name = forms.CharField(label=_("Indicator"), max_length=300)
    unit = forms.CharField(label=_("Unit"), max_length=60)
    baseline = forms.DecimalField(label=_("Baseline"), initial=0, max_digits=14, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)


class IndicatorValueForm(forms.Form):
    current_value = forms.DecimalField(label=_("Current value"), max_digits=14, decimal_places=2)


class FundingForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount"), max_digits=16, decimal_places=2)
    currency = forms.CharField(label=_("Currency (ISO 4217)"), max_length=3, initial="USD")
    source = forms.ChoiceField(label=_("Source"), choices=FundingSource.choices)
    date = forms.DateField(label=_("Date"), widget=DATE)
    evidence_url = forms.CharField(label=_("Evidence (link)"), required=False, max_length=500)
    evidence_text = forms.CharField(
        label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def to_data(self) -> FundingData:
        return FundingData(**self.cleaned_data)


class OutputForm(forms.Form):
    """Every field of every kind of output; only those of the chosen kind are to be filled."""

    kind = forms.ChoiceField(label=_("Kind of output"), choices=OutputKind.choices)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    title = forms.CharField(label=_("Title or name"), required=False, max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    from_country = forms.ChoiceField(label=_("From country"), required=False)
    to_country = forms.ChoiceField(label=_("To country"), required=False)
    experts_count = forms.IntegerField(label=_("Number of experts"), required=False)
    participants_women = forms.IntegerField(label=_("Women trained"), required=False)
    participants_men = forms.IntegerField(label=_("Men trained"), required=False)
    participants_other = forms.IntegerField(label=_("Others trained"), required=False)
    from_centre = forms.ChoiceField(label=_("From support centre"), required=False)
    to_centre = forms.ChoiceField(label=_("To support centre"), required=False)
    members_count = forms.IntegerField(label=_("Number of members"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parties = party_choices()
        centres = [(c.code, str(c)) for c in SupportCentre.objects.all()]
        for name, choices in (("from_country", parties), ("to_country", parties)):
            _set_choices(self, name, choices)
        for name in ("from_centre", "to_centre"):
            _set_choices(self, name, centres)

    def to_data(self) -> OutputData:
        data = dict(self.cleaned_data)
        language = data.pop("language")
        for name in ("title", "description"):
            data[name] = {language: data[name]} if data[name] else {}
        values: dict[str, Any] = {name: (value if value != "" else None) for name, value in data.items()}
        return OutputData(**values)


class RatingForm(forms.Form):
    side = forms.ChoiceField(label=_("Side"), choices=RatingSide.choices)
    score = forms.TypedChoiceField(
        label=_("Score (1 poor – 5 excellent)"), coerce=int, choices=[(n, str(n)) for n in range(1, 6)]
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
