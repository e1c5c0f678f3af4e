"""The demo call: all 16 subregions, a shortlist with choices, idempotent."""

import pytest

from tsc_hub.demo.services import DEMO_PASSWORD
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


def test_the_demo_password_is_the_demo_apps():
    assert demo.DEMO_PASSWORD == DEMO_PASSWORD
