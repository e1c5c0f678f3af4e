"""Forms of matching."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.languages import pick_text
from tsc_hub.geography.models import Party
from tsc_hub.vocabularies.models import Term


class SavedSearchForm(forms.Form):
    """Which new requests I want to hear about."""

    name = forms.CharField(label=_("Name of the search"), max_length=120)
    parties = forms.MultipleChoiceField(label=_("Requesting Parties"), required=False)
    gbf_targets = forms.MultipleChoiceField(label=_("GBF targets"), required=False)
    assistance_types = forms.MultipleChoiceField(label=_("Types of assistance"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = {
            "parties": sorted(
                ((p.code, pick_text(p.names).text) for p in Party.objects.all()), key=lambda c: c[1]
            ),
            "gbf_targets": [
                (t.identifier, f"{t.notation} {pick_text(t.short_labels or t.labels).text}")
                for t in Term.objects.in_vocabulary("GBF-TARGETS")
            ],
            "assistance_types": [
                (t.identifier, pick_text(t.labels).text)
                for t in Term.objects.in_vocabulary("ASSISTANCE-TYPES")
            ],
        }
        for name, options in choices.items():
            field: Any = self.fields[name]
            field.choices = options
