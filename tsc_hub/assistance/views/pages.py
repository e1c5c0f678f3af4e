"""Reading and writing requests: the list, a request, its form, its tracker, its files."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance import services
from tsc_hub.assistance.filters import filter_requests
from tsc_hub.assistance.forms import RequestFilterForm, RequestForm, TransitionForm, initial_from
from tsc_hub.assistance.models import AssistanceRequest, EligibilityCriterion
from tsc_hub.assistance.services.drafting import EDITABLE_STATES
from tsc_hub.assistance.tracking import tracker
from tsc_hub.assistance.workflow import ACTION_LABELS, REQUEST_WORKFLOW, REQUESTERS, STAFF
from tsc_hub.core.exceptions import DomainError
from tsc_hub.core.languages import content_language
from tsc_hub.organisations.models import Organisation


def visible_request(request: HttpRequest, request_id: int) -> AssistanceRequest:
    """The request if the person may see it, else 404 (its existence is not revealed)."""
    found = (
        AssistanceRequest.objects.visible_to(request.user)
        .select_related("country", "organisation", "centre", "officer", "jurisdiction")
        .prefetch_related(
            "assistance_types", "gbf_targets", "cbd_subjects", "beneficiary_types", "coverage_parties"
        )
        .filter(pk=request_id)
        .first()
    )
    if found is None:
        raise Http404(_("No such request, or you may not see it."))
    return found


def request_list(request: HttpRequest) -> HttpResponse:
    """Requests the person may see: the public list, a focal point's country, a centre's queue."""
    filters = RequestFilterForm(request.GET)
    params = filters.cleaned_data if filters.is_valid() else {}
    requests = filter_requests(
        AssistanceRequest.objects.visible_to(request.user).for_queue().with_target_days(), params
    )
    page = Paginator(requests, 25).get_page(request.GET.get("page"))
    overdue = set(
        AssistanceRequest.objects.filter(pk__in=[r.pk for r in page]).overdue().values_list("pk", flat=True)
    )
    may_create = request.user.is_authenticated and _may_draft(request.user)
    return render(
        request,
        "assistance/list.html",
        {"page": page, "filters": filters, "overdue": overdue, "may_create": may_create},
    )


def _may_draft(user: Any) -> bool:
    roles = set(user.role_assignments.active().values_list("role", flat=True))
    return bool(roles & (REQUESTERS | STAFF))


def _organisations_for(user: Any) -> Any:
    """The organisations a person may draft for: its own, its Party's, or any for staff."""
    assignments = list(user.role_assignments.active().values_list("role", "party_id", "organisation_id"))
    if any(role in STAFF for role, _p, _o in assignments):
        return Organisation.objects.all()
    parties = [party for role, party, _o in assignments if role == "national_focal_point"]
    own = [org for role, _p, org in assignments if role == "institution_member"]
    return Organisation.objects.filter(country_id__in=parties) | Organisation.objects.filter(pk__in=own)


def _home_party(user: Any) -> str | None:
    """The Party a person most likely asks for: its focal-point Party, else its organisation's country."""
    for role, party, organisation_country in user.role_assignments.active().values_list(
        "role", "party_id", "organisation__country_id"
    ):
        if role in REQUESTERS and (party or organisation_country):
            return str(party or organisation_country)
    return None


def _save(request: HttpRequest, form: RequestForm, record: AssistanceRequest | None) -> HttpResponse | None:
    if not form.is_valid():
        return None
    user = signed_in_user(request)
    try:
        if record is None:
            record = services.create_request(data=form.to_data(), by=user)
        else:
            version = int(request.POST.get("version", "0") or 0)
            services.update_request(request=record, data=form.to_data(), expected_version=version, by=user)
    except DomainError as error:
        form.add_error(None, str(error.message))
        form.add_service_errors(error.fields)
        return None
    messages.success(request, _("The request was saved."))
    return redirect("assistance:detail", request_id=record.pk)


@login_required
def request_create(request: HttpRequest) -> HttpResponse:
    """Draft a new request (focal points, institutions, the help desk)."""
    user = signed_in_user(request)
    if not _may_draft(user):
        return render(request, "assistance/forbidden.html", status=403)
    initial = {
        "original_language": content_language(),
        "contact_name": user.display_name,
        "contact_email": user.email,
        "country": _home_party(user),
    }
    form = RequestForm(request.POST or None, organisations=_organisations_for(user), initial=initial)
    if request.method == "POST" and (response := _save(request, form, None)):
        return response
    return render(
        request,
        "assistance/form.html",
        {"form": form, "record": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def request_edit(request: HttpRequest, request_id: int) -> HttpResponse:
    """Change a request before acceptance; a concurrent change is reported, not overwritten."""
    record = visible_request(request, request_id)
    user = signed_in_user(request)
    if record.state not in EDITABLE_STATES or not roles_held_for(user, record) & (REQUESTERS | STAFF):
        return render(request, "assistance/forbidden.html", status=403)
    language = request.GET.get("language") or record.original_language
    stored = {
        name: dict(getattr(record, name))
        for name in (
            "title",
            "problem",
            "objectives",
            "addressed_priorities",
            "types_details",
            "existing_initiatives",
            "co_financing",
        )
    }
    form = RequestForm(
        request.POST or None,
        organisations=_organisations_for(user) | Organisation.objects.filter(pk=record.organisation_id),
        initial=initial_from(record, language),
        stored=stored,
    )
    if request.method == "POST" and (response := _save(request, form, record)):
        return response
    return render(
        request,
        "assistance/form.html",
        {"form": form, "record": record},
        status=400 if request.method == "POST" else 200,
    )


def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    """A request with what the person may do next."""
    record = visible_request(request, request_id)
    roles = roles_held_for(request.user, record)
    actions = [
        (step.action, ACTION_LABELS.get(step.action, step.action), step.needs_reason)
        for step in REQUEST_WORKFLOW.from_state(record.state)
        if step.roles & roles
    ]
    is_staff = bool(roles & STAFF)
    context = {
        "record": record,
        "actions": actions,
        "is_staff": is_staff,
        "is_party": bool(roles & (REQUESTERS | STAFF)),
        "may_edit": record.state in EDITABLE_STATES and bool(roles & (REQUESTERS | STAFF)),
        "view": tracker(record),
        "history": [
            (step, ACTION_LABELS.get(step.action, step.action))
            for step in record.transitions.select_related("by")
        ],
        "attachments": record.attachments.all(),
        "transition_form": TransitionForm(),
        "criteria": EligibilityCriterion.objects.filter(active=True) if is_staff else [],
        "assessments": {a.criterion_id: a for a in record.assessments.all()} if is_staff else {},
    }
    return render(request, "assistance/detail.html", context)


def request_tracker(request: HttpRequest, request_id: int) -> HttpResponse:
    """Where the request is, who holds it, days in each stage, who acts next."""
    record = visible_request(request, request_id)
    return render(request, "assistance/tracker.html", {"record": record, "view": tracker(record)})


@login_required
def attachment_download(request: HttpRequest, request_id: int, attachment_id: int) -> FileResponse:
    """A file, to people who may see the request."""
    record = visible_request(request, request_id)
    attachment = record.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404(_("No such file."))
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
