"""The organisation form: one text box per UN language for multilingual fields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.languages import NATIVE_NAMES, UN_LANGUAGES, pick_text
from tsc_hub.geography.models import Party, Region
from tsc_hub.organisations.models import Organisation
from tsc_hub.organisations.services import GBF_TARGETS, ORGANISATION_TYPES, OrganisationData
from tsc_hub.vocabularies.models import Term

LANGUAGE_CHOICES = [(code, NATIVE_NAMES[code]) for code in UN_LANGUAGES]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def party_choices() -> list[tuple[str, str]]:
    """Parties by name in the reader's language."""
    return sorted(
        ((p.code, pick_text(p.names).text) for p in Party.objects.all()), key=lambda choice: choice[1]
    )


def type_choices() -> list[tuple[str, str]]:
    """Organisation types (CHM identifiers)."""
    return [(t.identifier, pick_text(t.labels).text) for t in Term.objects.in_vocabulary(ORGANISATION_TYPES)]


def target_choices() -> list[tuple[str, str]]:
    """GBF targets as "T03 Conserve 30% ..."."""
    return [
        (t.identifier, f"{t.notation} {pick_text(t.short_labels or t.labels).text}".strip())
        for t in Term.objects.in_vocabulary(GBF_TARGETS)
    ]


class OrganisationForm(forms.Form):
    """Checks the shape of what was typed; the service checks the rules."""

    original_language = forms.ChoiceField(label=_("Language of this record"), choices=LANGUAGE_CHOICES)
    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    organisation_type = forms.ChoiceField(label=_("Type of organisation"))
    country = forms.ChoiceField(label=_("Country"))
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    websites = forms.CharField(
        label=_("Websites (one per line)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    emails = forms.CharField(
        label=_("E-mail addresses (one per line)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    operational_languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    operational_regions = forms.MultipleChoiceField(label=_("Regions of work"), required=False)
    gbf_targets = forms.MultipleChoiceField(label=_("GBF targets of work"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code in UN_LANGUAGES:
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name in %(language)s") % {"language": NATIVE_NAMES[code]},
                max_length=300,
                required=False,
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s") % {"language": NATIVE_NAMES[code]},
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
            )
        choices: dict[str, list[tuple[str, str]]] = {
            "organisation_type": type_choices(),
            "country": party_choices(),
            "operational_regions": [(r.identifier, pick_text(r.labels).text) for r in Region.objects.all()],
            "gbf_targets": target_choices(),
        }
        for name, options in choices.items():
            field: Any = self.fields[name]
            field.choices = options

    def name_fields(self) -> list[forms.BoundField]:
        return [self[f"name_{code}"] for code in UN_LANGUAGES]

    def description_fields(self) -> list[forms.BoundField]:
        return [self[f"description_{code}"] for code in UN_LANGUAGES]

    def to_data(self) -> OrganisationData:
        data = self.cleaned_data
        return OrganisationData(
            names={code: data.get(f"name_{code}", "") for code in UN_LANGUAGES},
            descriptions={code: data.get(f"description_{code}", "") for code in UN_LANGUAGES},
            organisation_type=data["organisation_type"],
            country=data["country"],
            acronym=data["acronym"],
            city=data["city"],
            websites=_lines(data["websites"]),
            emails=_lines(data["emails"]),
            operational_languages=data["operational_languages"],
            operational_regions=data["operational_regions"],
            gbf_targets=data["gbf_targets"],
            original_language=data["original_language"],
        )

    @classmethod
    def initial_from(cls, organisation: Organisation) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "original_language": organisation.original_language,
            "acronym": organisation.acronym,
            "organisation_type": organisation.organisation_type.identifier,
            "country": organisation.country_id,
            "city": organisation.city,
            "websites": "\n".join(w.get("url", "") for w in organisation.websites),
            "emails": "\n".join(organisation.emails),
            "operational_languages": organisation.operational_languages,
            "operational_regions": [r.identifier for r in organisation.operational_regions.all()],
            "gbf_targets": [t.identifier for t in organisation.gbf_targets.all()],
        }
        for code in UN_LANGUAGES:
            initial[f"name_{code}"] = organisation.names.get(code, "")
            initial[f"description_{code}"] = organisation.descriptions.get(code, "")
        return initial

    def add_service_errors(self, fields: dict[str, list[str]]) -> None:
        """Show the service's field errors next to the right boxes."""
        for name, problems in fields.items():
            target = f"name_{self.cleaned_data.get('original_language', 'en')}" if name == "names" else name
            for problem in problems:
                self.add_error(target if target in self.fields else None, problem)


class OrganisationFilterForm(forms.Form):
    """Filters of the organisation list; choices come from the reference data."""

    q = forms.CharField(label=_("Name contains"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    organisation_type = forms.ChoiceField(label=_("Type"), required=False)
    gbf_target = forms.ChoiceField(label=_("GBF target"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", str(_("Any")))]
        choices = {
            "country": party_choices(),
            "organisation_type": type_choices(),
            "gbf_target": target_choices(),
        }
        for name, options in choices.items():
            field: Any = self.fields[name]
            field.choices = anything + options
