"""Debian's chromium under Playwright for the browser tests of every app (no browser download)."""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A launched chromium browser, closed afterwards. Seed the database before: Playwright's event loop
    forbids the ORM in its thread."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def chromium_page(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A page in a fresh context of a launched chromium."""
    with chromium() as browser:
        context = browser.new_context(viewport={"width": width, "height": height})
        try:
            yield context.new_page()
        finally:
            context.close()


_last_window = [-1]


def totp_code(secret: str) -> str:
    """A TOTP code for `secret` that the server will take: never one of a 30-second window already used in
    this process (allauth refuses a code it has seen for the same user id within its window, and user ids
    repeat from one browser test's database to the next), nor one about to expire. May wait up to 30 s."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    while True:
        now = time.time()
        window = int(now // 30)
        if window != _last_window[0] and now % 30 < 25:
            _last_window[0] = window
            return str(format_hotp_value(hotp_value(secret, window)))
        time.sleep(30 - now % 30 + 0.2)
