"""Sources written through the services, the permission rule, the schedule and the periodic job."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent, Job
from tsc_hub.core.periodic import registered_jobs
from tsc_hub.harvest.models import HarvestRun, HarvestSource
from tsc_hub.harvest.recording import RunRecorder
from tsc_hub.harvest.services import (
    create_source,
    enqueue_due_harvests,
    run_harvest,
    start_harvest,
    update_source,
)
from tsc_hub.harvest.validation import SourceData

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)


def data(**values) -> SourceData:
    given = {"name": "Elsewhere", "protocol": "oai_pmh", "base_url": "https://elsewhere.test/oai"}
    given.update(values)
    return SourceData(**given)


def test_a_source_is_created_audited_and_changed(cast):
    source = create_source(data=data(name="  Else   where ", oai_set="kind:dataset"), by=cast["admin"])
    assert (source.name, source.oai_set, source.metadata_prefix, source.created_by) == (
        "Else where",
        "kind:dataset",
        "oai_dc",
        cast["admin"],
    )
    update_source(source=source, data=data(name="Elsewhere", schedule="weekly"), by=cast["coordination"])
    source.refresh_from_db()
    assert (source.name, source.oai_set, source.schedule) == ("Elsewhere", "", "weekly")
    actions = list(
        AuditEvent.objects.filter(target_type="harvest.harvestsource").values_list("action", flat=True)
    )
    assert sorted(actions) == ["create_harvest_source", "update_harvest_source"]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"name": " "}, "name", "Give the source a name."),
        ({"name": "TSC-hub"}, "name", "names tsc-hub's own records"),
        ({"protocol": "ftp"}, "protocol", "Choose OAI-PMH or CHM JSON."),
        ({"base_url": "elsewhere.test/oai"}, "base_url", "Give a web address starting with http://"),
        ({"base_url": "https://e.test/oai?page={page}"}, "base_url", "Only CHM JSON addresses may hold"),
        ({"protocol": "chm_json", "oai_set": "x"}, "oai_set", "Only OAI-PMH sources have sets"),
        ({"metadata_prefix": "marc21"}, "metadata_prefix", "Only oai_dc"),
        ({"default_kind": "poem"}, "default_kind", "Choose one of the kinds of resource."),
        ({"schedule": "hourly"}, "schedule", "Choose every day, every week or only by hand."),
        ({"fallback_organisation": 999_999}, "fallback_organisation", "Choose an organisation"),
    ],
)
def test_a_bad_source_is_refused_with_the_field_named(values, field, message):
    with pytest.raises(InvalidInput) as refused:
        create_source(data=data(**values), by=None)
    assert any(message in text for text in refused.value.fields[field])
    assert not HarvestSource.objects.exists()


def test_the_same_address_and_set_twice_is_refused():
    create_source(data=data(), by=None)
    with pytest.raises(InvalidInput) as refused:
        create_source(data=data(name="Again"), by=None)
    assert refused.value.fields["base_url"] == ["Another source already harvests this address (and set)."]
    create_source(data=data(name="Its datasets", oai_set="kind:dataset"), by=None)  # another set is fine


@pytest.mark.parametrize("who", ["nobody", "focal_point", "officer", "provider", "advisory"])
def test_only_coordination_and_administrators_manage_harvesting(cast, who):
    source = create_source(data=data(), by=None)
    for attempt in (
        lambda: create_source(data=data(name="Other", base_url="https://o.test/oai"), by=cast[who]),
        lambda: update_source(source=source, data=data(schedule="manual"), by=cast[who]),
        lambda: start_harvest(source=source, by=cast[who]),
        lambda: run_harvest(source=source, by=cast[who]),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert HarvestSource.objects.count() == 1
    assert not HarvestRun.objects.exists()
    assert not Job.objects.exists()


def test_a_run_is_refused_while_another_runs_and_an_abandoned_one_is_ignored():
    source = create_source(data=data(), by=None)
    running = HarvestRun.objects.create(source=source)
    with pytest.raises(Conflict):
        run_harvest(source=source, by=None)
    with pytest.raises(Conflict):
        start_harvest(source=source, by=None)
    HarvestRun.objects.filter(pk=running.pk).update(started_at=timezone.now() - datetime.timedelta(hours=13))
    assert start_harvest(source=source, by=None).kind == source.job_kind


def test_the_periodic_job_is_registered():
    (job,) = [job for job in registered_jobs() if job.name == "harvest.scheduled_sources"]
    assert job.every == datetime.timedelta(hours=1)


def test_due_sources_are_queued_once_with_a_job(django_capture_on_commit_callbacks, monkeypatch):
    queued = []
    monkeypatch.setattr(
        "tsc_hub.harvest.tasks.harvest_task",
        SimpleNamespace(enqueue=lambda *arguments: queued.append(arguments)),
    )
    daily = create_source(data=data(name="Daily"), by=None)
    weekly = create_source(
        data=data(name="Weekly", base_url="https://w.test/oai", schedule="weekly"), by=None
    )
    create_source(data=data(name="Manual", base_url="https://m.test/oai", schedule="manual"), by=None)
    create_source(data=data(name="Off", base_url="https://off.test/oai", active=False), by=None)

    with django_capture_on_commit_callbacks(execute=True):
        assert enqueue_due_harvests(NOW) == [daily, weekly]
    jobs = {job.kind: job for job in Job.objects.all()}
    assert set(jobs) == {daily.job_kind, weekly.job_kind}
    assert sorted(queued) == sorted(
        [(jobs[daily.job_kind].pk, daily.pk, None), (jobs[weekly.job_kind].pk, weekly.pk, None)]
    )
    Job.objects.update(state="done")

    assert enqueue_due_harvests(NOW + datetime.timedelta(hours=5)) == []
    assert enqueue_due_harvests(NOW + datetime.timedelta(hours=23)) == [daily]
    Job.objects.update(state="done")
    assert enqueue_due_harvests(NOW + datetime.timedelta(days=6, hours=23)) == [daily, weekly]


def test_a_source_still_harvesting_is_not_queued_again():
    source = create_source(data=data(), by=None)
    start_harvest(source=source, by=None)
    assert enqueue_due_harvests(NOW) == []
    assert Job.objects.count() == 1


def test_progress_guesses_the_total_until_the_size_of_the_list_is_known():
    source = create_source(data=data(), by=None)
    seen = []
    recorder = RunRecorder(
        HarvestRun.objects.create(source=source), lambda done, total: seen.append((done, total))
    )
    recorder.count("created")
    recorder.expected = 3
    recorder.skip("oai:x:2", "no title")
    recorder.count("unchanged")
    recorder.finish(next_from=NOW)
    assert seen == [(1, 2), (2, 3), (3, 3), (3, 3)]
    run = HarvestRun.objects.get()
    assert (run.state, run.created, run.unchanged, run.skipped, run.next_from) == ("done", 1, 1, 1, NOW)
    assert run.problems == [{"identifier": "oai:x:2", "reason": "no title"}]
    assert run.finished_at is not None
