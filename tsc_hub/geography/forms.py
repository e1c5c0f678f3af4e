"""The filter form of the Party list page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.languages import pick_text
from tsc_hub.geography.models import CbdRegionalGroup, M49Subregion, Region


def _yes_no(value: str) -> bool:
    return value == "true"


YES_NO_CHOICES = [("", _("Any")), ("true", _("Yes")), ("false", _("No"))]


class PartyFilterForm(forms.Form):
    """CBD group, M49 subregion, LDC, SIDS and CHM region term, all optional (a GET form)."""

    cbd_group = forms.ChoiceField(
        label=_("CBD regional group"), required=False, choices=[("", _("Any")), *CbdRegionalGroup.choices]
    )
    subregion = forms.ChoiceField(
        label=_("UN M49 subregion"), required=False, choices=[("", _("Any")), *M49Subregion.choices]
    )
    ldc = forms.TypedChoiceField(
        label=_("Least developed country"),
        required=False,
        choices=YES_NO_CHOICES,
        coerce=_yes_no,
        empty_value=None,
    )
    sids = forms.TypedChoiceField(
        label=_("Small island developing State"),
        required=False,
        choices=YES_NO_CHOICES,
        coerce=_yes_no,
        empty_value=None,
    )
    region = forms.ChoiceField(label=_("Region or group"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regions = Region.objects.only("identifier", "labels")
        choices = sorted((pick_text(region.labels).text, region.identifier) for region in regions)
        region_field: Any = self.fields["region"]
        region_field.choices = [("", _("Any")), *((identifier, label) for label, identifier in choices)]
