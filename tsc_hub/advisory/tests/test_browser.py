"""A member in Debian's chromium, driven by Playwright: signs in, opens the committee's forum and
replies to a thread."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tsc_hub.core.tests.browser import chromium_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def committee(transactional_db: None) -> dict[str, Any]:
    """The demo committee, seeded before Playwright starts (its event loop forbids the ORM)."""
    from django.test import override_settings

    from tsc_hub.advisory.demo import seed_advisory
    from tsc_hub.advisory.models import Forum, Thread

    with override_settings(DEMO_MODE=True):
        seed_advisory()
    forum = Forum.objects.get(subcommittee__isnull=True)
    return {"forum": forum.pk, "thread": Thread.objects.get(forum=forum).pk}


@pytest.fixture
def page(committee: dict[str, Any]) -> Iterator[Any]:
    with chromium_page() as opened:
        yield opened


def test_a_member_signs_in_opens_the_forum_and_replies(
    live_server: Any, page: Any, shots: Path, committee: dict[str, Any]
) -> None:
    from tsc_hub.advisory.demo import DEMO_PASSWORD

    base = live_server.url
    # advisory_member is not in MFA_REQUIRED_ROLES: a password is enough.
    page.goto(f"{base}/en/accounts/login/")
    page.get_by_label("Email").fill("advisory4@demo.example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r".*/accounts/profile/"))
    page.get_by_role("link", name="Advisory committee").first.click()
    page.wait_for_url(re.compile(r".*/en/advisory/$"))
    page.get_by_role("link", name="Forum of the whole committee").first.click()
    page.wait_for_url(re.compile(rf".*/advisory/forums/{committee['forum']}/$"))
    page.get_by_role("link", name="Binary indicators for Target 20").click()
    page.wait_for_url(re.compile(rf".*/advisory/threads/{committee['thread']}/$"))
    page.screenshot(path=str(shots / "advisory-thread.png"), full_page=True)
    page.get_by_label("Your reply").fill("I support the revised glossary.")
    page.get_by_role("button", name="Reply", exact=True).click()
    page.wait_for_load_state()
    assert "Your reply is posted." in page.content()
    assert page.locator("article.reply").last.inner_text().count("I support the revised glossary.") == 1
    page.screenshot(path=str(shots / "advisory-replied.png"), full_page=True)
