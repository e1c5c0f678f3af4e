"""Browser smoke test in Debian's chromium, driven by Playwright (no browser download)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags chromium keeps trying hosts this closed network refuses.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture
def demo_data(transactional_db: None) -> None:
    """Seeded before Playwright starts: its event loop forbids the ORM in the same thread."""
    from tsc_hub.demo.services import seed_demo

    seed_demo()


@pytest.fixture
def page(demo_data: None) -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        yield context.new_page()
        context.close()
        browser.close()


def test_home_in_english_and_arabic_then_focal_point_signs_in(live_server, page, shots):
    from tsc_hub.demo.services import DEMO_PASSWORD

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
