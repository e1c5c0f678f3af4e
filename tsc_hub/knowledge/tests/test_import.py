"""Importing and harvesting: idempotent by CHM identifier, else by source and original identifier."""

import datetime

import pytest

from tsc_hub.core.exceptions import PermissionDenied
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.services import save_imported_resource, transition_resource
from tsc_hub.knowledge.tests.factories import resource_data

HARVEST = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC)


def _harvested(**changes):
    values = {
        "source": "chm",
        "original_identifier": "",
        "chm_identifier": "52000000cbd0120000000001",
        "harvested_from": "https://chm.cbd.int/api/v2013/documents/52000000cbd0120000000001",
        "harvested_at": HARVEST,
    }
    values.update(changes)
    return resource_data(None, **values)


@pytest.mark.django_db
def test_a_trusted_import_is_published_at_once():
    resource, created = save_imported_resource(data=_harvested(), publish=True)
    assert created
    assert (resource.state, resource.version, resource.created_by) == ("published", 1, None)
    assert resource.published_at is not None
    assert list(resource.transitions.values_list("action", "to_state")) == [("import", "published")]
    assert resource.revisions.count() == 1


@pytest.mark.django_db
def test_an_untrusted_import_is_a_draft():
    resource, _ = save_imported_resource(data=_harvested())
    assert resource.state == "draft"


@pytest.mark.django_db
def test_reading_the_same_record_again_changes_nothing_but_the_harvest_time():
    first, _ = save_imported_resource(data=_harvested(), publish=True)
    later = HARVEST + datetime.timedelta(days=1)
    again, created = save_imported_resource(data=_harvested(harvested_at=later), publish=True)
    assert (again.pk, created) == (first.pk, False)
    again.refresh_from_db()
    assert (again.version, again.revisions.count(), again.harvested_at) == (1, 1, later)
    assert Resource.objects.count() == 1


@pytest.mark.django_db
def test_a_changed_record_is_a_new_revision_and_keeps_its_state():
    resource, _ = save_imported_resource(data=_harvested(), publish=True)
    transition_resource(resource=resource, action="withdraw", by=None)
    updated, created = save_imported_resource(data=_harvested(title={"en": "New title"}), publish=True)
    assert not created
    assert (updated.version, updated.state, updated.title) == (2, "withdrawn", {"en": "New title"})
    assert updated.revisions.count() == 2


@pytest.mark.django_db
def test_without_a_chm_identifier_the_source_and_original_identifier_decide():
    data = _harvested(chm_identifier=None, source="gbif", original_identifier="dataset-42")
    first, created = save_imported_resource(data=data)
    assert created
    second, created = save_imported_resource(
        data=_harvested(chm_identifier=None, source="gbif", original_identifier="dataset-42", rights="CC0")
    )
    assert (second.pk, created, second.rights) == (first.pk, False, "CC0")
    other, created = save_imported_resource(
        data=_harvested(chm_identifier=None, source="other", original_identifier="dataset-42")
    )
    assert created
    assert other.pk != first.pk


@pytest.mark.django_db
def test_a_person_importing_needs_the_right(person):
    with pytest.raises(PermissionDenied):
        save_imported_resource(data=_harvested(), by=person())
    resource, created = save_imported_resource(data=_harvested(), by=person("knowledge_reviewer"))
    assert created
    assert resource.created_by is not None
