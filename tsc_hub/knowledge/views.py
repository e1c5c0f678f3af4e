"""Pages of the knowledge hub: the list, one resource, the forms, the workflow buttons, the review queue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from babel import Locale
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tsc_hub.accounts import policy
from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.core.exceptions import Conflict, DomainError, PermissionDenied
from tsc_hub.knowledge import linked_data, services
from tsc_hub.knowledge.filters import filter_resources
from tsc_hub.knowledge.forms import ResourceFilterForm, ResourceForm
from tsc_hub.knowledge.linked_data import jsonld_script
from tsc_hub.knowledge.models import Resource, ResourceRevision
from tsc_hub.knowledge.permissions import ADD_RESOURCE, CHANGE_RESOURCE
from tsc_hub.knowledge.workflow import ACTION_LABELS, EDITABLE_STATES, RESOURCE_WORKFLOW, REVIEWERS

_NOT_A_SUBMITTER = gettext_lazy(
    "Your roles do not allow you to describe resources. Organisations, focal points, help desks and "
    "knowledge hub reviewers can."
)
_NOT_YOURS = gettext_lazy(
    "Your roles do not allow you to change this resource. Its organisation, the focal points of its "
    "countries, the help desks serving them and knowledge hub reviewers can."
)
_NOT_A_REVIEWER = gettext_lazy(
    "Only knowledge hub reviewers, help desks and coordination staff review resources."
)


def _forbidden(request: HttpRequest, reason: str, status: int = 403) -> HttpResponse:
    return render(request, "knowledge/forbidden.html", {"reason": reason}, status=status)


def _visible(request: HttpRequest, resource_id: int) -> Any:
    found = Resource.objects.visible_to(request.user).with_related().filter(pk=resource_id).first()
    if found is None:
        raise Http404(_("No such resource."))
    return found


def _holds(request: HttpRequest, roles: frozenset[str]) -> bool:
    """Whether the person holds, somewhere, one of the roles."""
    user: Any = request.user
    if not user.is_authenticated:
        return False
    return bool(RoleAssignment.objects.active().filter(user=user, role__in=roles).exists())


def language_names(codes: list[str]) -> list[str]:
    """Language codes named in the reader's language."""
    try:
        locale = Locale.parse(translation.get_language() or "en", sep="-")
    except ValueError:
        locale = Locale("en")
    return [str(locale.languages.get(code, code)) for code in codes]


def resource_list(request: HttpRequest) -> HttpResponse:
    """Published resources (others by state, for those who see them), filterable, 25 to a page."""
    filters = ResourceFilterForm(request.GET)
    params = filters.cleaned_data if filters.is_valid() else {}
    records = filter_resources(Resource.objects.visible_to(request.user).with_related(), params)
    if not params.get("state"):
        records = records.published()
    context = {
        "page": Paginator(records, 25).get_page(request.GET.get("page")),
        "filters": filters,
        "can_add": _holds(request, policy.roles_allowed(ADD_RESOURCE)),
        "can_review": _holds(request, REVIEWERS),
    }
    return render(request, "knowledge/list.html", context)


def _label(name: str) -> str:
    model_field: Any = Resource._meta.get_field(name)
    return str(model_field.verbose_name)


def _revisions(record: Resource) -> list[dict[str, Any]]:
    """The revisions, newest first, each with the labels of the fields it changed."""
    revisions = list(ResourceRevision.objects.filter(resource=record).select_related("by"))
    rows = []
    for revision, older in zip(revisions, [*revisions[1:], None], strict=False):
        changed = []
        if older is not None:
            keys = sorted(set(revision.content) | set(older.content))
            names = [
                key.removesuffix("_id") for key in keys if revision.content.get(key) != older.content.get(key)
            ]
            changed = [_label(name) for name in names if name != "harvested_at"]
        rows.append({"revision": revision, "changed": changed})
    return rows


def resource_detail(request: HttpRequest, resource_id: int) -> HttpResponse:
    """One resource with all its metadata, its revisions and the workflow steps the reader may take."""
    record = _visible(request, resource_id)
    held = policy.roles_held_for(request.user, record)
    can_edit = request.user.has_perm(CHANGE_RESOURCE, record)
    actions = [
        {"name": t.action, "label": ACTION_LABELS.get(t.action, t.action), "needs_reason": t.needs_reason}
        for t in RESOURCE_WORKFLOW.from_state(record.state)
        if t.roles & held
    ]
    insider = can_edit or bool(actions)
    context = {
        "record": record,
        "actions": actions,
        "can_edit": can_edit and record.state in EDITABLE_STATES,
        "insider": insider,
        "languages": language_names(record.resource_languages),
        "revisions": _revisions(record),
        "history": record.transitions.select_related("by") if insider else [],
        "jsonld": jsonld_script(record) if record.state == "published" else "",
    }
    return render(request, "knowledge/detail.html", context)


def _save(form: ResourceForm, write: Callable[[], Any]) -> tuple[Any, int]:
    """Run the service; on a domain error put its messages on the form. Returns (record, status)."""
    if not form.is_valid():
        return None, 400
    try:
        return write(), 200
    except PermissionDenied as error:
        form.add_error(None, str(error.message))
        return None, 403
    except Conflict as error:
        form.add_error(None, str(error.message))
        return None, 409
    except DomainError as error:
        form.add_error(None, str(error.message))
        form.add_service_errors(error.fields)
        return None, 400


def _form_page(request: HttpRequest, form: ResourceForm, write: Callable[[], Any]) -> HttpResponse:
    status = 200
    if request.method == "POST":
        saved, status = _save(form, write)
        if saved is not None:
            messages.success(request, _("Saved."))
            return redirect("knowledge:detail", saved.pk)
    return render(request, "knowledge/form.html", {"form": form, "record": form.record}, status=status)


@login_required
def resource_create(request: HttpRequest) -> HttpResponse:
    """Describe a new resource (as a draft)."""
    if not _holds(request, policy.roles_allowed(ADD_RESOURCE)):
        return _forbidden(request, str(_NOT_A_SUBMITTER))
    form = ResourceForm(request.POST or None, user=request.user)
    return _form_page(
        request, form, lambda: services.create_resource(data=form.to_data(), by=signed_in_user(request))
    )


@login_required
def resource_edit(request: HttpRequest, resource_id: int) -> HttpResponse:
    """Change a resource; an edit made from an older version is refused."""
    record = _visible(request, resource_id)
    if not request.user.has_perm(CHANGE_RESOURCE, record):
        return _forbidden(request, str(_NOT_YOURS))
    if record.state not in EDITABLE_STATES:
        return _forbidden(request, _("A withdrawn resource can no longer be changed."), status=409)
    form = ResourceForm(request.POST or None, user=request.user, record=record)

    def write() -> Any:
        version = form.cleaned_data.get("version")
        return services.update_resource(
            resource=record,
            data=form.to_data(),
            by=signed_in_user(request),
            version=int(version) if version is not None else record.version,
            note=form.cleaned_data.get("note", ""),
        )

    return _form_page(request, form, write)


@login_required
@require_POST
def resource_transition(request: HttpRequest, resource_id: int) -> HttpResponse:
    """Take one workflow step (the buttons of the resource page)."""
    record = _visible(request, resource_id)
    action = request.POST.get("action", "")
    try:
        services.transition_resource(
            resource=record, action=action, by=signed_in_user(request), reason=request.POST.get("reason", "")
        )
    except PermissionDenied as error:
        return _forbidden(request, str(error.message))
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": ACTION_LABELS.get(action, action)})
    return redirect("knowledge:detail", resource_id)


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """The resources waiting for the reader's review, the longest waiting first."""
    if not _holds(request, REVIEWERS):
        return _forbidden(request, str(_NOT_A_REVIEWER))
    submitted = Max("transitions__at", filter=Q(transitions__action="submit"))
    waiting = (
        Resource.objects.reviewable_by(request.user)
        .with_related()
        .annotate(submitted_at=submitted)
        .order_by("submitted_at", "pk")
    )
    page = Paginator(waiting, 25).get_page(request.GET.get("page"))
    return render(request, "knowledge/review.html", {"page": page})


def dcat_catalogue(request: HttpRequest, extension: str) -> HttpResponse:
    """The published datasets as a DCAT catalogue, in Turtle (.ttl), RDF/XML (.rdf) or JSON-LD (.jsonld)."""
    from tsc_hub.vocabularies.skos import FORMATS

    if extension not in FORMATS:
        raise Http404("unknown format")
    datasets = list(
        Resource.objects.published()
        .filter(kind="dataset")
        .prefetch_related("gbf_targets", "countries")
        .order_by("pk")
    )
    rdflib_format, content_type = FORMATS[extension]
    body = linked_data.dcat_catalogue(datasets).serialize(format=rdflib_format)
    return HttpResponse(body, content_type=content_type)
