"""Moving profiles and offers along their workflows: who may, history, notifications."""

import pytest

from tsc_hub.centres.services import save_centre
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.workflow import IllegalTransition
from tsc_hub.notifications.models import Notification
from tsc_hub.offers import services
from tsc_hub.offers.models import RecordTransition
from tsc_hub.offers.tests.factories import OfferFactory, ProfileFactory
from tsc_hub.organisations.tests.factories import OrganisationFactory


def _centre(code, parties):
    return save_centre(code=code, names={"en": code}, host=None, party_codes=parties, by=None)


@pytest.fixture
def people(person):
    """Everyone who might try something on an offer of a Kenyan organisation."""
    organisation = OrganisationFactory()
    return {
        "organisation": organisation,
        "provider": person("provider", organisation=organisation),
        "other_provider": person("provider", organisation=OrganisationFactory()),
        "member": person("institution_member", organisation=organisation),
        "helpdesk": person("helpdesk_officer", centre=_centre("east", ["ke", "tz"])),
        "other_helpdesk": person("helpdesk_officer", centre=_centre("west", ["sn"])),
        "coordination": person("coordination_staff"),
        "admin": person("platform_admin"),
        "focal_point": person("national_focal_point", party=organisation.country),
        "advisory": person("advisory_member"),
        "reviewer": person("application_reviewer"),
        "nobody": person(),
    }


# Who must NOT take each step on a record of the organisation.
REFUSED = {
    ("draft", "submit"): [
        "other_provider",
        "member",
        "other_helpdesk",
        "focal_point",
        "advisory",
        "reviewer",
        "nobody",
    ],
    ("in_review", "publish"): [
        "provider",
        "other_provider",
        "member",
        "other_helpdesk",
        "focal_point",
        "advisory",
        "nobody",
    ],
    ("in_review", "return"): ["provider", "member", "other_helpdesk", "focal_point", "reviewer", "nobody"],
    ("published", "withdraw"): ["helpdesk", "other_provider", "member", "focal_point", "advisory", "nobody"],
    ("draft", "withdraw"): ["helpdesk", "other_provider", "member", "nobody"],
    ("published", "expire"): ["provider", "helpdesk", "coordination", "admin"],
}
ALLOWED = {
    ("draft", "submit"): ["provider", "helpdesk", "coordination", "admin"],
    ("in_review", "publish"): ["helpdesk", "coordination", "admin"],
    ("in_review", "return"): ["helpdesk", "coordination", "admin"],
    ("published", "withdraw"): ["provider", "coordination", "admin"],
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "action", "who"), [(*k, who) for k, whos in REFUSED.items() for who in whos]
)
def test_roles_that_must_not_take_a_step_are_refused(people, state, action, who):
    offer = OfferFactory(primary_organisation=people["organisation"], state=state)
    with pytest.raises(PermissionDenied):
        services.transition_offer(record=offer, action=action, by=people[who], reason="because")
    offer.refresh_from_db()
    assert offer.state == state
    assert not RecordTransition.objects.filter(record_id=offer.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "action", "who"), [(*k, who) for k, whos in ALLOWED.items() for who in whos]
)
def test_roles_that_may_take_a_step_do(people, state, action, who):
    profile = ProfileFactory(organisation=people["organisation"], state=state)
    moved = services.transition_profile(record=profile, action=action, by=people[who], reason="because")
    step = RecordTransition.objects.get(record_type="profile", record_id=profile.pk)
    assert (step.from_state, step.to_state, step.by) == (state, moved.state, people[who])
    assert moved.version == 2


@pytest.mark.django_db
def test_an_illegal_step_lists_the_allowed_ones(people):
    offer = OfferFactory(primary_organisation=people["organisation"], state="draft")
    with pytest.raises(IllegalTransition) as error:
        services.transition_offer(record=offer, action="publish", by=people["admin"])
    assert error.value.allowed == ["submit", "withdraw"]


@pytest.mark.django_db
def test_returning_needs_a_reason(people):
    offer = OfferFactory(primary_organisation=people["organisation"], state="in_review")
    with pytest.raises(InvalidInput) as error:
        services.transition_offer(record=offer, action="return", by=people["coordination"], reason="  ")
    assert "reason" in error.value.fields


@pytest.mark.django_db
def test_terminal_states_refuse_everything(people):
    offer = OfferFactory(primary_organisation=people["organisation"], state="withdrawn")
    with pytest.raises(IllegalTransition) as error:
        services.transition_offer(record=offer, action="submit", by=people["admin"])
    assert error.value.allowed == []


@pytest.mark.django_db
def test_submitting_notifies_coordination_and_the_serving_help_desk(people):
    offer = OfferFactory(
        primary_organisation=people["organisation"],
        created_by=people["provider"],
        title={"en": "Seed banking"},
    )
    services.transition_offer(record=offer, action="submit", by=people["provider"])
    recipients = set(Notification.objects.values_list("recipient_id", flat=True))
    assert recipients == {people["coordination"].pk, people["helpdesk"].pk}
    notification = Notification.objects.filter(recipient=people["coordination"]).get()
    assert "Seed banking" in notification.text()
    assert notification.url == f"/offers/{offer.pk}/"
    assert notification.target_type == "offers.offer"


@pytest.mark.django_db
def test_publishing_and_returning_notify_the_creator(people):
    profile = ProfileFactory(
        organisation=people["organisation"], created_by=people["provider"], state="in_review"
    )
    services.transition_profile(
        record=profile, action="return", by=people["helpdesk"], reason="Add a contact"
    )
    returned = Notification.objects.get(recipient=people["provider"])
    assert "Add a contact" in returned.text()
    assert returned.url == f"/offers/providers/{profile.pk}/"
    services.transition_profile(record=profile, action="submit", by=people["provider"])
    services.transition_profile(record=profile, action="publish", by=people["coordination"])
    assert Notification.objects.filter(recipient=people["provider"]).count() == 2


@pytest.mark.django_db
def test_time_in_each_state_is_kept(people):
    offer = OfferFactory(primary_organisation=people["organisation"])
    for action, by in (("submit", "provider"), ("publish", "coordination"), ("withdraw", "provider")):
        services.transition_offer(record=offer, action=action, by=people[by])
    steps = list(RecordTransition.objects.filter(record_id=offer.pk).values_list("to_state", flat=True))
    assert steps == ["in_review", "published", "withdrawn"]
