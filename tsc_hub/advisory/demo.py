"""Demo advisory committee: 12 members (7 nominated by Parties, 5 by organisations) across the five CBD
regional groups, six women and six men, two co-chairs, one member on a second term; the three
subcommittees staffed; a past meeting with agenda and minutes; a forum thread with replies.

Members sign in as advisory1..12@demo.example.org with the published demo password. Seeding again
creates nothing. Only in demo mode."""

from __future__ import annotations

import datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from tsc_hub.accounts.models import User
from tsc_hub.advisory import services
from tsc_hub.advisory.models import Forum, Meeting, Member, Subcommittee
from tsc_hub.advisory.services import MeetingData, MemberData
from tsc_hub.core.demo import DEMO_PASSWORD, require_demo_mode
from tsc_hub.organisations.models import Organisation
from tsc_hub.organisations.services import OrganisationData, create_organisation

ACADEMIC = "86D464C3-B5BB-4B02-85E4-1AAD8D64CD27"
MEETING_TITLE = {"en": "Third meeting of the informal advisory committee (demo)"}
SUBCOMMITTEES = ("capacity-building", "tsc-technology-transfer", "knowledge-management")
# name, gender, Party nominating (or "" and the region an organisation's expert brings), co-chair
MEMBERS = (
    ("Amina Wanjiru", "female", "ke", "", True),
    ("Chidi Okafor", "male", "ng", "", False),
    ("Li Wei", "male", "cn", "", False),
    ("Agnieszka Nowak", "female", "pl", "", False),
    ("Camila Restrepo", "female", "co", "", False),
    ("João Silva", "male", "br", "", False),
    ("Katharina Weber", "female", "de", "", True),
    ("Priya Raman", "female", "", "asia_pacific", False),
    ("Ivan Petrov", "male", "", "cee", False),
    ("Lucía Mamani", "female", "", "grulac", False),
    ("Tom Hansen", "male", "", "weog", False),
    ("Moussa Diallo", "male", "", "africa", False),
)


def _user(n: int, name: str) -> User:
    email = f"advisory{n}@demo.example.org"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
        user.display_name = name
        user.save(update_fields=["display_name"])
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _organisation(region: str, countries: dict[str, str]) -> Organisation:
    name = f"Biodiversity experts network ({region}, demo)"
    found = Organisation.objects.filter(names__en=name).first()
    if found is not None:
        return found
    data = OrganisationData(
        names={"en": name}, organisation_type=ACADEMIC, country=countries[region], original_language="en"
    )
    return create_organisation(data=data, by=None)


def _members(start: datetime.date) -> list[Member]:
    countries = {"asia_pacific": "in", "cee": "ua", "grulac": "pe", "weog": "no", "africa": "sn"}
    made = []
    for n, (name, gender, party, region, co_chair) in enumerate(MEMBERS, start=1):
        organisation = _organisation(region, countries) if region else None
        # The second member renews: a first term that ended the day before the current one started.
        first_start = services.years_after(start, -2) if n == 2 else start
        data = MemberData(
            user=_user(n, name),
            start=first_start,
            party=party,
            organisation_id=organisation.pk if organisation else None,
            region=region,
            gender=gender,
            co_chair=co_chair,
            affiliation=name.split()[-1] + " Institute (demo)",
        )
        member = services.appoint_member(data=data, by=None)
        if n == 2:
            services.add_term(member=member, start=start, by=None)
        subcommittee = Subcommittee.objects.get(code=SUBCOMMITTEES[(n - 1) % 3])
        services.assign_subcommittee(member=member, subcommittee=subcommittee, by=None)
        made.append(member)
    return made


def _meeting(start: datetime.date) -> Meeting:
    data = MeetingData(
        MEETING_TITLE,
        start + datetime.timedelta(days=45),
        "Montreal",
        agenda=[
            {"en": "Opening of the meeting", "fr": "Ouverture de la réunion"},
            {"en": "Selection of hosts of the support centres"},
            {"en": "Indicators for the long-term strategic framework"},
            {"en": "Knowledge management strategy"},
        ],
    )
    meeting = services.record_meeting(data=data, by=None)
    minutes = {
        "en": "The committee reviewed the evaluation report, advised at least 15 subregional centres and "
        "commented on the draft knowledge management strategy."
    }
    return services.publish_minutes(meeting=meeting, minutes=minutes, by=None)


def _forum(members: list[Member]) -> int:
    forum = Forum.objects.get(subcommittee__isnull=True)
    thread = services.start_thread(
        forum=forum,
        title="Binary indicators for Target 20",
        body="The capacity-building subcommittee shares its draft binary indicators. Comments welcome.",
        by=members[0].user,
    )
    replies = (
        (members[3].user, "The glossary should define 'national capacity development plan'."),
        (members[7].user, "Indicator (j) needs a clearer definition of a successful match."),
        (members[6].user, "Thank you both; we will revise before the next meeting."),
    )
    for author, body in replies:
        services.reply_to_thread(thread=thread, body=body, by=author)
    return len(replies)


@transaction.atomic
def seed_advisory() -> dict[str, int]:
    """Create the demo committee once; the counts of what was created (zeros when it already exists)."""
    require_demo_mode()
    counts: dict[str, Any] = dict.fromkeys(
        ("advisory_members", "advisory_meetings", "advisory_threads", "advisory_replies"), 0
    )
    if User.objects.filter(email="advisory1@demo.example.org", advisory_member__isnull=False).exists():
        return counts
    start = timezone.localdate() - datetime.timedelta(days=200)
    members = _members(start)
    _meeting(start)
    counts["advisory_replies"] = _forum(members)
    counts.update(advisory_members=len(members), advisory_meetings=1, advisory_threads=1)
    return counts
