"""Moving resources through review: who may take which step, reasons, publication time, notifications."""

import pytest

from tsc_hub.centres.services import save_centre
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.geography.models import Party
from tsc_hub.knowledge.services import transition_resource
from tsc_hub.knowledge.tests.factories import ResourceFactory
from tsc_hub.notifications.models import Notification
from tsc_hub.organisations.tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_submit_publish_keeps_the_time_of_each_step_and_of_first_publication(person):
    organisation = OrganisationFactory()
    member = person("institution_member", organisation=organisation)
    resource = ResourceFactory(owner=organisation, created_by=member)
    transition_resource(resource=resource, action="submit", by=member)
    reviewer = person("knowledge_reviewer")
    published = transition_resource(resource=resource, action="publish", by=reviewer)
    assert published.state == "published"
    assert published.published_at is not None
    assert list(published.transitions.values_list("from_state", "action", "to_state")) == [
        ("draft", "submit", "in_review"),
        ("in_review", "publish", "published"),
    ]
    assert published.version == 1  # steps do not change the content
    assert AuditEvent.objects.filter(action="publish_resource", target_id=str(resource.pk)).exists()
    assert Notification.objects.filter(recipient=member, target_id=str(resource.pk)).count() == 1


@pytest.mark.django_db
def test_submitting_notifies_the_knowledge_reviewers(person):
    reviewer = person("knowledge_reviewer")
    organisation = OrganisationFactory()
    resource = ResourceFactory(owner=organisation)
    transition_resource(resource=resource, action="submit", by=person("provider", organisation=organisation))
    assert Notification.objects.filter(recipient=reviewer).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["provider", "institution_member"])
def test_owners_may_not_publish_their_own_resource(person, role):
    organisation = OrganisationFactory()
    resource = ResourceFactory(owner=organisation, state="in_review")
    with pytest.raises(PermissionDenied):
        transition_resource(resource=resource, action="publish", by=person(role, organisation=organisation))
    resource.refresh_from_db()
    assert resource.state == "in_review"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        lambda person: person(),
        lambda person: person("advisory_member"),
        lambda person: person("application_reviewer"),
        lambda person: person("national_focal_point", party=Party.objects.get(code="co")),
        lambda person: person("national_focal_point", party=Party.objects.get(code="ke")),
        lambda person: person("provider", organisation=OrganisationFactory()),
        lambda person: person("institution_member", organisation=OrganisationFactory()),
    ],
)
def test_non_reviewers_may_neither_publish_nor_return(person, make):
    resource = ResourceFactory(state="in_review")
    someone = make(person)
    for action, reason in (("publish", ""), ("return", "Add a summary")):
        with pytest.raises(PermissionDenied):
            transition_resource(resource=resource, action=action, by=someone, reason=reason)


@pytest.mark.django_db
def test_outsiders_may_not_submit_or_withdraw(person):
    resource = ResourceFactory()
    for someone in (
        person("provider", organisation=OrganisationFactory()),
        person("national_focal_point", party=Party.objects.get(code="co")),
        person("advisory_member"),
    ):
        for action in ("submit", "withdraw"):
            with pytest.raises(PermissionDenied):
                transition_resource(resource=resource, action=action, by=someone)


@pytest.mark.django_db
def test_the_focal_point_of_a_tagged_country_submits(person):
    resource = ResourceFactory(owner=None, countries=["sn"])
    focal_point = person("national_focal_point", party=Party.objects.get(code="sn"))
    assert transition_resource(resource=resource, action="submit", by=focal_point).state == "in_review"


@pytest.mark.django_db
def test_help_desks_review_only_the_resources_of_the_parties_they_serve(person):
    east = save_centre(code="east", names={"en": "East"}, host=None, party_codes=["ke", "tz"], by=None)
    andes = save_centre(code="andes", names={"en": "Andes"}, host=None, party_codes=["co"], by=None)
    resource = ResourceFactory(state="in_review", countries=["tz"], owner=None)
    with pytest.raises(PermissionDenied):
        transition_resource(resource=resource, action="publish", by=person("helpdesk_officer", centre=andes))
    officer = person("helpdesk_officer", centre=east)
    assert transition_resource(resource=resource, action="publish", by=officer).state == "published"


@pytest.mark.django_db
def test_returning_needs_a_reason_that_the_submitter_reads(person):
    organisation = OrganisationFactory()
    member = person("institution_member", organisation=organisation)
    resource = ResourceFactory(owner=organisation, state="in_review", created_by=member)
    reviewer = person("coordination_staff")
    with pytest.raises(InvalidInput) as raised:
        transition_resource(resource=resource, action="return", by=reviewer, reason="  ")
    assert "reason" in raised.value.fields
    returned = transition_resource(resource=resource, action="return", by=reviewer, reason="Add the licence")
    assert returned.state == "draft"
    assert returned.transitions.get().reason == "Add the licence"
    assert "Add the licence" in Notification.objects.get(recipient=member).text()


@pytest.mark.django_db
def test_withdrawn_is_final_and_illegal_steps_list_the_allowed_ones(person):
    admin = person("platform_admin")
    resource = ResourceFactory(state="published")
    with pytest.raises(Conflict) as raised:
        transition_resource(resource=resource, action="publish", by=admin)
    assert raised.value.fields["allowed_actions"] == ["withdraw"]
    transition_resource(resource=resource, action="withdraw", by=admin)
    with pytest.raises(Conflict):
        transition_resource(resource=resource, action="withdraw", by=admin)


@pytest.mark.django_db
def test_republishing_keeps_the_first_publication_time(person):
    admin = person("platform_admin")
    resource = ResourceFactory(state="in_review")
    first = transition_resource(resource=resource, action="publish", by=admin).published_at
    type(resource).objects.filter(pk=resource.pk).update(state="in_review")  # as if it had been sent back
    assert transition_resource(resource=resource, action="publish", by=admin).published_at == first
