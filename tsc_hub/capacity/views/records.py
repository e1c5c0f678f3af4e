"""Pages of capacity needs and activities: lists, one record, forms, closing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tsc_hub.accounts import policy
from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.capacity import permissions, services
from tsc_hub.capacity.filters import filter_activities, filter_needs
from tsc_hub.capacity.forms import ActivityFilterForm, ActivityForm, NeedFilterForm, NeedForm
from tsc_hub.capacity.models import CapacityActivity, CapacityNeed
from tsc_hub.core.exceptions import Conflict, DomainError, PermissionDenied
from tsc_hub.offers.form_base import MultilingualForm


@dataclass(frozen=True)
class _Kind:
    """What the pages of one kind of record need."""

    name: str
    queryset: Callable[[], Any]
    form: type[NeedForm] | type[ActivityForm]
    filter_form: type[NeedFilterForm] | type[ActivityFilterForm]
    apply_filters: Callable[[Any, dict[str, Any]], Any]
    add_permission: str
    change_permission: str
    not_found: Promise
    cannot_add: Promise
    cannot_change: Promise


NEEDS = _Kind(
    "need",
    lambda: CapacityNeed.objects.all(),
    NeedForm,
    NeedFilterForm,
    filter_needs,
    permissions.ADD_NEED,
    permissions.CHANGE_NEED,
    gettext_lazy("No such capacity need."),
    services.NEED.not_allowed,
    gettext_lazy(
        "Your roles do not allow you to change this need. The national focal points of its Party and "
        "coordination staff can."
    ),
)
ACTIVITIES = _Kind(
    "activity",
    lambda: CapacityActivity.objects.all(),
    ActivityForm,
    ActivityFilterForm,
    filter_activities,
    permissions.ADD_ACTIVITY,
    permissions.CHANGE_ACTIVITY,
    gettext_lazy("No such capacity-building activity."),
    services.ACTIVITY.not_allowed,
    gettext_lazy(
        "Your roles do not allow you to change this activity. Its organisation's members and providers, "
        "the help desk serving its country and coordination staff can."
    ),
)


def _refusal(request: HttpRequest, reason: str, status: int = 403) -> HttpResponse:
    return render(request, "capacity/refused.html", {"reason": reason}, status=status)


def _visible(kind: _Kind, request: HttpRequest, record_id: int) -> Any:
    found = kind.queryset().visible_to(request.user).with_related().filter(pk=record_id).first()
    if found is None:
        raise Http404(kind.not_found)
    return found


def _may(request: HttpRequest, permission: str) -> bool:
    """Whether the person holds any role that grants the permission somewhere."""
    user: Any = request.user
    if not user.is_authenticated:
        return False
    return bool(
        RoleAssignment.objects.active().filter(user=user, role__in=policy.roles_allowed(permission)).exists()
    )


def _list(request: HttpRequest, kind: _Kind) -> HttpResponse:
    filters = kind.filter_form(request.GET)
    params = filters.cleaned_data if filters.is_valid() else {}
    records = kind.apply_filters(kind.queryset().visible_to(request.user).with_related(), params)
    page = Paginator(records, 25).get_page(request.GET.get("page"))
    context = {"page": page, "filters": filters, "can_add": _may(request, kind.add_permission)}
    return render(request, f"capacity/{kind.name}_list.html", context)


def need_list(request: HttpRequest) -> HttpResponse:
    """Capacity needs of Parties, filterable, 25 to a page."""
    return _list(request, NEEDS)


def activity_list(request: HttpRequest) -> HttpResponse:
    """Capacity-building activities, filterable, 25 to a page."""
    return _list(request, ACTIVITIES)


def _detail(request: HttpRequest, kind: _Kind, record_id: int) -> HttpResponse:
    record = _visible(kind, request, record_id)
    may_change = request.user.has_perm(kind.change_permission, record) and not record.is_closed
    return render(request, f"capacity/{kind.name}_detail.html", {"record": record, "can_change": may_change})


def need_detail(request: HttpRequest, need_id: int) -> HttpResponse:
    """One capacity need."""
    return _detail(request, NEEDS, need_id)


def activity_detail(request: HttpRequest, activity_id: int) -> HttpResponse:
    """One capacity-building activity."""
    return _detail(request, ACTIVITIES, activity_id)


def _save(form: MultilingualForm, write: Callable[[], Any]) -> tuple[Any, int]:
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


def _version(form: MultilingualForm, record: Any) -> int:
    value = form.cleaned_data.get("version")
    return int(value) if value is not None else int(record.version)


def _writer(kind: _Kind, form: Any, record: Any, by: Any) -> Callable[[], Any]:
    """What the form's button does: create a record, or update the one shown."""
    if kind is NEEDS and record is None:
        return lambda: services.create_need(data=form.to_data(), by=by)
    if kind is NEEDS:
        return lambda: services.update_need(
            need=record, data=form.to_data(), expected_version=_version(form, record), by=by
        )
    if record is None:
        return lambda: services.create_activity(data=form.to_data(), by=by)
    return lambda: services.update_activity(
        activity=record, data=form.to_data(), expected_version=_version(form, record), by=by
    )


def _form_page(request: HttpRequest, kind: _Kind, record: Any) -> HttpResponse:
    """The create form (no record) or the edit form of a record."""
    form: Any = kind.form(request.POST or None, user=request.user)
    if record is not None:
        form.initial = form.initial_from(record)
    status = 200
    if request.method == "POST":
        saved, status = _save(form, _writer(kind, form, record, signed_in_user(request)))
        if saved is not None:
            messages.success(request, _("Saved."))
            return redirect(f"capacity:{kind.name}_detail", saved.pk)
    context = {"form": form, "record": record, "kind": kind.name}
    return render(request, "capacity/form.html", context, status=status)


def _create(request: HttpRequest, kind: _Kind) -> HttpResponse:
    if not _may(request, kind.add_permission):
        return _refusal(request, str(kind.cannot_add))
    return _form_page(request, kind, None)


def _edit(request: HttpRequest, kind: _Kind, record_id: int) -> HttpResponse:
    record = _visible(kind, request, record_id)
    if not request.user.has_perm(kind.change_permission, record):
        return _refusal(request, str(kind.cannot_change))
    if record.is_closed:
        return _refusal(request, _("This record is closed and can no longer be changed."), status=409)
    return _form_page(request, kind, record)


@login_required
def need_create(request: HttpRequest) -> HttpResponse:
    """Record a capacity need of a Party."""
    return _create(request, NEEDS)


@login_required
def activity_create(request: HttpRequest) -> HttpResponse:
    """Record a capacity-building activity."""
    return _create(request, ACTIVITIES)


@login_required
def need_edit(request: HttpRequest, need_id: int) -> HttpResponse:
    """Change a need; an edit made from an older version is refused."""
    return _edit(request, NEEDS, need_id)


@login_required
def activity_edit(request: HttpRequest, activity_id: int) -> HttpResponse:
    """Change an activity; an edit made from an older version is refused."""
    return _edit(request, ACTIVITIES, activity_id)


def _close(request: HttpRequest, kind: _Kind, record_id: int) -> HttpResponse:
    record = _visible(kind, request, record_id)
    if not request.user.has_perm(kind.change_permission, record):
        return _refusal(request, str(kind.cannot_change))
    version = request.POST.get("version", "")
    expected = int(version) if version.isdigit() else record.version
    by = signed_in_user(request)
    try:
        if kind is NEEDS:
            services.close_need(need=record, expected_version=expected, by=by)
        else:
            services.close_activity(activity=record, expected_version=expected, by=by)
    except PermissionDenied as error:
        return _refusal(request, str(error.message))
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Closed."))
    return redirect(f"capacity:{kind.name}_detail", record_id)


@login_required
@require_POST
def need_close(request: HttpRequest, need_id: int) -> HttpResponse:
    """Mark a need as met."""
    return _close(request, NEEDS, need_id)


@login_required
@require_POST
def activity_close(request: HttpRequest, activity_id: int) -> HttpResponse:
    """Mark an activity as completed."""
    return _close(request, ACTIVITIES, activity_id)
