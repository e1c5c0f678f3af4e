"""Appointing members, their terms (two years, renewable once), co-chairs and subcommittee seats."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from tsc_hub.accounts.models import User
from tsc_hub.accounts.roles import Role
from tsc_hub.accounts.services import grant_role, revoke_role
from tsc_hub.advisory.models import Member, Subcommittee, SubcommitteeMembership, Term
from tsc_hub.advisory.services.common import Problems, require_coordination
from tsc_hub.advisory.states import MAX_CO_CHAIRS, MAX_TERMS, TERM_YEARS, Gender
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput
from tsc_hub.geography.models import CbdRegionalGroup, Party
from tsc_hub.organisations.models import Organisation


def years_after(start: datetime.date, years: int = TERM_YEARS) -> datetime.date:
    """The same day `years` later (29 February becomes 28 February)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def default_end(start: datetime.date) -> datetime.date:
    """The last day of a full term: the day before the second anniversary of its start."""
    return years_after(start) - datetime.timedelta(days=1)


def _check_length(start: datetime.date, end: datetime.date) -> None:
    if end <= start:
        message = _("A term ends after it starts.")
        raise InvalidInput(message, code="term_dates", fields={"end": [message]})
    if end > years_after(start):
        message = _("A term lasts two years at most: it must end by %(date)s.") % {
            "date": years_after(start).isoformat()
        }
        raise InvalidInput(message, code="term_too_long", fields={"end": [message]})


def check_co_chair_room(start: datetime.date, end: datetime.date, exclude: int | None = None) -> None:
    """Conflict when on some day of [start, end] two other co-chairs would already be in office."""
    others = list(
        Term.objects.co_chairs()
        .annotate(last=Coalesce(F("ended_on"), F("end")))
        .filter(start__lte=end, last__gte=start)
        .exclude(pk=exclude)
        .values_list("start", "last")
    )
    # The most co-chairs at once within the period is reached on one of the days a co-chair starts.
    days = {start} | {first for first, _last in others if first > start}
    busiest = max((sum(1 for first, last in others if first <= day <= last) for day in days), default=0)
    if busiest >= MAX_CO_CHAIRS:
        raise Conflict(
            _("The committee has at most two co-chairs at a time; two are already in office then."),
            code="too_many_co_chairs",
        )


@transaction.atomic
def add_term(
    *, member: Member, start: datetime.date, by: Any, end: datetime.date | None = None, co_chair: bool = False
) -> Term:
    """Give a member a term (a first one, or the one renewal); grants the advisory_member role for it."""
    require_coordination(by, _("Only the coordination entity records members' terms."))
    Member.objects.select_for_update().filter(pk=member.pk).first()
    end = end or default_end(start)
    _check_length(start, end)
    served = list(member.terms.order_by("number"))
    if len(served) >= MAX_TERMS:
        raise InvalidInput(
            _(
                "A member serves at most two terms (a two-year term renewable once); "
                "%(name)s has already served two."
            )
            % {"name": str(member)},
            code="third_term",
        )
    if served and start <= served[-1].last_day:
        raise Conflict(_("A renewed term starts after the previous term ends."), code="overlapping_term")
    if co_chair:
        check_co_chair_room(start, end)
    # Membership is global (personal capacity): the role is granted by the system for the term's days.
    assignment = grant_role(
        user=member.user, role=Role.ADVISORY_MEMBER, by=None, valid_from=start, valid_until=end
    )
    term = Term.objects.create(
        member=member,
        number=len(served) + 1,
        start=start,
        end=end,
        co_chair=co_chair,
        role_assignment=assignment,
    )
    record_event(
        actor=by,
        action="advisory.add_term",
        target=term,
        changes={"number": term.number, "start": start, "end": end, "co_chair": co_chair},
    )
    return term


@transaction.atomic
def set_co_chair(*, term: Term, co_chair: bool, by: Any) -> Term:
    """Flag (or unflag) a term as a co-chair's; at most two co-chairs at a time."""
    require_coordination(by, _("Only the coordination entity records the co-chairs."))
    if co_chair and not term.co_chair:
        check_co_chair_room(term.start, term.last_day, exclude=term.pk)  # type: ignore[arg-type]
    term.co_chair = co_chair
    term.save(update_fields=["co_chair"])
    record_event(actor=by, action="advisory.set_co_chair", target=term, changes={"co_chair": co_chair})
    return term


@transaction.atomic
def end_term(*, term: Term, on: datetime.date, by: Any, reason: str = "") -> Term:
    """End a term early (resignation, replacement); the member loses access the day after `on`.
    The reason is kept in the audit log."""
    require_coordination(by, _("Only the coordination entity ends members' terms."))
    if not term.start <= on <= term.end:
        message = _("A term ends early on a day within the term.")
        raise InvalidInput(message, code="term_dates", fields={"on": [message]})
    term.ended_on = on
    term.save(update_fields=["ended_on"])
    assignment = term.role_assignment
    # accounts lets only platform administrators revoke roles; for others the role keeps its planned end
    # date, which grants nothing here: committee access is read from the terms (permissions.py).
    revocable = assignment is not None and assignment.revoked_at is None
    if assignment is not None and revocable and by is not None and by.has_perm("accounts.revoke_role"):
        revoke_role(assignment=assignment, by=by)
    record_event(
        actor=by, action="advisory.end_term", target=term, changes={"ended_on": on, "reason": reason.strip()}
    )
    return term


@dataclass
class MemberData:
    """A member to appoint, with the first term."""

    user: User
    start: datetime.date
    party: str = ""
    organisation_id: int | None = None
    region: str = ""
    gender: str = Gender.NOT_STATED
    affiliation: str = ""
    end: datetime.date | None = None
    co_chair: bool = False


def _nominator(problems: Problems, data: MemberData) -> tuple[Party | None, Organisation | None, str]:
    party = organisation = None
    region = data.region
    if bool(data.party) == (data.organisation_id is not None):
        problems.add("party", _("A member is nominated either by a Party or by an organisation."))
    elif data.party:
        party = Party.objects.filter(code=data.party.lower()).first()
        if party is None or not party.cbd_group:
            problems.add("party", _("Choose a Party from the list."))
        else:
            region = party.cbd_group  # a Party's nominee belongs to the Party's regional group
    else:
        organisation = Organisation.objects.filter(pk=data.organisation_id or 0).first()
        if organisation is None:
            problems.add("organisation_id", _("Choose an organisation from the list."))
        if region not in CbdRegionalGroup.values:
            problems.add("region", _("Choose the CBD regional group the expert brings."))
    return party, organisation, region


@transaction.atomic
def appoint_member(*, data: MemberData, by: Any) -> Member:
    """Appoint a nominated expert to the committee, with a first term."""
    require_coordination(by, _("Only the coordination entity appoints members."))
    problems = Problems()
    party, organisation, region = _nominator(problems, data)
    if data.gender not in Gender.values:
        problems.add("gender", _("Choose a value from the list."))
    if Member.objects.filter(user=data.user).exists():
        problems.add("user", _("This person is already a member; renew their term instead."))
    problems.raise_if_any(_("The member could not be appointed; check the fields marked."))
    member = Member.objects.create(
        user=data.user,
        party=party,
        organisation=organisation,
        region=region,
        gender=data.gender,
        affiliation=data.affiliation.strip()[:300],
    )
    record_event(
        actor=by,
        action="advisory.appoint_member",
        target=member,
        changes={"user": data.user.email, "nominator": str(party or organisation), "region": region},
    )
    add_term(member=member, start=data.start, end=data.end, co_chair=data.co_chair, by=by)
    return member


@transaction.atomic
def assign_subcommittee(*, member: Member, subcommittee: Subcommittee, by: Any) -> SubcommitteeMembership:
    """Seat a member on a subcommittee (idempotent)."""
    require_coordination(by, _("Only the coordination entity seats members on subcommittees."))
    seat, created = SubcommitteeMembership.objects.get_or_create(member=member, subcommittee=subcommittee)
    if created:
        record_event(
            actor=by, action="advisory.assign_subcommittee", target=seat, changes={"code": subcommittee.code}
        )
    return seat


@transaction.atomic
def leave_subcommittee(*, member: Member, subcommittee: Subcommittee, by: Any) -> None:
    """Take a member off a subcommittee."""
    require_coordination(by, _("Only the coordination entity seats members on subcommittees."))
    seat = SubcommitteeMembership.objects.filter(member=member, subcommittee=subcommittee).first()
    if seat is not None:
        record_event(actor=by, action="advisory.leave_subcommittee", target=seat, changes={})
        seat.delete()
