"""Browser smoke test in Debian's chromium, driven by Playwright (no browser download)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tsc_hub.core.tests.browser import chromium_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo_data(transactional_db: None) -> None:
    """Seeded before Playwright starts: its event loop forbids the ORM in the same thread."""
    from tsc_hub.demo.services import seed_demo

    seed_demo()


@pytest.fixture
def page(demo_data: None) -> Iterator[Any]:
    with chromium_page() as opened:
        yield opened


def test_home_in_english_and_arabic_then_focal_point_signs_in(live_server, page, shots):
    from tsc_hub.core.demo import DEMO_PASSWORD

    page.goto(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Technical and scientific cooperation for biodiversity"
    )
    page.screenshot(path=str(shots / "home-en.png"), full_page=True)

    page.goto(f"{live_server.url}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    page.screenshot(path=str(shots / "home-ar.png"), full_page=True)

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill("focal.ke@demo.example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/accounts/profile/")
    assert "National focal point" in page.content()
    assert "Kenya" in page.content()
    page.screenshot(path=str(shots / "profile-focal-point.png"), full_page=True)
