"""Project pages in English and Arabic, the create page reached from an agreed match, page actions."""

import re

import pytest

from tsc_hub.projects.models import Project
from tsc_hub.projects.services import OutputData, add_indicator, add_milestone, record_funding, record_output


def _fill(world, project):
    from datetime import date
    from decimal import Decimal

    from tsc_hub.projects.services import FundingData

    add_milestone(project=project, title={"en": "Reference library online"}, due_date=None, by=world["lab"])
    add_indicator(
        project=project, name={"en": "Species barcoded"}, unit="species", target=200, by=world["lab"]
    )
    for currency in ("USD", "EUR"):
        record_funding(
            project=project,
            data=FundingData(
                amount=Decimal("1000"),
                currency=currency,
                source="gef",
                date=date(2025, 2, 1),
                evidence_text="Grant",
            ),
            by=world["officer"],
        )
    record_output(
        project=project,
        data=OutputData(
            kind="technology_transfer", from_country="gb", to_country="ke", description={"en": "A sequencer"}
        ),
        by=world["lab"],
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_list_and_detail_render_in_each_direction(client, world, project, language):
    _fill(world, project)
    client.force_login(world["focal_point"])
    listing = client.get(f"/{language}/projects/")
    assert listing.status_code == 200
    detail = client.get(f"/{language}/projects/{project.pk}/").content.decode()
    assert f'dir="{"rtl" if language == "ar" else "ltr"}"' in detail
    assert "Reference library online" in detail
    # Numbers follow the locale: 1,035.00 in English, 1035,00 in Arabic.
    assert re.search(r"1,?035[.,]00 USD", detail)  # EUR 1,000 converted at the sample rate
    assert re.search(r"2,?035[.,]00 USD", detail)  # the total


@pytest.mark.django_db
def test_the_detail_shows_the_forms_the_viewer_may_use(client, world, project):
    _fill(world, project)
    client.force_login(world["officer"])
    page = client.get(f"/en/projects/{project.pk}/").content.decode()
    assert 'value="start"' in page
    assert 'value="cancel"' in page
    assert "North–South" in page
    assert 'name="evidence_url"' in page
    client.force_login(world["lab"])
    page = client.get(f"/en/projects/{project.pk}/").content.decode()
    assert 'value="start"' not in page
    assert 'name="current_value"' in page
    client.logout()
    page = client.get(f"/en/projects/{project.pk}/").content.decode()
    assert "Reference library online" in page  # a public request's project is public
    assert 'name="current_value"' not in page
    assert 'value="start"' not in page


@pytest.mark.django_db
def test_the_create_page_starts_a_project_from_an_agreed_match(client, world):
    client.force_login(world["officer"])
    page = client.get(f"/en/projects/new/?match={world['match'].pk}")
    assert page.status_code == 200
    assert "DNA barcoding training" in page.content.decode()  # the request's title is proposed
    response = client.post(
        f"/en/projects/new/?match={world['match'].pk}",
        {"language": "en", "title": "Barcoding project", "matches": [str(world["match"].pk)]},
    )
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/projects/{project.pk}/")
    assert project.matches.get().state == "project_started"


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "status"), [("focal_point", 403), ("lab", 403), ("other_officer", 404)])
def test_the_create_page_is_for_the_help_desk(client, world, who, status):
    client.force_login(world[who])
    assert client.get(f"/en/projects/new/?match={world['match'].pk}").status_code == status


@pytest.mark.django_db
def test_actions_from_the_page(client, world, project):
    client.force_login(world["officer"])
    client.post(f"/en/projects/{project.pk}/transition/", {"action": "start"})
    client.force_login(world["lab"])
    client.post(f"/en/projects/{project.pk}/milestones/", {"language": "en", "title": "Kick-off"})
    milestone = project.milestones.get()
    client.post(f"/en/projects/{project.pk}/milestones/{milestone.pk}/done/")
    client.post(
        f"/en/projects/{project.pk}/outputs/",
        {
            "kind": "training",
            "language": "en",
            "participants_women": "3",
            "participants_men": "-1",
            "participants_other": "0",
        },
    )
    response = client.post(
        f"/en/projects/{project.pk}/funding/",
        {
            "amount": "250",
            "currency": "kes",
            "source": "domestic",
            "date": "2025-04-01",
            "evidence_text": "Budget line",
        },
        follow=True,
    )
    project.refresh_from_db()
    assert project.state == "in_progress"
    assert project.milestones.get().done_at is not None
    assert not project.outputs.exists()  # negative participants refused
    assert project.funding.get().currency == "KES"
    assert "The funds were recorded." in response.content.decode()


@pytest.mark.django_db
def test_a_page_edit_with_a_stale_version_is_refused(client, world, project):
    client.force_login(world["lab"])
    form = {"language": "en", "title": "New title", "version": str(project.version)}
    client.post(f"/en/projects/{project.pk}/edit/", form)
    response = client.post(f"/en/projects/{project.pk}/edit/", {**form, "title": "Other"}, follow=True)
    assert "Someone else changed this project" in response.content.decode()
    project.refresh_from_db()
    assert project.title == {"en": "New title", "fr": "Code-barres ADN des plantes envahissantes"}
