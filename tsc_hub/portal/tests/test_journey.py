"""The cooperation journey in a real browser: a focal point asks in French, the help desk clarifies, accepts
and suggests a provider, both sides confirm. Screenshots of every step go to --browser-output."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tsc_hub.portal.tests.test_browser import CHROMIUM, LAUNCH_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PROVIDER_EMAIL = "provider.wcmc@demo.example.org"


@pytest.fixture
def journey_data(transactional_db: None) -> dict[str, int]:
    """Demo data plus a provider person for UNEP-WCMC, whose published profile covers every Party."""
    from allauth.account.models import EmailAddress

    from tsc_hub.accounts.models import User
    from tsc_hub.accounts.services import grant_role
    from tsc_hub.demo.services import DEMO_PASSWORD, seed_demo
    from tsc_hub.organisations.models import Organisation

    seed_demo()
    person = User.objects.create_user(email=PROVIDER_EMAIL, password=DEMO_PASSWORD, display_name="Sam Taylor")
    EmailAddress.objects.create(user=person, email=PROVIDER_EMAIL, verified=True, primary=True)
    wcmc = Organisation.objects.get(acronym="UNEP-WCMC")
    grant_role(user=person, role="provider", by=None, organisation=wcmc)
    return {"kws": Organisation.objects.get(acronym="KWS").pk}


@pytest.fixture
def browser(journey_data: dict[str, int]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


def _code() -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from tsc_hub.demo.services import DEMO_TOTP_SECRET

    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))


def _sign_in(browser: Any, base: str, email: str, *, totp: bool = False) -> Any:
    from tsc_hub.demo.services import DEMO_PASSWORD

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base}/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    if totp:
        page.locator("input[name=code]").fill(_code())
        page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r".*/accounts/profile/"))
    return page


def _act(page: Any, action: str, reason: str = "") -> None:
    form = page.locator(f"form:has(button[value={action}])")
    if reason:
        form.locator("textarea").fill(reason)
    form.locator(f"button[value={action}]").click()
    page.wait_for_load_state()


def test_request_to_agreed_match(
    live_server: Any, journey_data: dict[str, int], browser: Any, shots: Path
) -> None:
    base = live_server.url
    focal = _sign_in(browser, base, "focal.ke@demo.example.org")
    focal.goto(f"{base}/fr/requests/new/")
    focal.select_option("#id_original_language", "fr")
    assert focal.locator("#id_country").input_value() == "ke"
    focal.select_option("#id_organisation", str(journey_data["kws"]))
    focal.fill("#id_title", "Restauration des herbiers marins de Lamu")
    focal.fill("#id_problem", "Les herbiers marins disparaissent et nous ne savons pas les restaurer.")
    focal.fill("#id_addressed_priorities", "Cible nationale 2 : restauration des écosystèmes côtiers")
    focal.fill("#id_national_priority_reference", "SPANB Kenya, cible 2")
    focal.select_option("#id_assistance_types", ["TSC-ASSIST-EXPERT-ADVICE"])
    focal.select_option("#id_gbf_targets", ["GBF-TARGET-02"])
    focal.select_option("#id_cbd_subjects", ["CBD-SUBJECT-MAR"])
    focal.screenshot(path=str(shots / "journey-01-draft-fr.png"), full_page=True)
    focal.get_by_role("button", name="Enregistrer").click()
    focal.wait_for_url(re.compile(r".*/fr/requests/\d+/$"))
    request_path = re.sub(r"^.*/fr/", "/", focal.url)
    _act(focal, "submit")
    assert "Approuvée" in focal.content() or "endorsed" in focal.content().lower()
    focal.screenshot(path=str(shots / "journey-02-submitted.png"), full_page=True)

    officer = _sign_in(browser, base, "helpdesk.africa@demo.example.org", totp=True)
    officer.goto(f"{base}/en{request_path}")
    _act(officer, "ask", "Which seagrass species, and over what area?")
    focal.goto(f"{base}/fr{request_path}")
    _act(focal, "answer", "Thalassodendron ciliatum, environ 40 hectares.")
    officer.goto(f"{base}/en{request_path}")
    _act(officer, "accept")
    officer.screenshot(path=str(shots / "journey-03-accepted.png"), full_page=True)

    officer.goto(f"{base}/en/matches/suggest/{request_path.strip('/').split('/')[-1]}/")
    officer.locator("tr", has_text="World Conservation Monitoring Centre").first.get_by_role("button").click()
    officer.wait_for_url(re.compile(r".*/en/matches/\d+/$"))
    match_path = re.sub(r"^.*/en/", "/", officer.url)
    _act(officer, "contact")

    provider = _sign_in(browser, base, PROVIDER_EMAIL)
    provider.goto(f"{base}/en{match_path}")
    _act(provider, "express_interest")
    focal.goto(f"{base}/fr{match_path}")
    _act(focal, "requester_accept")
    provider.goto(f"{base}/en{match_path}")
    _act(provider, "confirm")
    assert "Agreed" in provider.content()
    provider.screenshot(path=str(shots / "journey-04-agreed.png"), full_page=True)

    focal.goto(f"{base}/fr{request_path}tracker/")
    tracker = focal.content()
    assert 'aria-current="step"' in tracker
    assert focal.locator("td.days").count() >= 5
    focal.screenshot(path=str(shots / "journey-05-tracker-fr.png"), full_page=True)
