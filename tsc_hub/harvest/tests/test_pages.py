"""Pages of harvesting: only coordination staff and administrators reach them; the source form shows
every problem; "harvest now" runs a job whose progress the page polls; a run's report lists its problems."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tsc_hub.core.jobs import create_job
from tsc_hub.core.models import Job
from tsc_hub.harvest.models import HarvestRun, HarvestSource
from tsc_hub.harvest.services import run_harvest
from tsc_hub.harvest.tests.conftest import URL

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
FORM = {
    "name": "Partner CHM",
    "protocol": "chm_json",
    "base_url": URL,
    "extra_urls": "",
    "oai_set": "",
    "metadata_prefix": "oai_dc",
    "default_kind": "publication",
    "fallback_organisation": "",
    "active": "on",
    "schedule": "weekly",
}


@pytest.fixture
def source(make_source):
    return make_source(name="Partner CHM", protocol="chm_json", base_url=URL)


@pytest.fixture
def harvested(source, served, record):
    """A source harvested once: two records created, one skipped."""
    served[URL] = json.dumps(
        [record("REQ-1"), record("REQ-2"), record("REQ-3", country={"identifier": "us"})]
    )
    return run_harvest(source=source, by=None)


def test_staff_see_the_sources_with_their_latest_run(client, cast, harvested, make_source):
    make_source(name="Never read", base_url="https://never.test/oai")
    for who in ("coordination", "admin"):
        client.force_login(cast[who])
        page = client.get("/en/harvest/").content.decode()
        assert "Partner CHM" in page
        assert f"/en/harvest/runs/{harvested.pk}/" in page
        assert "Never harvested" in page


def test_the_list_costs_the_same_queries_however_many_sources(client, cast, make_source):
    def add(n):
        HarvestRun.objects.create(source=make_source(name=f"Source {n}", base_url=f"https://s{n}.test/oai"))

    add(0)
    client.force_login(cast["coordination"])
    with CaptureQueriesContext(connection) as one:
        assert client.get("/en/harvest/").status_code == 200
    for n in range(1, 6):
        add(n)
    with CaptureQueriesContext(connection) as six:
        page = client.get("/en/harvest/").content.decode()
    assert page.count("/en/harvest/runs/") == 6
    assert len(six.captured_queries) == len(one.captured_queries)


def test_a_source_is_added_and_changed(client, cast):
    client.force_login(cast["coordination"])
    assert 'name="base_url"' in client.get("/en/harvest/sources/new/").content.decode()
    response = client.post("/en/harvest/sources/new/", FORM)
    source = HarvestSource.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/harvest/sources/{source.pk}/"
    assert (source.protocol, source.schedule, source.metadata_prefix, source.created_by) == (
        "chm_json",
        "weekly",
        "",
        cast["coordination"],
    )
    edit = f"/en/harvest/sources/{source.pk}/edit/"
    assert URL in client.get(edit).content.decode()
    response = client.post(edit, {**FORM, "name": "Partner portal", "schedule": "manual"})
    assert response.status_code == 302
    source.refresh_from_db()
    assert (source.name, source.schedule) == ("Partner portal", "manual")


def test_every_problem_of_a_source_is_shown_and_nothing_saved(client, cast, source):
    client.force_login(cast["admin"])
    bad = {
        **FORM,
        "name": "partner chm",
        "protocol": "oai_pmh",
        "base_url": "ftp://example.org/oai",
        "extra_urls": "https://example.org/more",
        "oai_set": "two words",
        "metadata_prefix": "mods",
    }
    response = client.post("/en/harvest/sources/new/", bad)
    page = response.content.decode()
    assert response.status_code == 200
    for message in (
        "Another source already has this name.",
        "Give a web address starting with http:// or https://",
        "An OAI-PMH source has one address; leave this empty.",
        "Give the set&#x27;s setSpec, without spaces",
        "Only oai_dc (unqualified Dublin Core) can be read into resources",
    ):
        assert message in page
    assert HarvestSource.objects.count() == 1


def test_the_name_of_a_harvested_source_cannot_change(client, cast, source, harvested):
    client.force_login(cast["coordination"])
    response = client.post(f"/en/harvest/sources/{source.pk}/edit/", {**FORM, "name": "Renamed"})
    assert response.status_code == 200
    assert "The name cannot change once the source has been harvested" in response.content.decode()
    source.refresh_from_db()
    assert source.name == "Partner CHM"


def test_harvest_now_runs_a_job_with_progress(
    client, cast, source, served, record, django_capture_on_commit_callbacks
):
    served[URL] = json.dumps(
        [record("REQ-1"), record("REQ-2"), record("REQ-3", country={"identifier": "us"})]
    )
    client.force_login(cast["coordination"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/harvest/sources/{source.pk}/harvest/")
    job = Job.objects.get()
    run = HarvestRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/harvest/sources/{source.pk}/?job={job.pk}"
    assert (job.kind, job.state, job.done, job.total, job.started_by) == (
        f"harvest.source:{source.pk}",
        "done",
        3,
        3,
        cast["coordination"],
    )
    assert job.result == {"harvest_run": run.pk, "created": 2, "skipped": 1}
    assert (run.job, run.started_by, run.created, run.skipped) == (job, cast["coordination"], 2, 1)
    page = client.get(response["Location"]).content.decode()
    assert 'value="100"' in page
    assert f"/en/harvest/runs/{run.pk}/" in page
    fragment = client.get(f"/en/harvest/jobs/{job.pk}/", **HTMX).content.decode()
    assert "hx-trigger" not in fragment  # finished: polling stops
    assert "<html" not in fragment
    report = client.get(f"/en/harvest/runs/{run.pk}/").content.decode()
    assert "3 records read" in report
    assert "REQ-3" in report
    assert "is not a Party to the Convention" in report


def test_a_running_harvest_is_polled_and_a_second_one_refused(client, cast, source):
    job = create_job(kind=source.job_kind, by=cast["admin"])
    Job.objects.filter(pk=job.pk).update(state="running", done=3, total=4)
    client.force_login(cast["coordination"])
    fragment = client.get(f"/en/harvest/jobs/{job.pk}/", **HTMX).content.decode()
    assert 'hx-trigger="every 1s"' in fragment
    assert 'value="75"' in fragment
    assert "3 of 4 records" in fragment
    assert "<html" in client.get(f"/en/harvest/jobs/{job.pk}/").content.decode()
    assert 'value="75"' in client.get(f"/en/harvest/sources/{source.pk}/").content.decode()
    response = client.post(f"/en/harvest/sources/{source.pk}/harvest/", follow=True)
    assert "A harvest of this source is already queued or running." in response.content.decode()
    assert Job.objects.count() == 1
    other = create_job(kind="matching.assignment", by=cast["coordination"])
    assert client.get(f"/en/harvest/jobs/{other.pk}/").status_code == 404


@pytest.mark.parametrize(
    "who",
    ["nobody", "focal_point", "member", "officer", "provider", "advisory", "reviewer", "knowledge_reviewer"],
)
def test_no_other_role_reaches_the_pages(client, cast, person, source, harvested, who):
    user = person("knowledge_reviewer") if who == "knowledge_reviewer" else cast[who]
    job = create_job(kind=source.job_kind, by=cast["coordination"])
    client.force_login(user)
    for url in (
        "/en/harvest/",
        "/en/harvest/sources/new/",
        f"/en/harvest/sources/{source.pk}/",
        f"/en/harvest/sources/{source.pk}/edit/",
        f"/en/harvest/runs/{harvested.pk}/",
        f"/en/harvest/jobs/{job.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Only coordination staff and administrators manage harvesting." in response.content.decode()
    assert client.post("/en/harvest/sources/new/", {**FORM, "name": "Sneaky"}).status_code == 403
    assert client.post(f"/en/harvest/sources/{source.pk}/edit/", {**FORM, "name": "X"}).status_code == 403
    assert client.post(f"/en/harvest/sources/{source.pk}/harvest/").status_code == 403
    assert list(HarvestSource.objects.values_list("name", flat=True)) == ["Partner CHM"]
    assert Job.objects.count() == 1


def test_anonymous_is_sent_to_sign_in(client, source):
    for url in ("/en/harvest/", f"/en/harvest/sources/{source.pk}/", "/en/harvest/sources/new/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert client.post(f"/en/harvest/sources/{source.pk}/harvest/").status_code == 302
    assert not Job.objects.exists()


def test_unknown_sources_and_runs_are_not_found(client, cast):
    client.force_login(cast["admin"])
    assert client.get("/en/harvest/sources/999/").status_code == 404
    assert client.get("/en/harvest/runs/999/").status_code == 404
