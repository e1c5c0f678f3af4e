"""Pages: the organisation directory, one organisation, register and edit forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tsc_hub.accounts import policy
from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.core.exceptions import DomainError, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.organisations import services
from tsc_hub.organisations.filters import filter_organisations
from tsc_hub.organisations.forms import OrganisationFilterForm, OrganisationForm
from tsc_hub.organisations.models import Organisation


def _visible(request: HttpRequest, organisation_id: int) -> Organisation:
    found = Organisation.objects.visible_to(request.user).shown_by_id(organisation_id)
    if found is None:
        raise Http404(_("No such organisation."))
    return found


def organisation_list(request: HttpRequest) -> HttpResponse:
    """The directory, filterable, 25 to a page."""
    filters = OrganisationFilterForm(request.GET)
    params = filters.cleaned_data if filters.is_valid() else {}
    organisations = filter_organisations(Organisation.objects.visible_to(request.user).with_related(), params)
    page = Paginator(organisations, 25).get_page(request.GET.get("page"))
    can_add = _may_register(request)
    return render(request, "organisations/list.html", {"page": page, "filters": filters, "can_add": can_add})


def _may_register(request: HttpRequest) -> bool:
    """Whether the person holds any role that may register organisations somewhere."""
    user: Any = request.user
    if not user.is_authenticated:
        return False
    roles = policy.roles_allowed("organisations.add_organisation")
    return bool(RoleAssignment.objects.active().filter(user=user, role__in=roles).exists())


def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """One organisation, with its recent history for those allowed to read it."""
    organisation = _visible(request, organisation_id)
    history = AuditEvent.objects.visible_to(request.user).for_target(
        "organisations.organisation", organisation.pk
    )[:20]
    can_edit = request.user.has_perm("organisations.change_organisation", organisation)
    return render(
        request,
        "organisations/detail.html",
        {"organisation": organisation, "history": history, "can_edit": can_edit},
    )


def _save(
    request: HttpRequest, form: OrganisationForm, organisation: Organisation | None
) -> HttpResponse | None:
    if not form.is_valid():
        return None
    try:
        if organisation is None:
            organisation = services.create_organisation(data=form.to_data(), by=request.user)
        else:
            services.update_organisation(organisation=organisation, data=form.to_data(), by=request.user)
    except PermissionDenied as error:
        form.add_error(None, str(error.message))
        return None
    except DomainError as error:
        form.add_error(None, str(error.message))
        form.add_service_errors(error.fields)
        return None
    messages.success(request, _("The organisation was saved."))
    return redirect("organisations:detail", organisation_id=organisation.pk)


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    """Register an organisation (staff, focal points for their country)."""
    if not _may_register(request):
        reason = _(
            "Your roles do not allow you to register organisations. National focal points, help desks "
            "and coordination staff can."
        )
        return render(request, "organisations/forbidden.html", {"reason": reason}, status=403)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and (response := _save(request, form, None)):
        return response
    status = 400 if request.method == "POST" else 200
    return render(request, "organisations/form.html", {"form": form, "organisation": None}, status=status)


@login_required
def organisation_edit(request: HttpRequest, organisation_id: int) -> HttpResponse:
    """Edit an organisation (its members, its focal point, staff)."""
    organisation = _visible(request, organisation_id)
    if not request.user.has_perm("organisations.change_organisation", organisation):
        reason = _(
            "Your roles do not allow you to change this organisation. Its members, the national focal "
            "point of its country and the help desk can."
        )
        return render(request, "organisations/forbidden.html", {"reason": reason}, status=403)
    form = OrganisationForm(request.POST or None, initial=OrganisationForm.initial_from(organisation))
    if request.method == "POST" and (response := _save(request, form, organisation)):
        return response
    status = 400 if request.method == "POST" else 200
    return render(
        request, "organisations/form.html", {"form": form, "organisation": organisation}, status=status
    )
