"""Factories for capacity needs and activities; they use the reference data loaded by migrations."""

from __future__ import annotations

import datetime
from typing import Any

import factory

from tsc_hub.capacity.models import CapacityActivity, CapacityNeed
from tsc_hub.capacity.validation import ActivityData, NeedData
from tsc_hub.geography.models import Party
from tsc_hub.offers.tests.factories import _set_parties, _set_regions, _set_terms
from tsc_hub.organisations.tests.factories import OrganisationFactory

EASTERN_AFRICA = "0938DB0F-E4BB-464F-ABBB-ADD615BE5371"
GLOBAL = "5D13EC43-F3E0-415E-AF67-62CCC85899AF"
TODAY = datetime.date.today()


class NeedFactory(factory.django.DjangoModelFactory):
    """An open, high-priority Kenyan need for taxonomists (GBF target 20)."""

    class Meta:
        model = CapacityNeed
        skip_postgeneration_save = True

    party = factory.LazyFunction(lambda: Party.objects.get(code="ke"))
    title = factory.Sequence(lambda n: {"en": f"Taxonomists for surveys {n}"})
    description = {"en": "Too few trained taxonomists."}
    priority = "high"
    capacity_type = "individual"
    status = "open"
    gbf_targets = _set_terms("gbf_targets", ["GBF-TARGET-20"])
    cbd_subjects = _set_terms("cbd_subjects", ["CBD-SUBJECT-TAXONOMY"])


class ActivityFactory(factory.django.DjangoModelFactory):
    """An ongoing activity of a Kenyan NGO, for Kenya, on GBF target 20."""

    class Meta:
        model = CapacityActivity
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: {"en": f"Barcoding course {n}"})
    description = {"en": "Two weeks in the laboratory."}
    status = "ongoing"
    countries = _set_parties("countries", ["ke"])
    regions = _set_regions("regions")
    gbf_targets = _set_terms("gbf_targets", ["GBF-TARGET-20"])
    cbd_subjects = _set_terms("cbd_subjects", [])


def need_data(party: str = "ke", **changes: Any) -> NeedData:
    """Valid need input for a Party, with changes."""
    values: dict[str, Any] = {
        "party": party,
        "title": {"fr": "Taxonomistes pour les inventaires", "en": "Taxonomists for surveys"},
        "description": {"fr": "Trop peu de taxonomistes formés."},
        "original_language": "fr",
        "gbf_targets": ["GBF-TARGET-20", "GBF-TARGET-04"],
        "cbd_subjects": ["CBD-SUBJECT-TAXONOMY"],
        "priority": "high",
        "capacity_type": "individual",
        "start_year": 2026,
        "end_year": 2028,
    }
    values.update(changes)
    return NeedData(**values)


def activity_data(organisation: Any, **changes: Any) -> ActivityData:
    """Valid activity input for an organisation, with changes."""
    values: dict[str, Any] = {
        "organisation": organisation.pk,
        "title": {"es": "Curso de códigos de barras", "en": "Barcoding course"},
        "description": {"es": "Dos semanas en el laboratorio."},
        "original_language": "es",
        "gbf_targets": ["GBF-TARGET-20"],
        "countries": ["co"],
        "regions": [EASTERN_AFRICA],
        "status": "planned",
        "start_date": TODAY + datetime.timedelta(days=30),
        "end_date": TODAY + datetime.timedelta(days=44),
        "beneficiaries": {"es": "Personal de herbarios"},
        "link": "https://example.org/course",
    }
    values.update(changes)
    return ActivityData(**values)
