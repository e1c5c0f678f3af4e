"""The demo committee: balanced, idempotent, signing in with the demo password."""

import pytest

from tsc_hub.advisory import demo, services
from tsc_hub.advisory.models import Member, Term
from tsc_hub.core.demo import DEMO_PASSWORD, DemoModeRequired

pytestmark = pytest.mark.django_db


def test_seed_advisory_builds_a_balanced_committee_once(settings):
    settings.DEMO_MODE = True
    counts = demo.seed_advisory()
    assert counts == {
        "advisory_members": 12,
        "advisory_meetings": 1,
        "advisory_threads": 1,
        "advisory_replies": 3,
    }
    result = services.check_composition()
    assert result.total == 12
    assert (result.nominated_by_parties, result.from_organisations) == (7, 5)
    assert min(result.regions.values()) >= 2
    assert result.genders["female"] == result.genders["male"] == 6
    assert result.co_chairs == 2
    assert result.balanced
    assert Term.objects.filter(number=2).count() == 1
    assert all(Member.objects.filter(subcommittees__code=code).count() == 4 for code in demo.SUBCOMMITTEES)
    assert Member.objects.get(user__email="advisory1@demo.example.org").user.check_password(DEMO_PASSWORD)
    assert demo.seed_advisory() == dict.fromkeys(counts, 0)


def test_no_demo_committee_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(DemoModeRequired):
        demo.seed_advisory()
    assert not Member.objects.exists()
