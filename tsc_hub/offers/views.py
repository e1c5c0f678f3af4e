"""Pages: opportunities (offers) and providers (profiles): lists, one record, forms, workflow buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tsc_hub.accounts import policy
from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.core.exceptions import Conflict, DomainError, PermissionDenied
from tsc_hub.core.workflow import Workflow
from tsc_hub.offers import permissions, services
from tsc_hub.offers.filters import filter_offers, filter_profiles
from tsc_hub.offers.form_base import MultilingualForm
from tsc_hub.offers.forms import OfferFilterForm, OfferForm, ProfileForm, RecordFilterForm
from tsc_hub.offers.models import Offer, ProviderProfile, RecordTransition, RecordType
from tsc_hub.offers.workflow import ACTION_LABELS, EDITABLE_STATES, OFFER_WORKFLOW, PROFILE_WORKFLOW


@dataclass(frozen=True)
class _Kind:
    """What the pages of one kind of record need."""

    record_type: str
    queryset: Callable[[], Any]
    workflow: Workflow
    add_permission: str
    change_permission: str
    detail_url: str
    template_prefix: str
    not_found: Promise


OFFERS = _Kind(
    RecordType.OFFER,
    lambda: Offer.objects.all(),
    OFFER_WORKFLOW,
    permissions.ADD_OFFER,
    permissions.CHANGE_OFFER,
    "offers:detail",
    "offers/offer",
    gettext_lazy("No such offer."),
)
PROFILES = _Kind(
    RecordType.PROFILE,
    lambda: ProviderProfile.objects.all(),
    PROFILE_WORKFLOW,
    permissions.ADD_PROFILE,
    permissions.CHANGE_PROFILE,
    "offers:profile_detail",
    "offers/profile",
    gettext_lazy("No such provider profile."),
)


def _forbidden(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "offers/forbidden.html", {"reason": reason}, status=403)


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
    roles = policy.roles_allowed(permission)
    return bool(RoleAssignment.objects.active().filter(user=user, role__in=roles).exists())


def _list(request: HttpRequest, kind: _Kind, filters: RecordFilterForm, apply: Callable[..., Any]) -> Any:
    params = filters.cleaned_data if filters.is_valid() else {}
    records = apply(kind.queryset().visible_to(request.user).with_related(), params)
    if not params.get("state"):
        records = records.open() if kind is OFFERS else records.published()
    page = Paginator(records, 25).get_page(request.GET.get("page"))
    context = {"page": page, "filters": filters, "can_add": _may(request, kind.add_permission)}
    return render(request, f"{kind.template_prefix}_list.html", context)


def offer_list(request: HttpRequest) -> HttpResponse:
    """Opportunities open for applications, filterable, 25 to a page."""
    return _list(request, OFFERS, OfferFilterForm(request.GET), filter_offers)


def profile_list(request: HttpRequest) -> HttpResponse:
    """Published provider profiles, filterable, 25 to a page."""
    return _list(request, PROFILES, RecordFilterForm(request.GET), filter_profiles)


def _detail(request: HttpRequest, kind: _Kind, record_id: int) -> HttpResponse:
    record = _visible(kind, request, record_id)
    held = policy.roles_held_for(request.user, record)
    can_edit = request.user.has_perm(kind.change_permission, record)
    actions = [
        {"name": t.action, "label": ACTION_LABELS.get(t.action, t.action), "needs_reason": t.needs_reason}
        for t in kind.workflow.from_state(record.state)
        if t.roles & held
    ]
    history = (
        RecordTransition.objects.filter(record_type=kind.record_type, record_id=record.pk).select_related(
            "by"
        )
        if can_edit or actions
        else []
    )
    context = {
        "record": record,
        "actions": actions,
        "can_edit": can_edit and record.state in EDITABLE_STATES,
        "history": history,
        "today": timezone.localdate(),
    }
    return render(request, f"{kind.template_prefix}_detail.html", context)


def offer_detail(request: HttpRequest, offer_id: int) -> HttpResponse:
    """One offer, with the workflow steps the reader may take."""
    return _detail(request, OFFERS, offer_id)


def profile_detail(request: HttpRequest, profile_id: int) -> HttpResponse:
    """One provider profile, with the workflow steps the reader may take."""
    return _detail(request, PROFILES, profile_id)


def _save(request: HttpRequest, form: MultilingualForm, write: Callable[[], Any]) -> tuple[Any, int]:
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


def _form_page(
    request: HttpRequest, kind: _Kind, form: MultilingualForm, record: Any, write: Callable[[], Any]
) -> HttpResponse:
    status = 200
    if request.method == "POST":
        saved, status = _save(request, form, write)
        if saved is not None:
            messages.success(request, _("Saved."))
            return redirect(kind.detail_url, saved.pk)
    context = {"form": form, "record": record, "kind": kind.record_type}
    return render(request, "offers/form.html", context, status=status)


_NOT_A_PROVIDER = gettext_lazy(
    "Your roles do not allow you to describe providers or offers. Providers, help desks and coordination "
    "staff can."
)
_NOT_YOURS = gettext_lazy(
    "Your roles do not allow you to change this record. Its organisation's providers, the help desk "
    "serving its country and coordination staff can."
)


@login_required
def offer_create(request: HttpRequest) -> HttpResponse:
    """Describe a new offer (as a draft)."""
    if not _may(request, OFFERS.add_permission):
        return _forbidden(request, str(_NOT_A_PROVIDER))
    form = OfferForm(request.POST or None, user=request.user)
    return _form_page(
        request,
        OFFERS,
        form,
        None,
        lambda: services.create_offer(data=form.to_data(), by=signed_in_user(request)),
    )


@login_required
def profile_create(request: HttpRequest) -> HttpResponse:
    """Describe a new provider profile (as a draft)."""
    if not _may(request, PROFILES.add_permission):
        return _forbidden(request, str(_NOT_A_PROVIDER))
    form = ProfileForm(request.POST or None, user=request.user)
    return _form_page(
        request,
        PROFILES,
        form,
        None,
        lambda: services.create_profile(data=form.to_data(), by=signed_in_user(request)),
    )


def _version(form: MultilingualForm, record: Any) -> int:
    value = form.cleaned_data.get("version")
    return int(value) if value is not None else int(record.version)


@login_required
def offer_edit(request: HttpRequest, offer_id: int) -> HttpResponse:
    """Change an offer; an edit made from an older version is refused."""
    offer = _visible(OFFERS, request, offer_id)
    if not request.user.has_perm(OFFERS.change_permission, offer):
        return _forbidden(request, str(_NOT_YOURS))
    form = OfferForm(request.POST or None, user=request.user)
    form.initial = form.initial_from(offer)
    return _form_page(
        request,
        OFFERS,
        form,
        offer,
        lambda: services.update_offer(
            offer=offer,
            data=form.to_data(),
            expected_version=_version(form, offer),
            by=signed_in_user(request),
        ),
    )


@login_required
def profile_edit(request: HttpRequest, profile_id: int) -> HttpResponse:
    """Change a provider profile; an edit made from an older version is refused."""
    profile = _visible(PROFILES, request, profile_id)
    if not request.user.has_perm(PROFILES.change_permission, profile):
        return _forbidden(request, str(_NOT_YOURS))
    form = ProfileForm(request.POST or None, user=request.user)
    form.initial = form.initial_from(profile)
    return _form_page(
        request,
        PROFILES,
        form,
        profile,
        lambda: services.update_profile(
            profile=profile,
            data=form.to_data(),
            expected_version=_version(form, profile),
            by=signed_in_user(request),
        ),
    )


def _transition(request: HttpRequest, kind: _Kind, record_id: int, move: Callable[..., Any]) -> HttpResponse:
    record = _visible(kind, request, record_id)
    action = request.POST.get("action", "")
    try:
        move(record=record, action=action, by=signed_in_user(request), reason=request.POST.get("reason", ""))
    except PermissionDenied as error:
        return _forbidden(request, str(error.message))
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": ACTION_LABELS.get(action, action)})
    return redirect(kind.detail_url, record_id)


@login_required
@require_POST
def offer_transition(request: HttpRequest, offer_id: int) -> HttpResponse:
    """Take one workflow step on an offer (the buttons of the offer page)."""
    return _transition(request, OFFERS, offer_id, services.transition_offer)


@login_required
@require_POST
def profile_transition(request: HttpRequest, profile_id: int) -> HttpResponse:
    """Take one workflow step on a provider profile."""
    return _transition(request, PROFILES, profile_id, services.transition_profile)
