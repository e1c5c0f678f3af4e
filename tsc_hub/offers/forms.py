"""Forms of profiles and offers, and the filters of their lists.

The forms check the shape of what was typed; the services check the rules, and the forms show their
field errors next to the right boxes.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.offers.form_base import (
    MultilingualForm,
    date_field,
    multiple,
    organisation_choices,
    region_choices,
    term_choices,
)
from tsc_hub.offers.models import Offer, ProviderProfile, RecordState
from tsc_hub.offers.permissions import ADD_OFFER, ADD_PROFILE
from tsc_hub.offers.validation import (
    ASSISTANCE_TYPES,
    BENEFICIARY_TYPES,
    CBD_SUBJECTS,
    MAX_CAPACITY,
    OfferData,
    ProfileData,
)
from tsc_hub.organisations.forms import LANGUAGE_CHOICES, party_choices, target_choices
from tsc_hub.organisations.models import Organisation


def _identifiers(related: Any, key: str = "identifier") -> list[str]:
    return [str(getattr(item, key)) for item in related.all()]


class RecordFilterForm(forms.Form):
    """Filters of the profile and offer lists; choices come from the reference data."""

    q = forms.CharField(label=_("Title contains"), required=False)
    serves = forms.ChoiceField(label=_("Country served"), required=False)
    assistance_type = forms.ChoiceField(label=_("Type of assistance"), required=False)
    gbf_target = forms.ChoiceField(label=_("GBF target"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", str(_("Any")))]
        choices = {
            "serves": anything + party_choices(),
            "assistance_type": anything + term_choices(ASSISTANCE_TYPES),
            "gbf_target": anything + target_choices(),
            "state": [("", str(_("Published")))] + [(s.value, str(s.label)) for s in RecordState],
        }
        for name, options in choices.items():
            field: Any = self.fields[name]
            field.choices = options


class OfferFilterForm(RecordFilterForm):
    """Offer filters: also the day on which one wants to apply."""

    open_on = date_field(_("Open on"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        state: Any = self.fields["state"]
        state.choices = [("", str(_("Open for applications"))), *list(state.choices)[1:]]


class ProfileForm(MultilingualForm):
    """A provider profile (CHM `bbiProfile`)."""

    multilingual = {
        "title": (_("Title"), 0),
        "expertise": (_("Expertise offered"), 3),
        "collaboration_areas": (_("Areas of collaboration"), 3),
        "assistance_types_free": (_("Other types of assistance"), 2),
    }
    layout = (
        "original_language",
        "organisation",
        "title",
        "coverage_parties",
        "coverage_regions",
        "assistance_types",
        "assistance_types_free",
        "cbd_subjects",
        "gbf_targets",
        "expertise",
        "collaboration_areas",
        "capacity",
        "working_languages",
        "contact_name",
        "contact_email",
    )
    organisation = forms.ChoiceField(label=_("Organisation"))
    coverage_parties = multiple(_("Parties covered"))
    coverage_regions = multiple(_("Regions covered"))
    cbd_subjects = multiple(_("CBD subjects (one to three)"))
    assistance_types = multiple(_("Types of assistance (one to three)"), checkboxes=True)
    gbf_targets = multiple(_("GBF targets"))
    working_languages = multiple(_("Working languages"), checkboxes=True)
    capacity = forms.IntegerField(
        label=_("Cooperations it can take on at once"), min_value=1, max_value=MAX_CAPACITY
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_choices(
            {
                "organisation": organisation_choices(user, ADD_PROFILE),
                "coverage_parties": party_choices(),
                "coverage_regions": region_choices(),
                "cbd_subjects": term_choices(CBD_SUBJECTS),
                "assistance_types": term_choices(ASSISTANCE_TYPES),
                "gbf_targets": target_choices(),
                "working_languages": LANGUAGE_CHOICES,
            }
        )

    def to_data(self) -> ProfileData:
        data = self.cleaned_data
        return ProfileData(
            organisation=int(data["organisation"]),
            title=self.texts("title"),
            expertise=self.texts("expertise"),
            collaboration_areas=self.texts("collaboration_areas"),
            assistance_types_free=self.texts("assistance_types_free"),
            coverage_parties=data["coverage_parties"],
            coverage_regions=data["coverage_regions"],
            cbd_subjects=data["cbd_subjects"],
            assistance_types=data["assistance_types"],
            gbf_targets=data["gbf_targets"],
            working_languages=data["working_languages"],
            capacity=data["capacity"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            original_language=data["original_language"],
        )

    def initial_from(self, profile: ProviderProfile) -> dict[str, Any]:
        return {
            **self.initial_texts(profile),
            "version": profile.version,
            "original_language": profile.original_language,
            "organisation": str(profile.organisation_id),
            "coverage_parties": _identifiers(profile.coverage_parties, "code"),
            "coverage_regions": _identifiers(profile.coverage_regions),
            "cbd_subjects": _identifiers(profile.cbd_subjects),
            "assistance_types": _identifiers(profile.assistance_types),
            "gbf_targets": _identifiers(profile.gbf_targets),
            "working_languages": profile.working_languages,
            "capacity": profile.capacity,
            "contact_name": profile.contact_name,
            "contact_email": profile.contact_email,
        }


class OfferForm(MultilingualForm):
    """An offer (CHM `bbiOpportunity`)."""

    multilingual = {
        "title": (_("Title"), 0),
        "description": (_("Description"), 4),
        "eligibility": (_("Who is eligible"), 3),
        "application_process": (_("How to apply"), 3),
        "potential_outcomes": (_("Potential outcomes"), 3),
    }
    layout = (
        "original_language",
        "primary_organisation",
        "organisations",
        "title",
        "description",
        "areas_benefited_parties",
        "areas_benefited_regions",
        "assistance_types",
        "primary_beneficiaries",
        "eligibility",
        "application_process",
        "application_deadline",
        "start_date",
        "end_date",
        "potential_outcomes",
        "cbd_subjects",
        "gbf_targets",
        "working_languages",
        "contact_name",
        "contact_email",
    )
    primary_organisation = forms.ChoiceField(label=_("Offered by"))
    organisations = multiple(_("Partner organisations"))
    areas_benefited_parties = multiple(_("Parties that may benefit"))
    areas_benefited_regions = multiple(_("Regions that may benefit"))
    assistance_types = multiple(_("Types of assistance (one to three)"), checkboxes=True)
    primary_beneficiaries = multiple(_("Primary beneficiaries"), checkboxes=True)
    cbd_subjects = multiple(_("CBD subjects"))
    gbf_targets = multiple(_("GBF targets"))
    application_deadline = date_field(_("Application deadline"))
    start_date = date_field(_("Start date"))
    end_date = date_field(_("End date"))
    working_languages = multiple(_("Working languages"), checkboxes=True)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_choices(
            {
                "primary_organisation": organisation_choices(user, ADD_OFFER),
                "organisations": sorted(
                    ((str(o.pk), str(o)) for o in Organisation.objects.all()), key=lambda c: c[1]
                ),
                "areas_benefited_parties": party_choices(),
                "areas_benefited_regions": region_choices(),
                "assistance_types": term_choices(ASSISTANCE_TYPES),
                "primary_beneficiaries": term_choices(BENEFICIARY_TYPES),
                "cbd_subjects": term_choices(CBD_SUBJECTS),
                "gbf_targets": target_choices(),
                "working_languages": LANGUAGE_CHOICES,
            }
        )

    def to_data(self) -> OfferData:
        data = self.cleaned_data
        return OfferData(
            primary_organisation=int(data["primary_organisation"]),
            organisations=[int(pk) for pk in data["organisations"]],
            title=self.texts("title"),
            description=self.texts("description"),
            eligibility=self.texts("eligibility"),
            application_process=self.texts("application_process"),
            potential_outcomes=self.texts("potential_outcomes"),
            areas_benefited_parties=data["areas_benefited_parties"],
            areas_benefited_regions=data["areas_benefited_regions"],
            assistance_types=data["assistance_types"],
            primary_beneficiaries=data["primary_beneficiaries"],
            cbd_subjects=data["cbd_subjects"],
            gbf_targets=data["gbf_targets"],
            working_languages=data["working_languages"],
            application_deadline=data["application_deadline"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            original_language=data["original_language"],
        )

    def initial_from(self, offer: Offer) -> dict[str, Any]:
        return {
            **self.initial_texts(offer),
            "version": offer.version,
            "original_language": offer.original_language,
            "primary_organisation": str(offer.primary_organisation_id),
            "organisations": _identifiers(offer.organisations, "pk"),
            "areas_benefited_parties": _identifiers(offer.areas_benefited_parties, "code"),
            "areas_benefited_regions": _identifiers(offer.areas_benefited_regions),
            "assistance_types": _identifiers(offer.assistance_types),
            "primary_beneficiaries": _identifiers(offer.primary_beneficiaries),
            "cbd_subjects": _identifiers(offer.cbd_subjects),
            "gbf_targets": _identifiers(offer.gbf_targets),
            "application_deadline": offer.application_deadline,
            "start_date": offer.start_date,
            "end_date": offer.end_date,
            "working_languages": offer.working_languages,
            "contact_name": offer.contact_name,
            "contact_email": offer.contact_email,
        }
