"""A centre files a pre-filled annual report, in Debian's chromium driven by Playwright: the centre's officer
signs in with a second factor, starts the report (the figures come from the platform's records), writes the
narrative, refreshes the figures and submits it to the coordination entity. Screenshots go to
--browser-output."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tsc_hub.core.tests.browser import chromium_page, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OFFICER = "officer.east-africa@example.org"
PASSWORD = "a long browser-test password"


@pytest.fixture
def seeded(transactional_db: None) -> dict[str, Any]:
    """A centre serving Kenya, its officer (password and TOTP), and a Kenyan request submitted to it. Made
    before Playwright starts: its event loop forbids the ORM in the same thread."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP

    from tsc_hub.accounts.models import User
    from tsc_hub.accounts.services import grant_role
    from tsc_hub.assistance.services import transition_request
    from tsc_hub.assistance.tests.factories import make_request
    from tsc_hub.centres.services import save_centre
    from tsc_hub.core.demo import DEMO_TOTP_SECRET
    from tsc_hub.geography.models import Party
    from tsc_hub.organisations.tests.factories import OrganisationFactory

    kenya = Party.objects.get(code="ke")
    centre = save_centre(
        code="eastern-southern-africa",
        names={"en": "Eastern and Southern Africa centre"},
        host=None,
        party_codes=["ke"],
        by=None,
    )
    officer = User.objects.create_user(email=OFFICER, password=PASSWORD, display_name="Joseph Mwangi")
    EmailAddress.objects.create(user=officer, email=OFFICER, verified=True, primary=True)
    grant_role(user=officer, role="helpdesk_officer", by=None, centre=centre)
    TOTP.activate(officer, DEMO_TOTP_SECRET)
    focal = User.objects.create_user(email="focal.ke@example.org", password=PASSWORD)
    grant_role(user=focal, role="national_focal_point", by=None, party=kenya)
    request = make_request(by=focal, organisation=OrganisationFactory(country=kenya))
    transition_request(request=request, action="submit", by=focal)
    return {"centre": centre.pk}


@pytest.fixture
def page(seeded: dict[str, Any]) -> Iterator[Any]:
    with chromium_page() as opened:
        yield opened


def _code() -> str:
    from tsc_hub.core.demo import DEMO_TOTP_SECRET

    return totp_code(DEMO_TOTP_SECRET)


def _figure(page: Any, label: str) -> str:
    row = page.locator("table.report-figures tr", has_text=label).first
    return str(row.locator("td").inner_text()).strip()


def test_a_centre_files_a_prefilled_annual_report(live_server: Any, page: Any, shots: Path) -> None:
    base = live_server.url
    page.goto(f"{base}/en/accounts/login/")
    page.get_by_label("Email").fill(OFFICER)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.locator("input[name=code]").fill(_code())
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r".*/accounts/profile/"))

    page.goto(f"{base}/en/network/")
    page.get_by_role("link", name="Annual reports").first.click()
    page.get_by_role("link", name="New annual report").click()
    # The form proposes last year; this year's request is what the centre reports on here.
    page.fill("#id_year", str(datetime.date.today().year))
    page.screenshot(path=str(shots / "network-01-new-report.png"), full_page=True)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r".*/en/network/reports/\d+/$"))
    assert _figure(page, "Requests received") == "1"
    assert _figure(page, "Parties supported") == "0"
    page.screenshot(path=str(shots / "network-02-prefilled.png"), full_page=True)

    page.select_option("#id_language", "fr")
    page.fill("#id_narrative", "Le centre a reçu sa première demande du Kenya.")
    page.get_by_role("button", name="Save the narrative").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Refresh figures").click()
    page.wait_for_load_state()
    assert "taken again" in page.content()
    page.get_by_role("button", name="Submit to the coordination entity").click()
    page.wait_for_load_state()
    assert page.locator("#report-state").inner_text().strip() == "Submitted"
    assert page.get_by_role("button", name="Refresh figures").count() == 0
    page.screenshot(path=str(shots / "network-03-submitted.png"), full_page=True)
    pdf = page.request.get(page.url + "pdf/?language=fr")
    assert pdf.body().startswith(b"%PDF")
