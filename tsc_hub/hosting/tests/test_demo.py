"""The demo call: all 16 subregions, a shortlist with choices, idempotent."""

import pytest

from tsc_hub.accounts.models import User
from tsc_hub.core.demo import DEMO_PASSWORD, DemoModeRequired
from tsc_hub.hosting import demo
from tsc_hub.hosting.models import Application, Call
from tsc_hub.hosting.scenarios import compare_scenarios

pytestmark = pytest.mark.django_db


def test_seed_hosting_runs_a_call_to_a_shortlist_and_is_idempotent():
    counts = demo.seed_hosting()
    assert counts["hosting_calls"] == 1
    assert counts["hosting_applications"] == 42
    assert counts["people"] == 2
    call = Call.objects.get(reference=demo.REFERENCE)
    assert call.state == "closed"
    applications = Application.objects.filter(call=call)
    assert applications.filter(state="invited").count() == 0
    invited = applications.exclude(state__in=["submitted", "not_invited"]).count()
    assert 20 <= invited <= 30
    shortlisted = applications.filter(state="shortlisted")
    assert shortlisted.values("subregion").distinct().count() == 16
    assert shortlisted.count() > 16
    fifteen, nineteen = compare_scenarios(call=call, ks=[15, 19])
    assert fifteen.feasible
    assert not nineteen.feasible
    (wider,) = compare_scenarios(call=call, ks=[19], max_per_subregion=2)
    assert wider.feasible
    again = demo.seed_hosting()
    assert again == dict.fromkeys(again, 0)
    assert Call.objects.filter(reference=demo.REFERENCE).count() == 1


def test_the_demo_reviewers_sign_in_with_the_demo_password():
    demo.seed_hosting()
    for email, _name in demo.REVIEWERS:
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD)


def test_no_demo_call_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(DemoModeRequired):
        demo.seed_hosting()
    assert not Call.objects.exists()
