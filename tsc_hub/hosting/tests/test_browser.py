"""A call in Debian's chromium, driven by Playwright: a member applies and submits, coordination starts and
closes both phases, reads the shortlist, compares 13/15/19-centre scenarios and records the 15-centre one.

Reviewers' scores are seeded (the scoring form has its own page test); the database is touched only before
Playwright starts or from a helper thread, since Playwright's event loop forbids the ORM in its thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tsc_hub.core.tests.browser import chromium_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _scores(application: Any, reviewers: list[Any], marks: tuple[float, float]) -> None:
    from tsc_hub.hosting.models import Criterion, ReviewAssignment, Score

    for reviewer in reviewers:
        assignment = ReviewAssignment.objects.create(application=application, reviewer=reviewer)
        for criterion in Criterion.objects.filter(phase__framework=application.call.framework_id):
            Score.objects.create(
                assignment=assignment,
                criterion=criterion,
                value=marks[criterion.phase.number - 1],
                reason="Seeded",
            )


@pytest.fixture
def world(transactional_db: None, cast: dict[str, Any], reviewers: list[Any]) -> dict[str, Any]:
    """An open call with one submitted application per subregion (scored for both phases), two more in
    West Africa, and sessions for the member and coordination."""
    from tsc_hub.centres.models import Subregion
    from tsc_hub.hosting.tests.factories import ApplicationFactory, CallFactory
    from tsc_hub.organisations.tests.factories import OrganisationFactory

    call = CallFactory(title={"en": "Hosts of subregional centres 2026"})
    for n, subregion in enumerate(Subregion.objects.prefetch_related("members").order_by("code")):
        members = sorted(p.pk for p in subregion.members.all())
        for extra in range(3 if subregion.code == "west-africa" else 1):
            application = ApplicationFactory(
                call=call, organisation=OrganisationFactory(), subregion=subregion, state="submitted",
                parties_served=members if extra == 0 else members[:2],
            )  # fmt: skip
            _scores(application, reviewers[:2], (4.0 - extra * 0.3, 3.0 + (n % 5) * 0.2))
    sessions = {}
    for who in ("member", "coordination"):
        client = Client()
        client.force_login(cast[who])
        sessions[who] = client.cookies["sessionid"].value
    return {"call": call, "sessions": sessions, "reviewers": reviewers[:2]}


@pytest.fixture
def page(world: dict[str, Any]) -> Iterator[Any]:
    with chromium_page() as opened:
        yield opened


def _as(page: Any, url: str, session: str) -> None:
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": url}])


def _in_thread(work: Any) -> None:
    errors: list[BaseException] = []

    def run() -> None:
        from django.db import connection

        try:
            work()
        except BaseException as error:  # reported in the test's thread
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]


def test_a_call_from_applications_to_a_shortlist_and_a_15_centre_selection(
    live_server: Any, page: Any, shots: Path, world: dict[str, Any]
) -> None:
    call, base = world["call"], live_server.url
    _as(page, base, world["sessions"]["member"])
    page.goto(f"{base}/en/hosting/{call.pk}/")
    page.click("#apply")
    page.select_option("#id_subregion", "eastern-southern-africa")
    page.select_option("#id_parties_served", ["ke", "tz", "ug", "et"])
    page.fill("#id_mandate", "A regional research institute for East Africa.")
    page.check("#id_willing_to_cooperate")
    page.fill("#id_capacity_technical", "Herbarium, genetics laboratory, field stations.")
    page.click("#save-application")
    page.click("#action-submit")
    assert page.inner_text("#application-state") == "Submitted"
    page.screenshot(path=str(shots / "hosting-1-submitted.png"), full_page=True)

    def after_deadline() -> None:
        import datetime

        from django.utils import timezone

        from tsc_hub.hosting.models import Application, Call

        Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))
        mine = Application.objects.get(call=call, mandate__startswith="A regional research")
        _scores(mine, world["reviewers"], (4.5, 4.8))

    _in_thread(after_deadline)
    _as(page, base, world["sessions"]["coordination"])
    page.goto(f"{base}/en/hosting/{call.pk}/")
    for step, state in (("start_review", "Phase 1 evaluation"), ("close_phase1", "Phase 2 evaluation"),
                        ("close_phase2", "Closed")):  # fmt: skip
        page.click(f"button[value={step}]")
        assert page.inner_text("#call-state") == state, page.inner_text("main")
    page.screenshot(path=str(shots / "hosting-2-closed.png"), full_page=True)
    page.goto(f"{base}/en/hosting/{call.pk}/shortlist/")
    assert page.locator("#shortlist tbody tr").count() == 19
    page.screenshot(path=str(shots / "hosting-3-shortlist.png"), full_page=True)
    page.goto(f"{base}/en/hosting/{call.pk}/scenarios/")
    assert "At most 16 centres can be chosen" in page.inner_text("#scenarios")
    page.screenshot(path=str(shots / "hosting-4-scenarios.png"), full_page=True)
    page.click("#record-15")
    assert "The selection was recorded." in page.inner_text(".messages")
    assert "at least 15 centres" in page.inner_text("main")
    page.screenshot(path=str(shots / "hosting-5-recorded.png"), full_page=True)
