"""The cooperation journey in a real browser: a focal point asks in French, the help desk clarifies, accepts
and suggests a provider, both sides confirm, a project is run (milestone, funds, a technology transfer) and
closed with both sides' ratings, and the tracker shows the days in each stage. Screenshots of every step go
to --browser-output."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tsc_hub.core.tests.browser import chromium, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PROVIDER_EMAIL = "provider.wcmc@demo.example.org"


@pytest.fixture
def journey_data(transactional_db: None) -> dict[str, int]:
    """Demo data plus a provider person for UNEP-WCMC, whose published profile covers every Party."""
    from allauth.account.models import EmailAddress

    from tsc_hub.accounts.models import User
    from tsc_hub.accounts.services import grant_role
    from tsc_hub.core.demo import DEMO_PASSWORD
    from tsc_hub.demo.services import seed_demo
    from tsc_hub.organisations.models import Organisation

    seed_demo()
    person = User.objects.create_user(email=PROVIDER_EMAIL, password=DEMO_PASSWORD, display_name="Sam Taylor")
    EmailAddress.objects.create(user=person, email=PROVIDER_EMAIL, verified=True, primary=True)
    wcmc = Organisation.objects.get(acronym="UNEP-WCMC")
    grant_role(user=person, role="provider", by=None, organisation=wcmc)
    return {"kws": Organisation.objects.get(acronym="KWS").pk}


@pytest.fixture
def browser(journey_data: dict[str, int]) -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _code() -> str:
    from tsc_hub.core.demo import DEMO_TOTP_SECRET

    return totp_code(DEMO_TOTP_SECRET)


def _sign_in(browser: Any, base: str, email: str, *, totp: bool = False) -> Any:
    from tsc_hub.core.demo import DEMO_PASSWORD

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


def _form(page: Any, action_suffix: str) -> Any:
    form = page.locator(f"form[action$='{action_suffix}']")
    summary = page.locator(f"details:has(form[action$='{action_suffix}']) > summary")
    if summary.count():
        summary.first.click()
    return form


def _run_project(base: str, officer: Any, focal: Any, provider: Any, match_path: str, shots: Path) -> str:
    """The help desk starts the project from the agreed match; both sides report and rate; it closes."""
    match_id = match_path.strip("/").split("/")[-1]
    officer.goto(f"{base}/en/projects/new/?match={match_id}")
    officer.fill("#id_title", "Seagrass restoration in Lamu")
    officer.locator(f"input[name=matches][value='{match_id}']").check()
    officer.get_by_role("button", name="Start the project").click()
    officer.wait_for_url(re.compile(r".*/en/projects/\d+/$"))
    project_path = re.sub(r"^.*/en/", "/", officer.url)
    milestone = _form(officer, "/milestones/")
    milestone.locator("[name=title]").fill("Nursery of 5,000 shoots planted")
    milestone.locator("[name=due_date]").fill("2027-06-30")
    milestone.locator("button[type=submit]").click()
    officer.wait_for_load_state()
    funding = _form(officer, "/funding/")
    funding.locator("[name=amount]").fill("20000")
    funding.locator("[name=currency]").fill("USD")
    funding.locator("[name=source]").select_option("gbf_fund")
    funding.locator("[name=date]").fill("2026-11-20")
    funding.locator("[name=evidence_url]").fill("https://example.org/gbff-grant-letter.pdf")
    funding.locator("button[type=submit]").click()
    officer.wait_for_load_state()
    output = _form(officer, "/outputs/")
    output.locator("[name=kind]").select_option("technology_transfer")
    output.locator("[name=title]").fill("Seagrass transplanting technique")
    output.locator("[name=description]").fill("Transplanting seagrass shoots with biodegradable frames.")
    output.locator("[name=from_country]").select_option("gb")
    output.locator("[name=to_country]").select_option("ke")
    output.locator("button[type=submit]").click()
    officer.wait_for_load_state()
    page_text = officer.content()
    assert "Nursery of 5,000 shoots planted" in page_text
    assert "20,000.00 USD" in page_text
    assert "biodegradable frames" in page_text
    assert "Seagrass transplanting technique" in page_text
    _act(officer, "start")
    _act(officer, "complete")
    for page, side, score in ((focal, "requester", "5"), (provider, "provider", "4")):
        page.goto(f"{base}/en{project_path}")
        rating = page.locator("form[action$='/ratings/']")
        rating.locator("[name=side]").select_option(side)
        rating.locator("[name=score]").select_option(score)
        rating.locator("button[type=submit]").click()
        page.wait_for_load_state()
    officer.goto(f"{base}/en{project_path}")
    report = officer.locator("form[action$='/edit/']")
    report.locator("[name=final_report]").fill(
        "5,000 shoots planted; 12 technicians trained in transplanting."
    )
    report.locator("button[type=submit]").click()
    officer.wait_for_load_state()
    _act(officer, "close")
    assert "Closed" in officer.content()
    officer.screenshot(path=str(shots / "journey-05-project-closed.png"), full_page=True)
    return project_path


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

    _run_project(base, officer, focal, provider, match_path, shots)
    officer.goto(f"{base}/en{request_path}")
    outcome = officer.locator("form[action$='/outcome/']")
    outcome.locator("[name=outcome]").fill("Seagrass restored on 40 ha; monitoring continues.")
    outcome.locator("button[type=submit]").click()
    officer.wait_for_load_state()
    _act(officer, "close")
    assert "Closed" in officer.content()

    focal.goto(f"{base}/fr{request_path}tracker/")
    tracker = focal.content()
    assert 'aria-current="step"' in tracker
    assert focal.locator("td.days").count() >= 9
    focal.screenshot(path=str(shots / "journey-06-tracker-fr.png"), full_page=True)
