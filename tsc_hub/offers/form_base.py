"""The parts the profile and offer forms are built of: choices, sections, one box per UN language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tsc_hub.accounts import policy
from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.languages import NATIVE_NAMES, UN_LANGUAGES, pick_text
from tsc_hub.geography.models import Region
from tsc_hub.organisations.forms import LANGUAGE_CHOICES
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


def term_choices(vocabulary: str) -> list[tuple[str, str]]:
    """Terms of a vocabulary, labelled in the reader's language."""
    return [(t.identifier, pick_text(t.labels).text) for t in Term.objects.in_vocabulary(vocabulary)]


def region_choices() -> list[tuple[str, str]]:
    return [(r.identifier, pick_text(r.labels).text) for r in Region.objects.all()]


def organisation_choices(user: Any, permission: str) -> list[tuple[str, str]]:
    """The organisations a person may act for: all for roles reaching anything, else their own and
    those of the Parties their centre serves."""
    rules = {rule.role: rule.reach for rule in policy.rules_for(permission)}
    held = RoleAssignment.objects.active().filter(user_id=user.pk, role__in=rules)
    organisations = Organisation.objects.all()
    if not any(rules[role] == "any" for role in held.values_list("role", flat=True)):
        served = SupportCentre.parties_served.through.objects.filter(
            supportcentre_id__in=held.values("centre_id")
        ).values("party_id")
        organisations = organisations.filter(Q(pk__in=held.values("organisation_id")) | Q(country__in=served))
    return sorted(((str(o.pk), str(o)) for o in organisations), key=lambda choice: choice[1])


@dataclass(frozen=True)
class Section:
    """A group of fields shown together; multilingual groups hold one box per language."""

    legend: str | Promise
    fields: list[forms.BoundField]
    multilingual: bool = False


class MultilingualForm(forms.Form):
    """A form with, for each name in `multilingual`, one box per UN language (`<name>_<code>`)."""

    multilingual: dict[str, tuple[Promise, int]] = {}  # name: (legend, rows; 0 for a one-line box)
    layout: tuple[str, ...] = ()  # field and multilingual group names, in the order shown
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    original_language = forms.ChoiceField(label=_("Language of this record"), choices=LANGUAGE_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, (_legend, rows) in self.multilingual.items():
            for code in UN_LANGUAGES:
                widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=NATIVE_NAMES[code], widget=widget, required=False, max_length=10_000
                )
                self.fields[f"{name}_{code}"].widget.attrs.update({"lang": code, "dir": "auto"})

    def texts(self, name: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{name}_{code}", "") for code in UN_LANGUAGES}

    def set_choices(self, choices: dict[str, list[tuple[str, str]]]) -> None:
        for name, options in choices.items():
            field: Any = self.fields[name]
            field.choices = options

    def sections(self) -> list[Section]:
        """The fields in the order of `layout`: runs of plain fields, each multilingual group on its own."""
        sections: list[Section] = []
        run: list[forms.BoundField] = []
        for name in self.layout:
            if name not in self.multilingual:
                run.append(self[name])
                continue
            if run:
                sections.append(Section("", run))
                run = []
            legend = self.multilingual[name][0]
            sections.append(
                Section(legend, [self[f"{name}_{code}"] for code in UN_LANGUAGES], multilingual=True)
            )
        if run:
            sections.append(Section("", run))
        return sections

    def initial_texts(self, record: Any) -> dict[str, str]:
        return {
            f"{name}_{code}": getattr(record, name).get(code, "")
            for name in self.multilingual
            for code in UN_LANGUAGES
        }

    def add_service_errors(self, fields: dict[str, list[str]]) -> None:
        """Show a service's field errors next to the right boxes."""
        language = self.cleaned_data.get("original_language", "en")
        for name, problems in fields.items():
            target = f"{name}_{language}" if name in self.multilingual else name
            for problem in problems:
                self.add_error(target if target in self.fields else None, problem)


def multiple(
    label: _StrPromise, *, checkboxes: bool = False, required: bool = False
) -> forms.MultipleChoiceField:
    widget = forms.CheckboxSelectMultiple if checkboxes else forms.SelectMultiple(attrs={"size": 6})
    return forms.MultipleChoiceField(label=label, required=required, widget=widget)


def date_field(label: _StrPromise) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}))
