"""Scenario comparison on a shortlist with the exact optimiser: 13, 15 and 19 centres, one infeasible."""

import pytest

from tsc_hub.core.exceptions import Conflict, InvalidInput
from tsc_hub.core.models import AuditEvent
from tsc_hub.geography.models import Party
from tsc_hub.hosting import services
from tsc_hub.hosting.scenarios import compare_scenarios
from tsc_hub.hosting.tests.factories import shortlisted_call

pytestmark = pytest.mark.django_db


def test_13_and_15_are_feasible_and_19_is_not_with_one_centre_per_subregion():
    call = shortlisted_call(extra={"west-africa": 2, "south-america": 2})  # 20 candidates
    thirteen, fifteen, nineteen = compare_scenarios(call=call, ks=[13, 15, 19])
    every_party = Party.objects.count()
    for scenario in (thirteen, fifteen):
        assert scenario.feasible
        # Coverage comes first: all 16 hosts together serve every Party listed in a subregion, no overlap.
        assert len(scenario.chosen) == 16
        assert scenario.overlap == 0
        assert scenario.covered + len(scenario.uncovered) == every_party
        assert all(len(row.chosen) == 1 for row in scenario.rows)
        assert scenario.mean_score == pytest.approx(sum(60 + n for n in range(16)) / 16)
    assert not nineteen.feasible
    assert nineteen.chosen == []
    assert "At most 16 centres can be chosen with at most 1 per subregion" in nineteen.error


def test_a_second_host_per_subregion_makes_19_feasible_with_overlap():
    call = shortlisted_call(extra={"west-africa": 2, "south-america": 2, "caribbean": 1})
    (nineteen,) = compare_scenarios(call=call, ks=[19], max_per_subregion=3)
    assert nineteen.feasible
    assert len(nineteen.chosen) == 19
    assert nineteen.overlap == 3  # each extra host serves one Party already served


def test_a_minimum_score_filters_candidates():
    call = shortlisted_call()
    (scenario,) = compare_scenarios(call=call, ks=[13], min_score=70)
    assert not scenario.feasible
    assert "Only 6 candidates score at least 70" in scenario.error


def test_options_are_checked():
    call = shortlisted_call()
    with pytest.raises(InvalidInput):
        compare_scenarios(call=call, ks=[])
    with pytest.raises(InvalidInput):
        compare_scenarios(call=call, ks=[15], max_per_subregion=0)


def test_recording_a_selection_is_a_coordination_decision(cast):
    call = shortlisted_call()
    selection = services.record_selection(
        call=call, min_centres=15, max_per_subregion=1, min_score=0, by=cast["coordination"], note="Bureau"
    )
    assert selection.applications.count() == 16
    assert AuditEvent.objects.filter(action="hosting.record_selection", target_id=str(call.pk)).exists()
    with pytest.raises(Conflict):
        services.record_selection(
            call=call, min_centres=19, max_per_subregion=1, min_score=0, by=cast["coordination"]
        )
    from tsc_hub.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.record_selection(
            call=call, min_centres=15, max_per_subregion=1, min_score=0, by=cast["reviewer"]
        )
