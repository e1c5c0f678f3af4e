"""The harvest source form. It checks the shape of what was typed; the service checks the rules, and the
form shows its field errors next to the right boxes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.harvest.models import DEFAULT_METADATA_PREFIX, HarvestSource
from tsc_hub.harvest.states import Protocol, Schedule
from tsc_hub.harvest.validation import SourceData
from tsc_hub.knowledge.states import ResourceKind
from tsc_hub.organisations.models import Organisation


def organisation_choices() -> list[tuple[str, str]]:
    named = sorted(((str(o.pk), str(o)) for o in Organisation.objects.all()), key=lambda choice: choice[1])
    return [("", str(_("None"))), *named]


class SourceForm(forms.Form):
    """A source to harvest: where, how, how often, and what to do with new records."""

    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Shown as the source of every record harvested from it; it cannot change afterwards."),
    )
    protocol = forms.ChoiceField(label=_("Protocol"), choices=Protocol.choices)
    base_url = forms.CharField(
        label=_("Address"),
        max_length=500,
        widget=forms.URLInput,
        help_text=_(
            "OAI-PMH: the base URL of the repository (without ?verb=). CHM JSON: the address of a JSON "
            'array, JSON Lines or {"docs": [...]} document; {page} or {offset} in it reads a paged list.'
        ),
    )
    extra_urls = forms.CharField(
        label=_("Further addresses (CHM JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One address a line, read after the first one."),
    )
    oai_set = forms.CharField(
        label=_("OAI set"),
        required=False,
        max_length=200,
        help_text=_("The setSpec of the part of the repository to harvest; empty for all of it."),
    )
    metadata_prefix = forms.CharField(
        label=_("Metadata format (OAI-PMH)"), required=False, max_length=50, initial=DEFAULT_METADATA_PREFIX
    )
    default_kind = forms.ChoiceField(
        label=_("Kind of records whose type is not known"),
        choices=ResourceKind.choices,
        initial=ResourceKind.PUBLICATION,
    )
    fallback_organisation = forms.ChoiceField(
        label=_("Organisation for records whose organisation is not known (CHM JSON)"), required=False
    )
    publish_on_import = forms.BooleanField(
        label=_("Publish new records at once (a trusted source)"),
        required=False,
        help_text=_("Otherwise new records are drafts that reviewers publish."),
    )
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    schedule = forms.ChoiceField(label=_("Schedule"), choices=Schedule.choices, initial=Schedule.DAILY)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["fallback_organisation"]
        field.choices = organisation_choices()

    def to_data(self) -> SourceData:
        """What was typed, for the service."""
        data = self.cleaned_data
        organisation = data["fallback_organisation"]
        return SourceData(
            name=data["name"],
            protocol=data["protocol"],
            base_url=data["base_url"],
            extra_urls=data["extra_urls"],
            oai_set=data["oai_set"],
            metadata_prefix=data["metadata_prefix"],
            default_kind=data["default_kind"],
            fallback_organisation=int(organisation) if organisation else None,
            publish_on_import=data["publish_on_import"],
            active=data["active"],
            schedule=data["schedule"],
        )

    def show_problems(self, fields: dict[str, list[str]], message: str) -> None:
        """Put the service's problems next to their boxes (others at the top)."""
        for name, messages in fields.items():
            for text in messages:
                self.add_error(name if name in self.fields else None, text)
        if not fields:
            self.add_error(None, message)


def initial_of(source: HarvestSource) -> dict[str, Any]:
    """The form's values for an existing source."""
    return {
        "name": source.name,
        "protocol": source.protocol,
        "base_url": source.base_url,
        "extra_urls": source.extra_urls,
        "oai_set": source.oai_set,
        "metadata_prefix": source.metadata_prefix,
        "default_kind": source.default_kind,
        "fallback_organisation": str(source.fallback_organisation_id or ""),
        "publish_on_import": source.publish_on_import,
        "active": source.active,
        "schedule": source.schedule,
    }
