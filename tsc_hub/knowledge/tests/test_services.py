"""Describing and changing resources: drafts, revisions, optimistic locking, permissions, audit."""

import pytest

from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.geography.models import Party
from tsc_hub.knowledge import services
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.tests.factories import ResourceFactory, resource_data
from tsc_hub.organisations.tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_a_member_describes_a_draft_with_its_first_revision(person):
    organisation = OrganisationFactory()
    member = person("institution_member", organisation=organisation)
    resource = services.create_resource(data=resource_data(organisation), by=member)
    assert (resource.state, resource.version, resource.created_by) == ("draft", 1, member)
    assert resource.published_at is None
    revision = resource.revisions.get()
    assert revision.version == 1
    assert revision.by == member
    assert revision.content["title"] == {
        "fr": "Banques de semences communautaires",
        "en": "Community seed banks",
    }
    assert revision.content["gbf_targets"] == ["GBF-TARGET-13", "GBF-TARGET-20"]
    assert revision.content["publication_date"] == "2024-11-05"
    assert list(resource.transitions.values_list("action", "to_state")) == [("create", "draft")]
    assert AuditEvent.objects.filter(action="create_resource", target_id=str(resource.pk)).exists()


@pytest.mark.django_db
def test_invalid_input_writes_nothing(person):
    with pytest.raises(InvalidInput):
        services.create_resource(data=resource_data(title={}), by=person("platform_admin"))
    assert not Resource.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, "advisory_member", "application_reviewer"])
def test_people_whose_roles_never_describe_resources_are_refused_before_validation(person, role):
    someone = person(role) if role else person()
    with pytest.raises(PermissionDenied):
        services.create_resource(data=resource_data(title={}), by=someone)


@pytest.mark.django_db
def test_scoped_roles_describe_only_inside_their_scope(person):
    kenya_ngo, other = OrganisationFactory(), OrganisationFactory(country=Party.objects.get(code="co"))
    provider = person("provider", organisation=kenya_ngo)
    with pytest.raises(PermissionDenied):
        services.create_resource(data=resource_data(other, countries=[]), by=provider)
    focal_point = person("national_focal_point", party=Party.objects.get(code="sn"))
    services.create_resource(data=resource_data(None, countries=["sn"]), by=focal_point)
    with pytest.raises(PermissionDenied):
        services.create_resource(data=resource_data(None, countries=["co"]), by=focal_point)
    reviewer = person("knowledge_reviewer")
    services.create_resource(data=resource_data(other, countries=["co"]), by=reviewer)
    assert Resource.objects.count() == 2


@pytest.mark.django_db
def test_an_edit_is_a_new_version_with_its_revision(person):
    organisation = OrganisationFactory()
    provider = person("provider", organisation=organisation)
    resource = services.create_resource(data=resource_data(organisation), by=provider)
    changed = resource_data(organisation, title={"fr": "Banques de semences"}, gbf_targets=["GBF-TARGET-20"])
    services.update_resource(resource=resource, data=changed, by=provider, version=1, note="Shorter title")
    resource.refresh_from_db()
    assert resource.version == 2
    latest, first = resource.revisions.all()
    assert (latest.version, latest.note, first.version) == (2, "Shorter title", 1)
    assert latest.content["title"] == {"fr": "Banques de semences"}
    assert first.content["gbf_targets"] == ["GBF-TARGET-13", "GBF-TARGET-20"]
    event = AuditEvent.objects.get(action="update_resource")
    assert set(event.changes) == {"title", "gbf_targets"}


@pytest.mark.django_db
def test_an_edit_that_changes_nothing_writes_nothing(person):
    organisation = OrganisationFactory()
    provider = person("provider", organisation=organisation)
    resource = services.create_resource(data=resource_data(organisation), by=provider)
    services.update_resource(resource=resource, data=resource_data(organisation), by=provider, version=1)
    resource.refresh_from_db()
    assert (resource.version, resource.revisions.count()) == (1, 1)


@pytest.mark.django_db
def test_a_stale_version_is_a_conflict_and_keeps_the_first_change(person):
    organisation = OrganisationFactory()
    provider = person("provider", organisation=organisation)
    resource = services.create_resource(data=resource_data(organisation), by=provider)
    first = resource_data(organisation, rights="CC0")
    services.update_resource(resource=resource, data=first, by=provider, version=1)
    with pytest.raises(Conflict) as raised:
        services.update_resource(
            resource=resource, data=resource_data(organisation, rights="All rights"), by=provider, version=1
        )
    assert raised.value.code == "stale_version"
    resource.refresh_from_db()
    assert (resource.rights, resource.version) == ("CC0", 2)


@pytest.mark.django_db
def test_a_published_resource_stays_published_when_its_owners_edit_it(person):
    organisation = OrganisationFactory()
    resource = ResourceFactory(owner=organisation, state="published")
    member = person("institution_member", organisation=organisation)
    services.update_resource(
        resource=resource, data=resource_data(organisation, rights="CC BY-SA"), by=member, version=1
    )
    resource.refresh_from_db()
    assert (resource.state, resource.version, resource.rights) == ("published", 2, "CC BY-SA")


@pytest.mark.django_db
def test_a_withdrawn_resource_can_no_longer_be_changed(person):
    resource = ResourceFactory(state="withdrawn")
    with pytest.raises(Conflict) as raised:
        services.update_resource(
            resource=resource, data=resource_data(), by=person("platform_admin"), version=1
        )
    assert raised.value.code == "record_closed"


@pytest.mark.django_db
def test_outsiders_may_not_change_and_owners_may_not_give_a_resource_away(person):
    organisation = OrganisationFactory()
    resource = ResourceFactory(owner=organisation)
    with pytest.raises(PermissionDenied):
        services.update_resource(
            resource=resource,
            data=resource_data(organisation),
            by=person("provider", organisation=OrganisationFactory()),
            version=1,
        )
    elsewhere = OrganisationFactory(country=Party.objects.get(code="pe"))
    with pytest.raises(PermissionDenied):
        services.update_resource(
            resource=resource,
            data=resource_data(elsewhere, countries=["pe"]),
            by=person("provider", organisation=organisation),
            version=1,
        )
    resource.refresh_from_db()
    assert resource.owner == organisation
