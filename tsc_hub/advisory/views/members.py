"""Pages where the coordination appoints members and manages their terms, co-chairs and seats. Every
write is a service call (which checks permission and the rules again) inside one transaction."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.advisory import services
from tsc_hub.advisory.access import require_committee
from tsc_hub.advisory.forms import AppointForm, EndTermForm, SeatForm, TermForm
from tsc_hub.advisory.models import Member, Subcommittee, Term
from tsc_hub.advisory.permissions import in_force, is_coordination
from tsc_hub.advisory.services import MemberData
from tsc_hub.advisory.views.common import domain_pages, require_coordination, run, run_form
from tsc_hub.core.exceptions import NotFound


def members_page(request: HttpRequest, form: AppointForm | None = None, status: int = 200) -> HttpResponse:
    """The current members; for the coordination also former members and the appointment form."""
    coordination = is_coordination(request.user)
    listed = Member.objects.visible_to(request.user).current().with_related()
    context: dict[str, Any] = {"members": listed, "coordination": coordination}
    if coordination:
        context["form"] = form or AppointForm()
        context["former"] = (
            Member.objects.exclude(pk__in=listed.values("pk")).select_related("user").order_by("user__email")
        )
    return render(request, "advisory/members.html", context, status=status)


@login_required
@require_POST
@domain_pages
def appoint(request: HttpRequest) -> HttpResponse:
    """Appoint a member with a first term, and seat them on subcommittees, all or nothing."""
    require_coordination(request.user)
    form = AppointForm(request.POST)
    if not form.is_valid():
        return members_page(request, form, status=400)
    values, by = form.cleaned_data, signed_in_user(request)
    organisation = values["organisation"]
    data = MemberData(
        user=values["user"],
        start=values["start"],
        end=values["end"],
        party=values["party"],
        organisation_id=organisation.pk if organisation is not None else None,
        region=values["region"],
        gender=values["gender"],
        affiliation=values["affiliation"],
        co_chair=values["co_chair"],
    )

    def write() -> Member:
        member = services.appoint_member(data=data, by=by)
        for code in values["subcommittees"]:
            subcommittee = Subcommittee.objects.get(code=code)
            services.assign_subcommittee(member=member, subcommittee=subcommittee, by=by)
        return member

    member = run_form(form, write, aliases={"organisation_id": "organisation", "user": "email"})
    if member is None:
        return members_page(request, form, status=400)
    messages.success(request, _("%(name)s is appointed to the committee.") % {"name": member})
    return redirect("advisory:member", member.pk)


def _member(user: Any, member_id: int) -> Member:
    """A member as the person may see them: coordination any, members the current ones only."""
    require_committee(user)
    found = Member.objects.visible_to(user)
    if not is_coordination(user):
        found = found.current()
    member = found.with_related().filter(pk=member_id).first()
    if member is None:
        raise NotFound(_("No such member."))
    return member


def _current(member: Member) -> Term | None:
    return member.terms.filter(in_force(timezone.localdate())).first()


def member_page(
    request: HttpRequest, member: Member, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    coordination = is_coordination(request.user)
    term = _current(member)
    context: dict[str, Any] = {
        "member": member,
        "term": term,
        "coordination": coordination,
        "terms": member.terms.all(),
        "seats": member.subcommittees.all(),
    }
    if coordination:
        served = list(member.terms.all())
        start = served[-1].last_day + datetime.timedelta(days=1) if served else timezone.localdate()
        context.update(
            {
                "renew_form": TermForm(initial={"start": start}),
                "end_form": EndTermForm(initial={"on": timezone.localdate()}),
                "seat_form": SeatForm(),
                "free_subcommittees": Subcommittee.objects.exclude(pk__in=member.subcommittees.all()),
            }
        )
        context.update(forms or {})
    return render(request, "advisory/member.html", context, status=status)


@login_required
@domain_pages
def member_detail(request: HttpRequest, member_id: int) -> HttpResponse:
    """A member's terms and seats; the coordination renews, flags co-chairs, ends terms, seats."""
    return member_page(request, _member(request.user, member_id))


@login_required
@require_POST
@domain_pages
def member_renew(request: HttpRequest, member_id: int) -> HttpResponse:
    require_coordination(request.user)
    member = _member(request.user, member_id)
    form = TermForm(request.POST)
    if form.is_valid():
        values, by = form.cleaned_data, signed_in_user(request)
        term = run_form(
            form,
            lambda: services.add_term(
                member=member, start=values["start"], end=values["end"], co_chair=values["co_chair"], by=by
            ),
            aliases={"on": "start"},
        )
        if term is not None:
            messages.success(request, _("Term %(number)s is recorded.") % {"number": term.number})
            return redirect("advisory:member", member.pk)
    return member_page(request, member, {"renew_form": form}, status=400)


@login_required
@require_POST
@domain_pages
def member_co_chair(request: HttpRequest, member_id: int) -> HttpResponse:
    """Flag (co_chair=1) or unflag the current term as a co-chair's."""
    require_coordination(request.user)
    member = _member(request.user, member_id)
    term = _current(member)
    if term is None:
        messages.error(request, _("This person has no term in force."))
        return redirect("advisory:member", member.pk)
    flag, by = request.POST.get("co_chair") == "1", signed_in_user(request)
    done = run(request, lambda: services.set_co_chair(term=term, co_chair=flag, by=by))
    if done is not None:
        messages.success(request, _("Co-chair for this term.") if flag else _("No longer co-chair."))
    return redirect("advisory:member", member.pk)


@login_required
@require_POST
@domain_pages
def member_end_term(request: HttpRequest, member_id: int) -> HttpResponse:
    require_coordination(request.user)
    member = _member(request.user, member_id)
    term = _current(member)
    form = EndTermForm(request.POST)
    if term is None:
        form.add_error(None, _("This person has no term in force."))
    elif form.is_valid():
        values, by = form.cleaned_data, signed_in_user(request)
        done = run_form(
            form,
            lambda: services.end_term(term=term, on=values["on"], reason=values["reason"], by=by),
        )
        if done is not None:
            messages.success(request, _("The term ends on %(date)s.") % {"date": values["on"]})
            return redirect("advisory:member", member.pk)
    return member_page(request, member, {"end_form": form}, status=400)


@login_required
@require_POST
@domain_pages
def member_seat(request: HttpRequest, member_id: int) -> HttpResponse:
    """Seat the member on a subcommittee (action=add) or take them off it (action=remove)."""
    require_coordination(request.user)
    member = _member(request.user, member_id)
    form = SeatForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a subcommittee from the list."))
        return redirect("advisory:member", member.pk)
    subcommittee, by = (
        Subcommittee.objects.get(code=form.cleaned_data["subcommittee"]),
        signed_in_user(request),
    )
    if form.cleaned_data["action"] == "add":
        services.assign_subcommittee(member=member, subcommittee=subcommittee, by=by)
        messages.success(request, _("Seated on %(name)s.") % {"name": subcommittee})
    else:
        services.leave_subcommittee(member=member, subcommittee=subcommittee, by=by)
        messages.success(request, _("No longer on %(name)s.") % {"name": subcommittee})
    return redirect("advisory:member", member.pk)
