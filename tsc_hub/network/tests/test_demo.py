"""The network's demo seed: idempotent, with a published report and an approved plan per centre."""

import pytest

from tsc_hub.centres.services import save_centre
from tsc_hub.network.demo import seed_network
from tsc_hub.network.models import AnnualReport, WorkPlan

pytestmark = pytest.mark.django_db


def test_seed_network_twice_creates_nothing_the_second_time():
    for code, parties in (("eastern-southern-africa", ["ke"]), ("east-asia", ["cn"]), ("west-asia", ["jo"])):
        save_centre(code=code, names={"en": code}, host=None, party_codes=parties, by=None)
    first = seed_network()
    assert first == {"exchanges": 2, "meetings": 1, "plans": 3, "reports": 3, "scorings": 3, "tickets": 2}
    assert set(WorkPlan.objects.values_list("state", flat=True)) == {"approved"}
    report = AnnualReport.objects.get(centre__code="east-asia")
    assert report.state == "published"
    assert (report.figures["tools_given"], report.figures["tools_received"]) == (1, 1)
    assert set(seed_network().values()) == {0}


def test_no_network_demo_outside_demo_mode(settings):
    from tsc_hub.core.demo import DemoModeRequired

    settings.DEMO_MODE = False
    with pytest.raises(DemoModeRequired):
        seed_network()
    assert not WorkPlan.objects.exists()
