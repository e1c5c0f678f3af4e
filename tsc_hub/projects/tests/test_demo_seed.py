"""The demo projects attach to the demo requests without moving them again, once."""

from decimal import Decimal

import pytest

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.demo.seed_projects import seed_projects
from tsc_hub.demo.services import seed_demo
from tsc_hub.matching.models import Match
from tsc_hub.projects.models import Project


@pytest.mark.django_db
def test_demo_projects_are_seeded_once_without_moving_requests_or_matches(monkeypatch):
    from tsc_hub.demo import services

    monkeypatch.setattr(services, "seed_projects", lambda: 0)  # everything else first; projects below
    seed_demo()
    monkeypatch.undo()
    states = dict(AssistanceRequest.objects.values_list("chm_identifier", "state"))
    match_states = dict(Match.objects.values_list("pk", "state"))
    assert seed_projects() == 2
    assert seed_projects() == 0
    assert dict(AssistanceRequest.objects.values_list("chm_identifier", "state")) == states
    assert dict(Match.objects.values_list("pk", "state")) == match_states
    closed = Project.objects.get(request__chm_identifier="demo-request-ke-invasives")
    assert (closed.state, closed.cooperation_type) == ("closed", "north_south")
    assert set(closed.ratings.values_list("side", flat=True)) == {"requester", "provider"}
    assert set(closed.outputs.values_list("kind", flat=True)) == {"technology_transfer", "training"}
    assert closed.funding.get(currency="GBP").amount_usd == Decimal("37560.00")
    running = Project.objects.get(request__chm_identifier="demo-request-cn-seeds")
    assert (running.state, running.cooperation_type) == ("in_progress", "triangular")
    assert running.milestones.filter(done_at__isnull=True).count() == 1
    assert not Project.objects.filter(request__chm_identifier="demo-request-co-confidential").exists()
