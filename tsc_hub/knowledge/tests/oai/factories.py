"""A small local factory for resources; the knowledge services are written elsewhere, so rows use the ORM."""

from __future__ import annotations

from datetime import datetime

import factory
from django.utils import timezone

from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.states import ResourceKind, ResourceState
from tsc_hub.vocabularies.models import Term


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published publication in English and French unless told otherwise."""

    class Meta:
        model = Resource
        # Setting tags needs no second save, which would also move updated_at (the OAI datestamp).
        skip_postgeneration_save = True

    kind = ResourceKind.PUBLICATION
    title = factory.Sequence(lambda n: {"en": f"Resource {n}", "fr": f"Ressource {n}"})
    summary = factory.Sequence(lambda n: {"en": f"What resource {n} is about."})
    state = ResourceState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def gbf_targets(self, create, extracted, **kwargs):
        if create and extracted:
            self.gbf_targets.set(extracted)

    @factory.post_generation
    def cbd_subjects(self, create, extracted, **kwargs):
        if create and extracted:
            self.cbd_subjects.set(extracted)


def term(vocabulary: str, identifier: str) -> Term:
    """A built-in vocabulary term (loaded by the vocabularies migrations)."""
    return Term.objects.get(vocabulary__identifier=vocabulary, identifier=identifier)


def target(number: int) -> Term:
    """GBF target n."""
    return term("GBF-TARGETS", f"GBF-TARGET-{number:02d}")


def stamp(resources, moment: datetime) -> None:
    """Set updated_at, which auto_now would otherwise overwrite on save."""
    pks = [resources.pk] if isinstance(resources, Resource) else [r.pk for r in resources]
    Resource.objects.filter(pk__in=pks).update(updated_at=moment)


def withdraw(resource: Resource) -> Resource:
    """A published resource withdrawn later: OAI shows it as deleted."""
    resource.state = ResourceState.WITHDRAWN
    resource.save()
    return resource


def bulk_published(count: int, **fields) -> list[Resource]:
    """Many published resources in one INSERT (harvest and paging tests)."""
    now = timezone.now()
    rows = [
        Resource(
            kind=fields.get("kind", ResourceKind.PUBLICATION),
            title={"en": f"Bulk resource {n}"},
            state=fields.get("state", ResourceState.PUBLISHED),
            published_at=now,
        )
        for n in range(count)
    ]
    return Resource.objects.bulk_create(rows)
