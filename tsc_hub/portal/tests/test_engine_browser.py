"""The matching engine in a real browser: the help desk sees the engine's suggestions load into the request
page (htmx) with their reasons, asks "why not" about an offer, confirms a suggestion; coordination staff
compute the balanced global assignment and follow its progress bar to the result. Screenshots go to
--browser-output."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tsc_hub.core.tests.browser import chromium
from tsc_hub.portal.tests.test_journey import _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def engine_data(transactional_db: None) -> dict[str, int]:
    """Demo data (it embeds records and stores engine suggestions) and the request they are for."""
    from tsc_hub.assistance.models import AssistanceRequest
    from tsc_hub.demo.services import seed_demo
    from tsc_hub.matching.models import Match

    seed_demo()
    suggested = Match.objects.filter(source="engine", state="suggested").first()
    assert suggested is not None, "the demo should store engine suggestions"
    return {"request": suggested.request_id, "total": AssistanceRequest.objects.count()}


@pytest.fixture
def browser(engine_data: dict[str, int]) -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def test_help_desk_confirms_a_suggestion_and_coordination_assigns(live_server, browser, engine_data, shots):
    base = live_server.url
    staff = _sign_in(browser, base, "coordination@demo.example.org", totp=True)

    staff.goto(f"{base}/en/requests/{engine_data['request']}/")
    panel = staff.locator("section#engine-panel")
    panel.wait_for()
    assert panel.get_by_role("heading", name="Suggestions of the matching engine").is_visible()
    assert panel.locator("meter").count() > 0  # each suggestion's reasons as bars
    staff.screenshot(path=str(shots / "engine-suggestions.png"), full_page=True)

    why_not = panel.locator("form[action*='why-not']")
    options = why_not.locator("select[name=item] option")
    why_not.locator("select[name=item]").select_option(options.nth(1).get_attribute("value"))
    why_not.locator("button").click()
    staff.locator("#why-not-result dl.facts").wait_for()
    staff.screenshot(path=str(shots / "engine-why-not.png"), full_page=True)

    confirm = panel.locator("form[action$='/confirm/'] button").first
    confirm.click()
    staff.get_by_text("Confirmed: the provider is contacted.").wait_for()

    staff.goto(f"{base}/en/matches/engine/assignment/")
    staff.locator("input[name=min_share]").fill("0.1")
    staff.get_by_role("button", name="Compute").click()
    staff.locator("progress").first.wait_for()
    staff.get_by_role("link", name="See the result").first.click()
    staff.wait_for_url(re.compile(r".*/matches/engine/assignment/\d+/"))
    assert staff.get_by_text(re.compile("fairness", re.IGNORECASE)).first.is_visible()
    staff.screenshot(path=str(shots / "engine-assignment.png"), full_page=True)
