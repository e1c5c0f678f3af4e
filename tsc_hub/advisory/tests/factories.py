"""Building committee records for tests through the real services."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from tsc_hub.accounts.tests.factories import UserFactory
from tsc_hub.advisory import services
from tsc_hub.advisory.models import Forum, Subcommittee
from tsc_hub.advisory.services import MemberData


def today() -> datetime.date:
    return timezone.localdate()


def make_member(
    *,
    party: str = "",
    organisation: Any = None,
    region: str = "",
    gender: str = "female",
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    co_chair: bool = False,
    subcommittees: tuple[str, ...] = (),
    user: Any = None,
) -> Any:
    """A member appointed by the system; nominated by `party` (default Kenya) unless `organisation`."""
    if not party and organisation is None:
        party = "ke"
    data = MemberData(
        user=user or UserFactory(),
        start=start or today() - datetime.timedelta(days=30),
        end=end,
        party=party,
        organisation_id=organisation.pk if organisation is not None else None,
        region=region,
        gender=gender,
        co_chair=co_chair,
    )
    member = services.appoint_member(data=data, by=None)
    for code in subcommittees:
        services.assign_subcommittee(member=member, subcommittee=Subcommittee.objects.get(code=code), by=None)
    return member


def committee_forum() -> Forum:
    return Forum.objects.get(subcommittee__isnull=True)


def forum_of(code: str) -> Forum:
    return Forum.objects.get(subcommittee__code=code)
