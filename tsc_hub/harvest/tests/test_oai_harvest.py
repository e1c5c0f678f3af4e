"""Harvesting a real OAI-PMH repository over HTTP: our own /oai on the live server, read with Sickle."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from tsc_hub.geography.models import Region
from tsc_hub.harvest import oai
from tsc_hub.harvest.services import run_harvest
from tsc_hub.harvest.tests.conftest import LONG_AGO
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.services import transition_resource
from tsc_hub.knowledge.tests.factories import EASTERN_AFRICA, TAXONOMY, ResourceFactory
from tsc_hub.knowledge.tests.oai.factories import stamp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def published(count=1, **fields):
    """Published resources of the upstream portal, last changed long ago."""
    made = [ResourceFactory(state="published", published_at=timezone.now(), **fields) for _ in range(count)]
    stamp(made, LONG_AGO)
    return made


def oai_id(resource, live_server) -> str:
    return f"oai:{urlsplit(live_server.url).hostname}:resource/{resource.pk}"


def copy_of(resource, live_server) -> Resource:
    return Resource.objects.get(source="Upstream hub", original_identifier=oai_id(resource, live_server))


def copies() -> int:
    return Resource.objects.filter(source="Upstream hub").count()


def counts(run) -> tuple[int, int, int, int, int]:
    return (run.created, run.updated, run.unchanged, run.withdrawn, run.skipped)


def test_a_first_harvest_maps_dublin_core_into_resources(oai_source, live_server, upstream):
    (rich,) = published(
        title={"en": "Community seed banks", "fr": "Banques de semences communautaires"},
        regions=[EASTERN_AFRICA],
    )
    plain = published(2)
    Resource.objects.create(kind="dataset", title={"en": "A draft never shown"}, state="draft")

    run = run_harvest(source=oai_source, by=None)

    assert run.state == "done", run.message
    assert counts(run) == (3, 0, 0, 0, 0)
    assert run.problems == []
    assert run.from_datestamp is None
    assert run.until_datestamp is not None
    oai_source.refresh_from_db()
    assert oai_source.last_harvested_from == run.next_from == run.until_datestamp
    copy = copy_of(rich, live_server)
    assert (copy.kind, copy.state, copy.original_language) == ("case_study", "draft", "en")
    assert copy.title == {"en": "Community seed banks", "fr": "Banques de semences communautaires"}
    assert copy.summary == rich.summary
    assert copy.authors == ["Ada Mwangi"]
    assert copy.publication_date == rich.publication_date
    assert [link["url"] for link in copy.links] == [
        f"{live_server.url}/en/resources/{rich.pk}/",
        "https://example.org/seed-banks.pdf",
    ]
    assert copy.resource_languages == ["en", "sw"]
    assert [party.code for party in copy.countries.all()] == ["ke"]
    assert list(copy.regions.all()) == [Region.objects.get(identifier=EASTERN_AFRICA)]
    assert [term.identifier for term in copy.gbf_targets.all()] == ["GBF-TARGET-20"]
    assert [term.identifier for term in copy.cbd_subjects.all()] == [TAXONOMY]
    assert copy.keywords == ["seeds"]  # the terms' labels are recognised, not kept as keywords
    assert copy.rights == "CC BY 4.0"
    assert (copy.source, copy.harvested_from) == ("Upstream hub", upstream)
    assert copy.harvested_at is not None
    assert copy.owner is None
    assert copy.chm_identifier is None
    assert {copy_of(resource, live_server).title["en"] for resource in plain} == {
        resource.title["en"] for resource in plain
    }


def test_a_second_harvest_reads_only_the_changes(oai_source, live_server):
    first, second, third = published(3)
    full = run_harvest(source=oai_source, by=None)
    assert counts(full) == (3, 0, 0, 0, 0)

    nothing_new = run_harvest(source=oai_source, by=None)  # the repository answers noRecordsMatch
    assert (nothing_new.state, nothing_new.read) == ("done", 0)
    assert nothing_new.from_datestamp == full.next_from

    second.title = {"en": "Seed banks, second edition"}
    second.save()
    new = ResourceFactory(state="published", published_at=timezone.now(), title={"en": "A new one"})

    run = run_harvest(source=oai_source, by=None)

    assert run.state == "done", run.message
    assert counts(run) == (1, 1, 0, 0, 0)
    assert run.from_datestamp == nothing_new.next_from
    assert copy_of(second, live_server).title == {"en": "Seed banks, second edition"}
    assert copy_of(second, live_server).version == 2
    assert copy_of(new, live_server).title == {"en": "A new one"}
    assert copy_of(first, live_server).version == copy_of(third, live_server).version == 1
    assert copies() == 4


def test_a_record_deleted_upstream_is_withdrawn_here(oai_source, live_server):
    kept, gone = published(2)
    run_harvest(source=oai_source, by=None)
    transition_resource(resource=gone, action="withdraw", by=None)

    run = run_harvest(source=oai_source, by=None)

    assert counts(run) == (0, 0, 0, 1, 0)
    assert copy_of(gone, live_server).state == "withdrawn"
    assert (
        copy_of(gone, live_server).transitions.last().reason.startswith("Deleted at the source Upstream hub")
    )
    assert copy_of(kept, live_server).state == "draft"
    oai_source.last_harvested_from = None
    oai_source.save()
    again = run_harvest(source=oai_source, by=None)  # the deleted record again: nothing more to do
    assert counts(again) == (0, 0, 2, 0, 0)
    assert copy_of(gone, live_server).state == "withdrawn"


def test_harvesting_everything_again_creates_nothing(oai_source, live_server):
    published(5)
    run_harvest(source=oai_source, by=None)
    oai_source.last_harvested_from = None  # forget the last harvest: every record is read again
    oai_source.save()

    run = run_harvest(source=oai_source, by=None)

    assert counts(run) == (0, 0, 5, 0, 0)
    assert copies() == 5
    assert all(resource.version == 1 for resource in Resource.objects.filter(source="Upstream hub"))


def test_an_interrupted_harvest_run_again_completes_without_duplicates(
    oai_source, live_server, settings, monkeypatch
):
    settings.OAI_PAGE_SIZE = 10
    published(25)
    real_client = oai.make_client

    def interrupted(source):
        client = real_client(source)
        harvest = client.harvest

        def failing(**arguments):
            if "resumptionToken" in arguments:  # the second page never comes
                raise ConnectionResetError("Connection reset by peer")
            return harvest(**arguments)

        client.harvest = failing
        return client

    monkeypatch.setattr(oai, "make_client", interrupted)
    broken = run_harvest(source=oai_source, by=None)
    assert broken.state == "failed"
    assert "Connection reset by peer" in broken.message
    assert counts(broken) == (10, 0, 0, 0, 0)
    oai_source.refresh_from_db()
    assert oai_source.last_harvested_from is None  # the next harvest asks for the same changes

    monkeypatch.setattr(oai, "make_client", real_client)
    run = run_harvest(source=oai_source, by=None)

    assert run.state == "done"
    assert counts(run) == (15, 0, 10, 0, 0)
    assert copies() == 25
    assert run.job is None


def test_a_trusted_source_publishes_new_records_at_once(upstream, make_source, live_server):
    source = make_source(name="Upstream hub", base_url=upstream, publish_on_import=True)
    (resource,) = published()
    run_harvest(source=source, by=None)
    copy = copy_of(resource, live_server)
    assert copy.state == "published"
    assert copy.published_at is not None


def test_an_address_that_is_not_a_repository_fails_the_run(make_source, live_server):
    source = make_source(name="Not OAI", base_url=f"{live_server.url}/en/")
    run = run_harvest(source=source, by=None)
    assert run.state == "failed"
    assert "does not answer Identify as an OAI-PMH 2.0 repository" in run.message
    assert run.finished_at is not None
    source.refresh_from_db()
    assert source.last_harvested_from is None


def test_the_harvest_task_reports_progress_against_the_size_of_the_list(
    oai_source, live_server, settings, monkeypatch
):
    from tsc_hub.core import jobs
    from tsc_hub.core.models import Job
    from tsc_hub.harvest import tasks

    settings.OAI_PAGE_SIZE = 10
    published(25)
    reported = []

    def reporter(job_id):
        write = jobs.progress_reporter(job_id)

        def report(done, total):
            reported.append((done, total))
            write(done, total)

        return report

    monkeypatch.setattr(tasks, "progress_reporter", reporter)
    job = jobs.create_job(kind=oai_source.job_kind, by=None)

    tasks.harvest_task.enqueue(job.pk, oai_source.pk, None)  # the test backend runs it at once

    job.refresh_from_db()
    run = job.harvest_runs.get()
    assert (job.state, job.done, job.total, job.result["harvest_run"]) == ("done", 25, 25, run.pk)
    assert [done for done, _ in reported] == [*range(1, 26), 25]
    assert {total for _, total in reported} == {25}  # completeListSize of the first page
    assert Job.objects.count() == 1
