"""Forms of matching."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.languages import pick_text
from tsc_hub.geography.models import Party
from tsc_hub.matching.states import DeclineReason
from tsc_hub.offers.models import Offer, ProviderProfile
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


class DismissForm(forms.Form):
    """Why the help desk turns an engine suggestion down (the reason trains the next weights)."""

    reason_code = forms.ChoiceField(label=_("Reason"), choices=[("", "—"), *DeclineReason.choices])
    reason_text = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


ITEM_KINDS = (("offer", _("Offer")), ("profile", _("Provider profile")))
CHOICES_PER_KIND = 300


class WhyNotForm(forms.Form):
    """Any offer or profile to explain for a request: chosen from the published ones, or by its number."""

    item = forms.ChoiceField(label=_("Published offer or profile"), required=False)
    kind = forms.ChoiceField(label=_("Or: kind"), choices=[("", "—"), *ITEM_KINDS], required=False)
    id = forms.IntegerField(label=_("and number"), min_value=1, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        offers = Offer.objects.published().order_by("pk")[:CHOICES_PER_KIND]
        profiles = ProviderProfile.objects.published().order_by("pk")[:CHOICES_PER_KIND]
        field: Any = self.fields["item"]
        field.choices = [
            ("", "—"),
            (_("Offers"), [(f"offer:{offer.pk}", f"{offer} (#{offer.pk})") for offer in offers]),
            (
                _("Provider profiles"),
                [(f"profile:{profile.pk}", f"{profile} (#{profile.pk})") for profile in profiles],
            ),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, number = data.get("kind"), data.get("id")
        if data.get("item"):
            kind, _sep, text = str(data["item"]).partition(":")
            number = int(text)
        elif not kind or not number:
            if not self.errors:
                raise forms.ValidationError(_("Choose an offer or a profile, or give its kind and number."))
            return data
        model = Offer if kind == "offer" else ProviderProfile
        candidate = model.objects.visible_to(self.user).filter(pk=number).first()
        if candidate is None:
            raise forms.ValidationError(_("No such offer or profile, or you may not see it."))
        data["candidate"] = candidate
        return data


class AssignmentForm(forms.Form):
    """The fairness policy of a global assignment."""

    min_share = forms.FloatField(
        label=_("Minimum share per regional group"),
        help_text=_("Between 0 and 0.2: each regional group gets at least this share of the assignments."),
        min_value=0,
        max_value=0.2,
        initial=0.1,
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "0.2"}),
    )
    priority_bonus = forms.FloatField(
        label=_("Priority for LDC and SIDS"),
        help_text=_(
            "Between 0 and 1: added to the quality of requests from least developed countries "
            "and small island developing States."
        ),
        min_value=0,
        max_value=1,
        initial=0.1,
        widget=forms.NumberInput(attrs={"step": "0.05", "min": "0", "max": "1"}),
    )
