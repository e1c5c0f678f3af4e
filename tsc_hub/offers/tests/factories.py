"""Factories for provider profiles and offers; they use the reference data loaded by migrations."""

from __future__ import annotations

import datetime
from typing import Any

import factory

from tsc_hub.geography.models import Party, Region
from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.offers.validation import OfferData, ProfileData
from tsc_hub.organisations.tests.factories import OrganisationFactory
from tsc_hub.vocabularies.models import Term

EASTERN_AFRICA = "0938DB0F-E4BB-464F-ABBB-ADD615BE5371"
TRAINING, DATA_TOOLS = "TSC-ASSIST-TRAINING", "TSC-ASSIST-DATA-TOOLS"
TAXONOMY = "CBD-SUBJECT-TAXONOMY"


def _set_parties(field: str, default: list[str]) -> Any:
    def apply(obj: Any, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create:
            getattr(obj, field).set(
                Party.objects.filter(code__in=default if extracted is None else extracted)
            )

    return factory.PostGeneration(apply)


def _set_regions(field: str) -> Any:
    def apply(obj: Any, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create and extracted:
            getattr(obj, field).set(Region.objects.filter(identifier__in=extracted))

    return factory.PostGeneration(apply)


def _set_terms(field: str, default: list[str]) -> Any:
    def apply(obj: Any, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create:
            wanted = default if extracted is None else extracted
            getattr(obj, field).set(Term.objects.filter(identifier__in=wanted))

    return factory.PostGeneration(apply)


class ProfileFactory(factory.django.DjangoModelFactory):
    """A draft profile of a Kenyan NGO, covering Kenya, offering training in taxonomy."""

    class Meta:
        model = ProviderProfile
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: {"en": f"Taxonomy training provider {n}"})
    expertise = {"en": "Plant taxonomy, DNA barcoding"}
    working_languages = ["en"]
    capacity = 2
    contact_name = "Ada Mwangi"
    contact_email = "ada@example.org"
    state = "draft"
    coverage_parties = _set_parties("coverage_parties", ["ke"])
    coverage_regions = _set_regions("coverage_regions")
    cbd_subjects = _set_terms("cbd_subjects", [TAXONOMY])
    assistance_types = _set_terms("assistance_types", [TRAINING])
    gbf_targets = _set_terms("gbf_targets", ["GBF-TARGET-20"])


class OfferFactory(factory.django.DjangoModelFactory):
    """A draft offer of a Kenyan NGO, benefiting Kenya, for training, open for a month."""

    class Meta:
        model = Offer
        skip_postgeneration_save = True

    primary_organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: {"en": f"DNA barcoding course {n}"})
    description = {"en": "Two weeks of hands-on training."}
    eligibility = {"en": "Staff of national herbaria."}
    application_process = {"en": "Write to the contact."}
    application_deadline = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    working_languages = ["en"]
    contact_name = "Ada Mwangi"
    contact_email = "ada@example.org"
    state = "draft"
    areas_benefited_parties = _set_parties("areas_benefited_parties", ["ke"])
    areas_benefited_regions = _set_regions("areas_benefited_regions")
    assistance_types = _set_terms("assistance_types", [TRAINING])
    cbd_subjects = _set_terms("cbd_subjects", [TAXONOMY])
    gbf_targets = _set_terms("gbf_targets", ["GBF-TARGET-20"])
    primary_beneficiaries = _set_terms("primary_beneficiaries", [])


def profile_data(organisation: Any, **changes: Any) -> ProfileData:
    """Valid profile input for an organisation, with changes."""
    values: dict[str, Any] = {
        "organisation": organisation.pk,
        "title": {"fr": "Formation en taxonomie", "en": "Taxonomy training"},
        "original_language": "fr",
        "coverage_parties": ["sn"],
        "coverage_regions": [EASTERN_AFRICA],
        "cbd_subjects": [TAXONOMY],
        "assistance_types": [TRAINING, DATA_TOOLS],
        "expertise": {"fr": "Barcoding ADN"},
        "working_languages": ["fr", "en"],
        "capacity": 3,
        "gbf_targets": ["GBF-TARGET-20"],
        "contact_name": "Awa Diop",
        "contact_email": "awa@example.org",
    }
    values.update(changes)
    return ProfileData(**values)


def offer_data(organisation: Any, **changes: Any) -> OfferData:
    """Valid offer input for an organisation, with changes."""
    values: dict[str, Any] = {
        "primary_organisation": organisation.pk,
        "title": {"es": "Curso de códigos de barras de ADN", "en": "DNA barcoding course"},
        "description": {"es": "Dos semanas de práctica."},
        "eligibility": {"es": "Personal de herbarios nacionales."},
        "application_process": {"es": "Escriba al contacto."},
        "original_language": "es",
        "areas_benefited_parties": ["co"],
        "areas_benefited_regions": [],
        "assistance_types": [TRAINING],
        "primary_beneficiaries": ["TSC-BENEFICIARY-ACADEMIA"],
        "application_deadline": datetime.date.today() + datetime.timedelta(days=20),
        "start_date": datetime.date.today() + datetime.timedelta(days=40),
        "end_date": datetime.date.today() + datetime.timedelta(days=54),
        "cbd_subjects": [TAXONOMY],
        "gbf_targets": ["GBF-TARGET-20"],
        "working_languages": ["es", "en"],
        "contact_name": "Ana Gómez",
        "contact_email": "ana@example.org",
    }
    values.update(changes)
    return OfferData(**values)
