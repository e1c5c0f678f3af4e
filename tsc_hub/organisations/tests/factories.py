"""Factories for organisations; they use the reference data loaded by migrations."""

from __future__ import annotations

import factory

from tsc_hub.geography.models import Party
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

NGO = "8A265B81-3973-42ED-BB06-40ACC755E496"


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An NGO in Kenya unless told otherwise."""

    class Meta:
        model = Organisation

    names = factory.Sequence(
        lambda n: {"en": f"Conservation Society {n}", "fr": f"Société de conservation {n}"}
    )
    acronym = factory.Sequence(lambda n: f"CS{n}")
    organisation_type = factory.LazyFunction(
        lambda: Term.objects.get(vocabulary__identifier="ORGANIZATION-TYPES", identifier=NGO)
    )
    country = factory.LazyFunction(lambda: Party.objects.get(code="ke"))
    original_language = "en"
