"""Factories for resources; they use the reference data loaded by migrations."""

from __future__ import annotations

import datetime
from typing import Any

import factory

from tsc_hub.geography.models import Party, Region
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.validation import ResourceData
from tsc_hub.organisations.models import Organisation
from tsc_hub.organisations.tests.factories import OrganisationFactory
from tsc_hub.vocabularies.models import Term

EASTERN_AFRICA = "0938DB0F-E4BB-464F-ABBB-ADD615BE5371"
SOUTH_AMERICA = "C9A535FB-8B15-4BD5-9AC7-9A9783871A5A"
TAXONOMY, FORESTS = "CBD-SUBJECT-TAXONOMY", "CBD-SUBJECT-FOR"


def _set(field: str, model: Any, key: str, default: list[str]) -> Any:
    def apply(obj: Any, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create:
            wanted = default if extracted is None else extracted
            getattr(obj, field).set(model.objects.filter(**{f"{key}__in": wanted}))

    return factory.PostGeneration(apply)


class ResourceFactory(factory.django.DjangoModelFactory):
    """A draft case study of a Kenyan NGO, about Kenya, in English, tagged with GBF target 20."""

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    kind = "case_study"
    title = factory.Sequence(lambda n: {"en": f"Community seed banks {n}"})
    summary = {"en": "How villages keep their seeds."}
    authors = ["Ada Mwangi"]
    owner = factory.SubFactory(OrganisationFactory)
    publication_date = datetime.date(2025, 3, 1)
    links = [{"url": "https://example.org/seed-banks.pdf", "name": "Report", "language": "en"}]
    resource_languages = ["en", "sw"]
    keywords = ["seeds"]
    rights = "CC BY 4.0"
    state = "draft"
    original_language = "en"
    countries = _set("countries", Party, "code", ["ke"])
    regions = _set("regions", Region, "identifier", [])
    cbd_subjects = _set("cbd_subjects", Term, "identifier", [TAXONOMY])
    gbf_targets = _set("gbf_targets", Term, "identifier", ["GBF-TARGET-20"])
    organisations = _set("organisations", Organisation, "pk", [])


def resource_data(organisation: Any = None, **changes: Any) -> ResourceData:
    """Valid resource input (owned by `organisation` when given), with changes."""
    values: dict[str, Any] = {
        "kind": "best_practice",
        "title": {"fr": "Banques de semences communautaires", "en": "Community seed banks"},
        "summary": {"fr": "Comment les villages gardent leurs semences."},
        "authors": ["Awa Diop", "Ana Gómez"],
        "owner": organisation.pk if organisation is not None else None,
        "publication_date": datetime.date(2024, 11, 5),
        "links": [{"url": "https://example.org/banques.pdf", "name": "Rapport", "language": "fr"}],
        "resource_languages": ["fr", "wo"],
        "cbd_subjects": [TAXONOMY],
        "gbf_targets": ["GBF-TARGET-13", "GBF-TARGET-20"],
        "countries": ["sn"],
        "regions": [EASTERN_AFRICA],
        "keywords": ["semences", "agriculture"],
        "rights": "CC BY 4.0",
        "original_language": "fr",
    }
    values.update(changes)
    return ResourceData(**values)
