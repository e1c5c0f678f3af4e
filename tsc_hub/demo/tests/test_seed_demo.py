import pytest
from django.core.management import CommandError, call_command

from tsc_hub.accounts.models import RoleAssignment, User
from tsc_hub.accounts.roles import Role
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.demo import DEMO_PASSWORD
from tsc_hub.demo.services import seed_demo
from tsc_hub.organisations.models import Organisation


@pytest.mark.django_db
def test_seeding_twice_creates_nothing_the_second_time():
    first = seed_demo(scale=2)
    counts = (Organisation.objects.count(), User.objects.count(), RoleAssignment.objects.count())
    second = seed_demo(scale=2)
    assert first.created["organisations"] == 22 + 24 + 9  # listed, generated at scale 2, demo call applicants
    assert first.created["requests"] == 13
    assert set(second.created.values()) == {0}
    assert (Organisation.objects.count(), User.objects.count(), RoleAssignment.objects.count()) == counts


@pytest.mark.django_db
def test_every_role_has_a_demo_person_who_can_sign_in(client):
    seed_demo()
    roles = set(RoleAssignment.objects.active().values_list("role", flat=True))
    assert roles == set(Role.values)
    assert client.login(email="focal.ke@demo.example.org", password=DEMO_PASSWORD)


@pytest.mark.django_db
def test_demo_content_is_in_all_six_languages():
    seed_demo()
    languages = {lang for o in Organisation.objects.all() for lang in o.names}
    assert languages >= {"ar", "en", "es", "fr", "ru", "zh"}
    assert SupportCentre.objects.count() == 17  # 16 subregional centres and the coordination entity
    assert all(len(c.names) == 6 for c in SupportCentre.objects.all())


@pytest.mark.django_db
def test_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="TSC_HUB_DEMO_MODE"):
        call_command("seed_demo", verbosity=0)
    assert not User.objects.exists()


@pytest.mark.django_db
def test_bad_scale_is_refused():
    with pytest.raises(CommandError, match="scale"):
        call_command("seed_demo", "--scale", "0", verbosity=0)


@pytest.mark.django_db
def test_demo_requests_cover_the_states_and_languages():
    from tsc_hub.assistance.models import AssistanceRequest

    seed_demo()
    states = set(AssistanceRequest.objects.values_list("state", flat=True))
    assert states >= {
        "draft",
        "submitted",
        "endorsed",
        "in_clarification",
        "accepted",
        "declined",
        "matching",
        "matched",
        "proposal",
        "in_implementation",
        "completed",
        "closed",
        "withdrawn",
    }
    languages = set(AssistanceRequest.objects.values_list("original_language", flat=True))
    assert languages == {"ar", "en", "es", "fr", "ru", "zh"}


@pytest.mark.django_db
def test_demo_matches_reach_every_step_of_the_funnel():
    from tsc_hub.matching.models import Match

    seed_demo()
    states = set(Match.objects.values_list("state", flat=True))
    assert states >= {
        "suggested",
        "contacted",
        "provider_interested",
        "provider_declined",
        "requester_declined",
        "agreed",
        "project_started",
    }


@pytest.mark.django_db
def test_the_demo_network_serves_every_party_with_at_least_fifteen_subregional_centres():
    from tsc_hub.centres.models import CentreKind
    from tsc_hub.geography.models import Party

    seed_demo()
    network = SupportCentre.objects.network().active()
    assert network.filter(kind=CentreKind.SUBREGIONAL).count() >= 15
    served = set(network.values_list("parties_served__code", flat=True))
    assert served == set(Party.objects.values_list("code", flat=True))
    assert len(served) == 196
    coordination = SupportCentre.objects.get(kind=CentreKind.GLOBAL)
    assert coordination.subregion is None
    assert not coordination.parties_served.exists()


@pytest.mark.django_db
def test_the_progress_bar_knows_how_many_steps_there_are():
    from tsc_hub.demo.services import PHASES

    reported: list[str] = []
    seed_demo(scale=2, progress=reported.append)
    assert len(reported) == PHASES + 1  # one more for the 24 generated organisations of scale 2
