"""The resource form and the filters of the resource list.

The form checks the shape of what was typed; the service checks the rules, and the form shows its field
errors next to the right boxes.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tsc_hub.accounts import policy
from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.core.languages import NATIVE_NAMES, UN_LANGUAGES, pick_text
from tsc_hub.geography.models import Region
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.permissions import ADD_RESOURCE
from tsc_hub.knowledge.states import ResourceKind, ResourceState
from tsc_hub.knowledge.validation import CBD_SUBJECTS, ResourceData
from tsc_hub.organisations.forms import LANGUAGE_CHOICES, party_choices, target_choices
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

# Multilingual fields: one box per UN language, named <field>_<code>; rows 0 is a one-line box.
MULTILINGUAL = {"title": (_("Title"), 0), "summary": (_("Summary"), 4)}
_PROVENANCE = ("source", "original_identifier", "harvested_from", "harvested_at", "chm_identifier")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def term_choices(vocabulary: str) -> list[tuple[str, str]]:
    """Terms of a vocabulary, labelled in the reader's language."""
    return [(t.identifier, pick_text(t.labels).text) for t in Term.objects.in_vocabulary(vocabulary)]


def region_choices() -> list[tuple[str, str]]:
    return [(r.identifier, pick_text(r.labels).text) for r in Region.objects.all()]


def owner_choices(user: Any, current: Organisation | None = None) -> list[tuple[str, str]]:
    """The organisations a person may describe resources for: all for roles reaching anything; else their
    own, and those of the Parties they are focal point for or their centre serves."""
    rules = {rule.role: rule.reach for rule in policy.rules_for(ADD_RESOURCE)}
    held = RoleAssignment.objects.active().filter(user_id=user.pk, role__in=rules)
    organisations = Organisation.objects.all()
    if not any(rules[role] == "any" for role in held.values_list("role", flat=True)):
        organisations = organisations.filter(
            Q(pk__in=held.values("organisation_id"))
            | Q(country__in=held.values("party_id"))
            | Q(country__in=held.values("centre__parties_served"))
            | Q(pk=getattr(current, "pk", None))
        )
    named = sorted(((str(o.pk), str(o)) for o in organisations), key=lambda choice: choice[1])
    return [("", str(_("None"))), *named]


def _multiple(label: Any, *, checkboxes: bool = False) -> forms.MultipleChoiceField:
    widget = forms.CheckboxSelectMultiple if checkboxes else forms.SelectMultiple(attrs={"size": 6})
    return forms.MultipleChoiceField(label=label, required=False, widget=widget)


def _date(label: Any) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}))


def _lines_box(label: Any, rows: int = 3) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}))


class ResourceFilterForm(forms.Form):
    """Filters of the resource list; choices come from the reference data."""

    q = forms.CharField(label=_("Title contains"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    gbf_target = forms.ChoiceField(label=_("GBF target"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", str(_("Any")))]
        choices = {
            "kind": anything + [(k.value, str(k.label)) for k in ResourceKind],
            "gbf_target": anything + target_choices(),
            "country": anything + party_choices(),
            "language": anything + LANGUAGE_CHOICES,
            "state": [("", str(_("Published")))] + [(s.value, str(s.label)) for s in ResourceState],
        }
        for name, options in choices.items():
            field: Any = self.fields[name]
            field.choices = options


class ResourceForm(forms.Form):
    """A resource (CHM `resource`; `capacityBuildingInitiative` for initiatives)."""

    layout = (
        ("original_language", "kind", "owner", "organisations"),
        ("title",),
        ("summary",),
        ("authors", "publication_date", "links", "resource_languages", "other_languages"),
        ("cbd_subjects", "gbf_targets", "countries", "regions", "keywords"),
        ("start_date", "end_date", "deadline", "rights", "note"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    original_language = forms.ChoiceField(label=_("Language of this record"), choices=LANGUAGE_CHOICES)
    kind = forms.ChoiceField(label=_("Kind"), choices=ResourceKind.choices)
    owner = forms.ChoiceField(label=_("Responsible organisation"), required=False)
    organisations = _multiple(_("Other organisations (authors, publishers, partners)"))
    authors = _lines_box(_("Authors (one per line)"))
    publication_date = _date(_("Publication date"))
    links = _lines_box(_("Links (one per line: the address, then a space and a name if you wish)"))
    resource_languages = _multiple(_("Languages of the resource"), checkboxes=True)
    other_languages = forms.CharField(
        label=_("Other languages (two-letter codes, separated by commas)"), required=False, max_length=200
    )
    cbd_subjects = _multiple(_("CBD subjects"))
    gbf_targets = _multiple(_("GBF targets"))
    countries = _multiple(_("Countries"))
    regions = _multiple(_("Regions"))
    keywords = _lines_box(_("Keywords (one per line)"), rows=2)
    start_date = _date(_("Start date"))
    end_date = _date(_("End date"))
    deadline = _date(_("Deadline"))
    rights = forms.CharField(label=_("Rights and licence"), required=False, max_length=300)
    note = forms.CharField(label=_("What did you change? (optional)"), required=False, max_length=300)

    def __init__(self, *args: Any, user: Any, record: Resource | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.record = record
        for name, (_legend, rows) in MULTILINGUAL.items():
            for code in UN_LANGUAGES:
                widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
                widget.attrs.update({"lang": code, "dir": "auto"})
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=NATIVE_NAMES[code], widget=widget, required=False, max_length=10_000
                )
        if record is None:
            del self.fields["note"]
        choices = {
            "owner": owner_choices(user, record.owner if record is not None else None),
            "organisations": sorted(
                ((str(o.pk), str(o)) for o in Organisation.objects.all()), key=lambda c: c[1]
            ),
            "resource_languages": LANGUAGE_CHOICES,
            "cbd_subjects": term_choices(CBD_SUBJECTS),
            "gbf_targets": target_choices(),
            "countries": party_choices(),
            "regions": region_choices(),
        }
        for name, options in choices.items():
            field: Any = self.fields[name]
            field.choices = options
        if record is not None and not self.is_bound:
            self.initial = initial_from(record)

    def sections(self) -> list[dict[str, Any]]:
        """The fields in the order of `layout`: multilingual groups as fieldsets of one box per language."""
        sections: list[dict[str, Any]] = []
        for names in self.layout:
            if names[0] in MULTILINGUAL:
                boxes = [self[f"{names[0]}_{code}"] for code in UN_LANGUAGES]
                sections.append({"legend": MULTILINGUAL[names[0]][0], "fields": boxes, "multilingual": True})
            else:
                sections.append({"legend": "", "fields": [self[n] for n in names if n in self.fields]})
        return sections

    def texts(self, name: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{name}_{code}", "") for code in UN_LANGUAGES}

    def _languages(self) -> list[str]:
        others = [code.strip().lower() for code in self.cleaned_data["other_languages"].split(",")]
        return [*self.cleaned_data["resource_languages"], *[code for code in others if code]]

    def _links(self) -> list[dict[str, str]]:
        """Parsed lines; a link already there keeps the language it was recorded with."""
        known = {link.get("url"): link.get("language", "") for link in getattr(self.record, "links", [])}
        parsed = []
        for line in _lines(self.cleaned_data["links"]):
            url, _space, name = line.partition(" ")
            parsed.append({"url": url, "name": name.strip(), "language": known.get(url, "")})
        return parsed

    def to_data(self) -> ResourceData:
        data = self.cleaned_data
        provenance = {name: getattr(self.record, name) for name in _PROVENANCE} if self.record else {}
        return ResourceData(
            kind=data["kind"],
            title=self.texts("title"),
            summary=self.texts("summary"),
            authors=_lines(data["authors"]),
            organisations=[int(pk) for pk in data["organisations"]],
            owner=int(data["owner"]) if data["owner"] else None,
            publication_date=data["publication_date"],
            links=self._links(),
            resource_languages=self._languages(),
            cbd_subjects=data["cbd_subjects"],
            gbf_targets=data["gbf_targets"],
            countries=data["countries"],
            regions=data["regions"],
            keywords=_lines(data["keywords"]),
            rights=data["rights"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            deadline=data["deadline"],
            original_language=data["original_language"],
            **provenance,
        )

    def add_service_errors(self, fields: dict[str, list[str]]) -> None:
        """Show a service's field errors next to the right boxes (the others above the form)."""
        language = self.cleaned_data.get("original_language", "en")
        for name, problems in fields.items():
            target = f"{name}_{language}" if name in MULTILINGUAL else name
            if name == "resource_languages":
                target = "other_languages"
            for problem in problems:
                self.add_error(target if target in self.fields else None, problem)


def _identifiers(related: Any, key: str = "identifier") -> list[str]:
    return [str(getattr(item, key)) for item in related.all()]


def initial_from(record: Resource) -> dict[str, Any]:
    """The form's values for an existing resource."""
    texts = {
        f"{name}_{code}": getattr(record, name).get(code, "")
        for name in MULTILINGUAL
        for code in UN_LANGUAGES
    }
    languages = record.resource_languages
    links = [f"{link.get('url', '')} {link.get('name', '')}".strip() for link in record.links]
    return {
        **texts,
        "version": record.version,
        "original_language": record.original_language,
        "kind": record.kind,
        "owner": str(record.owner_id or ""),
        "organisations": _identifiers(record.organisations, "pk"),
        "authors": "\n".join(record.authors),
        "publication_date": record.publication_date,
        "links": "\n".join(links),
        "resource_languages": [code for code in languages if code in UN_LANGUAGES],
        "other_languages": ", ".join(code for code in languages if code not in UN_LANGUAGES),
        "cbd_subjects": _identifiers(record.cbd_subjects),
        "gbf_targets": _identifiers(record.gbf_targets),
        "countries": _identifiers(record.countries, "code"),
        "regions": _identifiers(record.regions),
        "keywords": "\n".join(record.keywords),
        "start_date": record.start_date,
        "end_date": record.end_date,
        "deadline": record.deadline,
        "rights": record.rights,
    }
