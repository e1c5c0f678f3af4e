"""Work plans: written by the centre, approved by the coordination entity, audited."""

from decimal import Decimal

import pytest

from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.network import services
from tsc_hub.network.services import ActivityData, OutcomeData
from tsc_hub.network.tests.factories import make_plan, plan_data

pytestmark = pytest.mark.django_db


def test_a_centre_writes_a_results_based_plan_with_budgets(cast, centre):
    plan = make_plan(centre, by=cast["officer"])
    assert plan.state == "draft"
    outcome = plan.outcomes.get()
    assert outcome.indicators.get().target == Decimal(60)
    assert plan.budget_totals() == {"EUR": Decimal("5000.00"), "USD": Decimal("12000.00")}
    assert AuditEvent.objects.filter(action="network.create_work_plan", target_id=str(plan.pk)).exists()


@pytest.mark.parametrize(
    "who", ["other_officer", "coordination", "admin", "focal_point", "provider", "nobody"]
)
def test_nobody_but_the_centre_writes_its_plan(cast, centre, who):
    with pytest.raises(PermissionDenied):
        make_plan(centre, by=cast[who])


def test_the_plan_is_checked_field_by_field(cast, centre):
    bad = plan_data(
        title={"xx": "no"},
        outcomes=[OutcomeData(title={}, activities=[ActivityData({"en": "A"}, "-3", "dollars")])],
    )
    with pytest.raises(InvalidInput) as caught:
        services.create_work_plan(centre=centre, data=bad, by=cast["officer"])
    fields = caught.value.fields
    assert {"title", "outcomes.0.title", "outcomes.0.activities.0.budget_amount"} <= set(fields)
    assert "outcomes.0.activities.0.budget_currency" in fields


def test_one_plan_per_centre_and_period(cast, centre):
    make_plan(centre, by=cast["officer"])
    with pytest.raises(Conflict):
        make_plan(centre, by=cast["officer"])


def test_submit_request_changes_resubmit_approve(cast, centre):
    plan = make_plan(centre, by=cast["officer"])
    plan = services.transition_work_plan(plan=plan, action="submit", by=cast["officer"])
    with pytest.raises(InvalidInput):
        services.transition_work_plan(plan=plan, action="request_changes", by=cast["coordination"])
    plan = services.transition_work_plan(
        plan=plan, action="request_changes", by=cast["coordination"], reason="Add a gender indicator."
    )
    assert plan.state == "changes_requested"
    services.update_work_plan(plan=plan, data=plan_data(summary={"en": "Revised"}), by=cast["officer"])
    plan = services.transition_work_plan(plan=plan, action="submit", by=cast["officer"])
    with pytest.raises(PermissionDenied):
        services.transition_work_plan(plan=plan, action="approve", by=cast["officer"])
    with pytest.raises(PermissionDenied):
        services.transition_work_plan(plan=plan, action="approve", by=cast["admin"])
    plan = services.transition_work_plan(plan=plan, action="approve", by=cast["coordination"])
    assert plan.state == "approved"
    assert plan.approved_at is not None
    assert [s.action for s in plan.steps.all()] == [
        "create",
        "submit",
        "request_changes",
        "submit",
        "approve",
    ]
    assert plan.steps.get(action="request_changes").reason == "Add a gender indicator."
    with pytest.raises(Conflict):
        services.update_work_plan(plan=plan, data=plan_data(), by=cast["officer"])


def test_an_empty_plan_cannot_be_submitted(cast, centre):
    plan = make_plan(centre, by=cast["officer"], outcomes=[])
    with pytest.raises(Conflict):
        services.transition_work_plan(plan=plan, action="submit", by=cast["officer"])
