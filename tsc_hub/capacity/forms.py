"""Forms of capacity needs and activities, and the filters of their lists.

The forms check the shape of what was typed; the services check the rules, and the forms show their
field errors next to the right boxes.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.accounts import policy
from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.capacity.filters import CURRENT
from tsc_hub.capacity.models import (
    ActivityStatus,
    CapacityActivity,
    CapacityNeed,
    CapacityType,
    Grouping,
    NeedStatus,
    Priority,
)
from tsc_hub.capacity.permissions import ADD_ACTIVITY, ADD_NEED
from tsc_hub.capacity.validation import (
    ACTIVITY_EDIT_STATUSES,
    FIRST_YEAR,
    LAST_YEAR,
    NEED_EDIT_STATUSES,
    ActivityData,
    NeedData,
)
from tsc_hub.geography.models import CbdRegionalGroup, M49Subregion
from tsc_hub.offers.form_base import (
    MultilingualForm,
    date_field,
    multiple,
    organisation_choices,
    region_choices,
    term_choices,
)
from tsc_hub.offers.validation import CBD_SUBJECTS
from tsc_hub.organisations.forms import party_choices, target_choices
from tsc_hub.organisations.models import Organisation


def _identifiers(related: Any, key: str = "identifier") -> list[str]:
    return [str(getattr(item, key)) for item in related.all()]


def party_choices_for(user: Any, permission: str) -> list[tuple[str, str]]:
    """The Parties a person may record needs for: all for roles reaching anything, else their own."""
    rules = {rule.role: rule.reach for rule in policy.rules_for(permission)}
    held = RoleAssignment.objects.active().filter(user_id=user.pk, role__in=rules)
    if any(rules[role] == "any" for role in held.values_list("role", flat=True)):
        return party_choices()
    own = set(held.exclude(party__isnull=True).values_list("party_id", flat=True))
    return [choice for choice in party_choices() if choice[0] in own]


def _anything(options: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", str(_("Any"))), *options]


def _region_filters() -> dict[str, list[tuple[str, str]]]:
    return {
        Grouping.CBD_GROUP: _anything([(g.value, str(g.label)) for g in CbdRegionalGroup]),
        Grouping.M49_SUBREGION: _anything([(s.value, str(s.label)) for s in M49Subregion]),
    }


class NeedFilterForm(forms.Form):
    """Filters of the need list."""

    q = forms.CharField(label=_("Title contains"), required=False)
    party = forms.ChoiceField(label=_("Party"), required=False)
    gbf_target = forms.ChoiceField(label=_("GBF target"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    priority = forms.ChoiceField(label=_("Priority"), required=False)
    cbd_group = forms.ChoiceField(label=_("CBD regional group"), required=False)
    m49_subregion = forms.ChoiceField(label=_("UN M49 subregion"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = {
            "party": _anything(party_choices()),
            "gbf_target": _anything(target_choices()),
            "status": _anything([(s.value, str(s.label)) for s in NeedStatus]),
            "priority": _anything([(p.value, str(p.label)) for p in Priority]),
            **_region_filters(),
        }
        for name, options in choices.items():
            field: Any = self.fields[name]
            field.choices = options


class ActivityFilterForm(forms.Form):
    """Filters of the activity list."""

    q = forms.CharField(label=_("Title contains"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    country = forms.ChoiceField(label=_("Country covered"), required=False)
    gbf_target = forms.ChoiceField(label=_("GBF target"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    cbd_group = forms.ChoiceField(label=_("CBD regional group covered"), required=False)
    m49_subregion = forms.ChoiceField(label=_("UN M49 subregion covered"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = sorted(((str(o.pk), str(o)) for o in Organisation.objects.all()), key=lambda c: c[1])
        statuses = [(CURRENT, str(_("Planned or ongoing")))] + [
            (s.value, str(s.label)) for s in ActivityStatus
        ]
        choices = {
            "organisation": _anything(organisations),
            "country": _anything(party_choices()),
            "gbf_target": _anything(target_choices()),
            "status": _anything(statuses),
            **_region_filters(),
        }
        for name, options in choices.items():
            field: Any = self.fields[name]
            field.choices = options


def _year(label: Any) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)


class NeedForm(MultilingualForm):
    """A capacity need of a Party."""

    multilingual = {"title": (_("Title"), 0), "description": (_("Description of the need"), 4)}
    layout = (
        "original_language",
        "party",
        "title",
        "description",
        "gbf_targets",
        "cbd_subjects",
        "priority",
        "capacity_type",
        "start_year",
        "end_year",
        "status",
    )
    party = forms.ChoiceField(label=_("Party"))
    gbf_targets = multiple(_("GBF targets (at least one)"))
    cbd_subjects = multiple(_("CBD subjects"))
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, initial=Priority.MEDIUM)
    capacity_type = forms.ChoiceField(
        label=_("Type of capacity"), choices=CapacityType.choices, widget=forms.RadioSelect
    )
    start_year = _year(_("From year"))
    end_year = _year(_("To year"))
    status = forms.ChoiceField(
        label=_("Status"), choices=[(s.value, s.label) for s in NEED_EDIT_STATUSES], initial=NeedStatus.OPEN
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_choices(
            {
                "party": party_choices_for(user, ADD_NEED),
                "gbf_targets": target_choices(),
                "cbd_subjects": term_choices(CBD_SUBJECTS),
            }
        )

    def to_data(self) -> NeedData:
        data = self.cleaned_data
        return NeedData(
            party=data["party"],
            title=self.texts("title"),
            description=self.texts("description"),
            gbf_targets=data["gbf_targets"],
            cbd_subjects=data["cbd_subjects"],
            priority=data["priority"],
            capacity_type=data["capacity_type"],
            start_year=data["start_year"],
            end_year=data["end_year"],
            status=data["status"],
            original_language=data["original_language"],
        )

    def initial_from(self, need: CapacityNeed) -> dict[str, Any]:
        return {
            **self.initial_texts(need),
            "version": need.version,
            "original_language": need.original_language,
            "party": need.party_id,
            "gbf_targets": _identifiers(need.gbf_targets),
            "cbd_subjects": _identifiers(need.cbd_subjects),
            "priority": need.priority,
            "capacity_type": need.capacity_type,
            "start_year": need.start_year,
            "end_year": need.end_year,
            "status": need.status,
        }


class ActivityForm(MultilingualForm):
    """A capacity-building activity of an organisation."""

    multilingual = {
        "title": (_("Title"), 0),
        "description": (_("Description of the activity"), 4),
        "beneficiaries": (_("Who benefits"), 2),
    }
    layout = (
        "original_language",
        "organisation",
        "title",
        "description",
        "status",
        "start_date",
        "end_date",
        "countries",
        "regions",
        "gbf_targets",
        "cbd_subjects",
        "beneficiaries",
        "link",
    )
    organisation = forms.ChoiceField(label=_("Organisation"))
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s.value, s.label) for s in ACTIVITY_EDIT_STATUSES],
        initial=ActivityStatus.PLANNED,
    )
    start_date = date_field(_("Start date"))
    end_date = date_field(_("End date"))
    countries = multiple(_("Countries covered"))
    regions = multiple(_("Regions covered"))
    gbf_targets = multiple(_("GBF targets (at least one)"))
    cbd_subjects = multiple(_("CBD subjects"))
    link = forms.CharField(
        label=_("Web page"), required=False, max_length=500, widget=forms.URLInput(attrs={"dir": "ltr"})
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_choices(
            {
                "organisation": organisation_choices(user, ADD_ACTIVITY),
                "countries": party_choices(),
                "regions": region_choices(),
                "gbf_targets": target_choices(),
                "cbd_subjects": term_choices(CBD_SUBJECTS),
            }
        )

    def to_data(self) -> ActivityData:
        data = self.cleaned_data
        return ActivityData(
            organisation=int(data["organisation"]),
            title=self.texts("title"),
            description=self.texts("description"),
            beneficiaries=self.texts("beneficiaries"),
            status=data["status"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            countries=data["countries"],
            regions=data["regions"],
            gbf_targets=data["gbf_targets"],
            cbd_subjects=data["cbd_subjects"],
            link=data["link"],
            original_language=data["original_language"],
        )

    def initial_from(self, activity: CapacityActivity) -> dict[str, Any]:
        return {
            **self.initial_texts(activity),
            "version": activity.version,
            "original_language": activity.original_language,
            "organisation": str(activity.organisation_id),
            "status": activity.status,
            "start_date": activity.start_date,
            "end_date": activity.end_date,
            "countries": _identifiers(activity.countries, "code"),
            "regions": _identifiers(activity.regions),
            "gbf_targets": _identifiers(activity.gbf_targets),
            "cbd_subjects": _identifiers(activity.cbd_subjects),
            "link": activity.link,
        }
