"""The demo resources: every kind, every UN language, tagged, published, seeded once."""

import pytest

from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.knowledge.demo import seed_resources
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.states import ResourceKind


@pytest.mark.django_db
def test_the_demo_covers_every_kind_and_language_and_is_seeded_once():
    created = seed_resources()
    assert created == Resource.objects.count() >= 30
    resources = Resource.objects.prefetch_related("gbf_targets", "cbd_subjects", "countries", "regions")
    assert {r.kind for r in resources} == set(ResourceKind.values)
    assert {r.original_language for r in resources} == set(UN_LANGUAGES)
    for resource in resources:
        assert resource.state == "published"
        assert resource.gbf_targets.all(), resource.chm_identifier
        assert resource.cbd_subjects.all(), resource.chm_identifier
        assert resource.countries.all() or resource.regions.all(), resource.chm_identifier
        assert resource.original_language in resource.title
    assert seed_resources() == 0
    assert Resource.objects.count() == created


@pytest.mark.django_db
def test_demo_resources_belong_to_the_demo_organisations_when_they_exist():
    from tsc_hub.organisations.tests.factories import OrganisationFactory

    kws = OrganisationFactory(acronym="KWS")
    seed_resources()
    assert Resource.objects.get(chm_identifier="demo-resource-01").owner == kws
    assert Resource.objects.get(chm_identifier="demo-resource-22").owner is None
