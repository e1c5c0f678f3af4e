"""Forms of requests: written in one language at a time; other languages already stored are kept."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.assistance.services.drafting import RequestData
from tsc_hub.assistance.states import RequestState, Urgency, Visibility
from tsc_hub.core.languages import NATIVE_NAMES, UN_LANGUAGES, pick_text
from tsc_hub.geography.models import Party
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

LANGUAGES = [(code, NATIVE_NAMES[code]) for code in UN_LANGUAGES]
TEXTS = (
    "title",
    "problem",
    "objectives",
    "addressed_priorities",
    "types_details",
    "existing_initiatives",
    "co_financing",
)
REQUIRED_TEXTS = {"title", "problem", "addressed_priorities"}
TEXT_LABELS = {
    "title": _("Title"),
    "problem": _("The problem to solve"),
    "objectives": _("Objectives"),
    "addressed_priorities": _("National priorities addressed"),
    "types_details": _("Details of the assistance needed"),
    "existing_initiatives": _("Existing initiatives"),
    "co_financing": _("Co-financing"),
}
VOCABULARIES = {
    "assistance_types": ("ASSISTANCE-TYPES", _("Types of assistance (at most 3)")),
    "gbf_targets": ("GBF-TARGETS", _("GBF targets")),
    "cbd_subjects": ("CBD-SUBJECTS", _("CBD subjects")),
    "beneficiary_types": ("BENEFICIARY-TYPES", _("Beneficiaries")),
}


def _term_choices(vocabulary: str) -> list[tuple[str, str]]:
    return [
        (t.identifier, f"{t.notation} {pick_text(t.short_labels or t.labels).text}".strip())
        for t in Term.objects.in_vocabulary(vocabulary)
    ]


class RequestForm(forms.Form):
    """A request for assistance; the service checks the rules and the person's right to it."""

    original_language = forms.ChoiceField(label=_("Language you write in"), choices=LANGUAGES)
    country = forms.ChoiceField(label=_("Requesting Party"))
    organisation = forms.ChoiceField(label=_("Requesting organisation"))
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact e-mail"))
    national_priority_reference = forms.CharField(
        label=_("NBSAP or national target reference"), max_length=300
    )
    coverage_parties = forms.MultipleChoiceField(label=_("Countries covered"), required=False)
    start_date = forms.DateField(
        label=_("Start"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(label=_("End"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, initial=Urgency.NORMAL)
    working_languages = forms.MultipleChoiceField(
        label=_("Working languages"), choices=LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )
    involves_traditional_knowledge = forms.BooleanField(
        label=_("Indigenous or traditional knowledge is involved"), required=False
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"), choices=Visibility.choices, initial=Visibility.PUBLIC
    )

    def __init__(
        self,
        *args: Any,
        organisations: Any = None,
        stored: dict[str, dict[str, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.stored = stored or {}
        for name in TEXTS:
            widget = forms.TextInput() if name == "title" else forms.Textarea(attrs={"rows": 3})
            self.fields[name] = forms.CharField(
                label=TEXT_LABELS[name], required=name in REQUIRED_TEXTS, widget=widget
            )
        for name, (vocabulary, label) in VOCABULARIES.items():
            self.fields[name] = forms.MultipleChoiceField(
                label=label, choices=_term_choices(vocabulary), required=name != "beneficiary_types"
            )
        parties = sorted(((p.code, pick_text(p.names).text) for p in Party.objects.all()), key=lambda c: c[1])
        self._set_choices("country", parties)
        self._set_choices("coverage_parties", parties)
        pool = organisations if organisations is not None else Organisation.objects.all()
        self._set_choices("organisation", [(str(o.pk), str(o)) for o in pool.select_related("country")])

    def _set_choices(self, name: str, choices: list[tuple[str, str]]) -> None:
        field: Any = self.fields[name]
        field.choices = choices

    def to_data(self) -> RequestData:
        """The form in the service's terms; texts in other languages already stored are kept."""
        data = self.cleaned_data
        language = data["original_language"]
        texts: dict[str, Any] = {
            name: {**self.stored.get(name, {}), language: data.get(name, "")} for name in TEXTS
        }
        return RequestData(
            country=data["country"],
            organisation_id=int(data["organisation"]),
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            national_priority_reference=data["national_priority_reference"],
            coverage_parties=data["coverage_parties"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            urgency=data["urgency"],
            working_languages=data["working_languages"],
            involves_traditional_knowledge=data["involves_traditional_knowledge"],
            visibility=data["visibility"],
            original_language=language,
            **texts,
            **{name: data.get(name, []) for name in VOCABULARIES},
        )

    def add_service_errors(self, fields: dict[str, list[str]]) -> None:
        """Show the service's field errors next to the right boxes."""
        aliases = {"organisation": "organisation", "coverage": "coverage_parties"}
        for name, problems in fields.items():
            target = aliases.get(name, name)
            for problem in problems:
                self.add_error(target if target in self.fields else None, problem)


def initial_from(request: Any, language: str) -> dict[str, Any]:
    """Form values of a stored request, texts in `language` (or the original language)."""
    initial: dict[str, Any] = {
        "original_language": language,
        "country": request.country_id,
        "organisation": str(request.organisation_id),
        "contact_name": request.contact_name,
        "contact_email": request.contact_email,
        "national_priority_reference": request.national_priority_reference,
        "coverage_parties": [p.code for p in request.coverage_parties.all()],
        "start_date": request.start_date,
        "end_date": request.end_date,
        "urgency": request.urgency,
        "working_languages": request.working_languages,
        "involves_traditional_knowledge": request.involves_traditional_knowledge,
        "visibility": request.visibility,
    }
    for name in TEXTS:
        initial[name] = getattr(request, name).get(language, "")
    for name in VOCABULARIES:
        initial[name] = [t.identifier for t in getattr(request, name).all()]
    return initial


class TransitionForm(forms.Form):
    """An action with its reason."""

    action = forms.CharField(max_length=40)
    reason = forms.CharField(
        label=_("Reason or message"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RequestFilterForm(forms.Form):
    """Filters of the request list."""

    state = forms.ChoiceField(label=_("State"), required=False)
    country = forms.ChoiceField(label=_("Requesting Party"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", str(_("Any")))]
        state: Any = self.fields["state"]
        state.choices = anything + list(RequestState.choices)
        country: Any = self.fields["country"]
        country.choices = anything + sorted(
            ((p.code, pick_text(p.names).text) for p in Party.objects.all()), key=lambda c: c[1]
        )
