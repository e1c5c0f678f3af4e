"""Who is who in the committee. Membership is read from the terms (not from the advisory_member role):
a person is a current member on a day when one of their terms is in force that day.

Reading: current members and coordination staff read every forum, meeting and the member list.
Posting: anyone who reads posts in the whole committee's forum; in a subcommittee's forum only that
subcommittee's members, the current co-chairs and coordination staff. Moderating: coordination staff
and the current co-chairs (docs/adr/0021-advisory-committee.md).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.accounts.roles import Role

COORDINATION = Role.COORDINATION_STAFF.value


def in_force(day: datetime.date, prefix: str = "") -> Q:
    """Terms in force on `day` (a prefix such as "terms__" reaches them from a member)."""
    return Q(**{f"{prefix}start__lte": day}) & (
        Q(**{f"{prefix}ended_on__isnull": True, f"{prefix}end__gte": day})
        | Q(**{f"{prefix}ended_on__gte": day})
    )


def _signed_in(user: Any) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)


def is_coordination(user: Any) -> bool:
    """Coordination entity staff run the committee's secretariat."""
    if not _signed_in(user):
        return False
    return RoleAssignment.objects.active().filter(user_id=user.pk, role=COORDINATION).exists()


def current_term(user: Any, on: datetime.date | None = None) -> Any:
    """The person's term in force today (or on `on`), else None."""
    if not _signed_in(user):
        return None
    from tsc_hub.advisory.models import Term

    day = on or timezone.localdate()
    return Term.objects.filter(in_force(day), member__user_id=user.pk).select_related("member").first()


def is_member(user: Any) -> bool:
    return current_term(user) is not None


def in_committee(user: Any) -> bool:
    """Whether the person may read the committee's space: current members and coordination staff."""
    return is_member(user) or is_coordination(user)


def is_co_chair(user: Any) -> bool:
    term = current_term(user)
    return term is not None and term.co_chair


def may_moderate(user: Any) -> bool:
    """Coordination staff and the current co-chairs hide and lock posts."""
    return is_coordination(user) or is_co_chair(user)


def may_post(user: Any, forum: Any) -> bool:
    """Whole-committee forum: every reader. Subcommittee forum: its members, co-chairs, coordination."""
    if is_coordination(user):
        return True
    term = current_term(user)
    if term is None:
        return False
    if forum.subcommittee_id is None or term.co_chair:
        return True
    return term.member.seats.filter(subcommittee_id=forum.subcommittee_id).exists()
