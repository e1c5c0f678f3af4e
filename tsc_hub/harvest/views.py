"""Pages of harvesting, for coordination staff and administrators: the sources with their last runs, the
source form, "harvest now" with the job's progress, and the report of each run."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.core.exceptions import DomainError, InvalidInput
from tsc_hub.core.jobs import visible_jobs
from tsc_hub.core.models import Job, JobState
from tsc_hub.harvest import services
from tsc_hub.harvest.forms import SourceForm, initial_of
from tsc_hub.harvest.models import HarvestRun, HarvestSource
from tsc_hub.harvest.permissions import MANAGE_HARVEST

LATEST_RUNS = 20


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _forbidden(request: HttpRequest) -> HttpResponse | None:
    """A 403 page unless the person manages harvesting (signed-in people only reach here)."""
    if request.user.has_perm(MANAGE_HARVEST):
        return None
    reason = _("Only coordination staff and administrators manage harvesting.")
    return render(request, "harvest/forbidden.html", {"reason": reason}, status=403)


def _source(source_id: int) -> HarvestSource:
    source = HarvestSource.objects.select_related("fallback_organisation").filter(pk=source_id).first()
    if source is None:
        raise Http404(_("No such source."))
    return source


def _jobs(source: HarvestSource, user: Any, asked: str) -> list[Job]:
    """The harvests of the source queued or running, and the job asked for (just started)."""
    jobs = visible_jobs(user).filter(kind=source.job_kind)
    shown = list(jobs.filter(state__in=[JobState.QUEUED, JobState.RUNNING])[:3])
    if asked.isdigit() and all(job.pk != int(asked) for job in shown):
        shown[:0] = list(jobs.filter(pk=int(asked)))
    return shown


@login_required
def source_list(request: HttpRequest) -> HttpResponse:
    """Every source with its latest run."""
    if (refused := _forbidden(request)) is not None:
        return refused
    sources = list(HarvestSource.objects.with_last_run_id())
    runs = HarvestRun.objects.in_bulk([s.last_run_id for s in sources if s.last_run_id is not None])
    rows = [{"source": source, "run": runs.get(source.last_run_id)} for source in sources]
    return render(request, "harvest/sources.html", {"rows": rows})


def _save(request: HttpRequest, source: HarvestSource | None) -> HttpResponse:
    user = signed_in_user(request)
    initial = initial_of(source) if source is not None else None
    form = SourceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if source is None:
                saved = services.create_source(data=form.to_data(), by=user)
                messages.success(request, _("The source was added."))
            else:
                saved = services.update_source(source=source, data=form.to_data(), by=user)
                messages.success(request, _("The source was saved."))
        except InvalidInput as problems:
            form.show_problems(problems.fields, str(problems.message))
        else:
            return redirect("harvest:source", saved.pk)
    return render(request, "harvest/form.html", {"form": form, "source": source}, status=200)


@login_required
def source_add(request: HttpRequest) -> HttpResponse:
    """Add a source."""
    return _forbidden(request) or _save(request, None)


@login_required
def source_edit(request: HttpRequest, source_id: int) -> HttpResponse:
    """Change a source."""
    return _forbidden(request) or _save(request, _source(source_id))


@login_required
def source_detail(request: HttpRequest, source_id: int) -> HttpResponse:
    """A source: its settings, the harvests queued or running with their progress, its latest runs."""
    if (refused := _forbidden(request)) is not None:
        return refused
    source = _source(source_id)
    context = {
        "source": source,
        "jobs": _jobs(source, request.user, request.GET.get("job", "")),
        "runs": source.runs.select_related("started_by")[:LATEST_RUNS],
    }
    return render(request, "harvest/source.html", context)


@login_required
@require_POST
def harvest_now(request: HttpRequest, source_id: int) -> HttpResponse:
    """Queue a harvest of the source; the source page shows its progress."""
    if (refused := _forbidden(request)) is not None:
        return refused
    source = _source(source_id)
    try:
        job = services.start_harvest(source=source, by=signed_in_user(request))
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("harvest:source", source.pk)
    messages.success(request, _("The harvest was started."))
    return redirect(f"{reverse('harvest:source', args=[source.pk])}?job={job.pk}")


@login_required
def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    """A run's report: the dates asked for, what happened to the records, and each problem."""
    if (refused := _forbidden(request)) is not None:
        return refused
    run = HarvestRun.objects.select_related("source", "started_by", "job").filter(pk=run_id).first()
    if run is None:
        raise Http404(_("No such harvest."))
    return render(request, "harvest/run.html", {"run": run})


@login_required
def job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """A harvest job's progress bar; htmx polls it every second until the job is finished."""
    if (refused := _forbidden(request)) is not None:
        return refused
    job = visible_jobs(request.user).filter(pk=job_id, kind__startswith="harvest.source:").first()
    if job is None:
        raise Http404(_("No such job, or you may not see it."))
    template = "harvest/_job.html" if _htmx(request) else "harvest/job.html"
    return render(request, template, {"job": job})
