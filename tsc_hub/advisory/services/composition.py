"""The composition check of decision 15/8 annex III: experts from organisations never outnumber those
nominated by Parties; regional balance; gender balance. It warns and never refuses an appointment
(docs/adr/0021-advisory-committee.md): nominations arrive one at a time and the balance is the Bureau's
judgement, so the check tells the coordination what to ask for next."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.advisory.models import Member, Term
from tsc_hub.advisory.states import Gender
from tsc_hub.geography.models import CbdRegionalGroup

# A gender holding more than this share of the members who stated one is flagged.
GENDER_SHARE_LIMIT = 0.6
# The largest regional group may have at most twice the members of the smallest.
REGION_RATIO_LIMIT = 2


@dataclass
class Warning:
    """One imbalance, with a stable code and a sentence for people."""

    code: str
    message: str


@dataclass
class Composition:
    """Who sits on the committee on a day, counted the ways the terms of reference ask."""

    on: datetime.date
    total: int
    nominated_by_parties: int
    from_organisations: int
    regions: dict[str, int]
    genders: dict[str, int]
    co_chairs: int
    warnings: list[Warning] = field(default_factory=list)

    @property
    def organisations_outnumber_parties(self) -> bool:
        return self.from_organisations > self.nominated_by_parties

    @property
    def balanced(self) -> bool:
        return not self.warnings


def _warnings(result: Composition) -> list[Warning]:
    found: list[Warning] = []
    if result.organisations_outnumber_parties:
        found.append(
            Warning(
                "organisations_outnumber_parties",
                _(
                    "Experts from organisations (%(orgs)s) outnumber experts nominated by Parties "
                    "(%(parties)s)."
                )
                % {"orgs": result.from_organisations, "parties": result.nominated_by_parties},
            )
        )
    empty = [str(CbdRegionalGroup(code).label) for code, count in result.regions.items() if count == 0]
    counts = list(result.regions.values())
    if empty:
        found.append(
            Warning("region_missing", _("No member from: %(groups)s.") % {"groups": ", ".join(empty)})
        )
    elif counts and max(counts) > REGION_RATIO_LIMIT * min(counts):
        found.append(
            Warning(
                "regions_unbalanced",
                _("The largest regional group has more than twice the members of the smallest."),
            )
        )
    stated = {
        code: n for code, n in result.genders.items() if code in (Gender.FEMALE, Gender.MALE, Gender.OTHER)
    }
    total_stated = sum(stated.values())
    for code, count in stated.items():
        if total_stated and count / total_stated > GENDER_SHARE_LIMIT:
            found.append(
                Warning(
                    "gender_unbalanced",
                    _("%(share)s%% of the members are %(gender)s.")
                    % {"share": round(100 * count / total_stated), "gender": str(Gender(code).label).lower()},
                )
            )
    return found


def check_composition(*, on: datetime.date | None = None) -> Composition:
    """Count the members in office on `on` (today by default) and list the imbalances."""
    day = on or timezone.localdate()
    members = list(Member.objects.current(day))
    regions = dict.fromkeys(CbdRegionalGroup.values, 0)
    genders = dict.fromkeys(Gender.values, 0)
    for member in members:
        regions[member.region] = regions.get(member.region, 0) + 1
        genders[member.gender] = genders.get(member.gender, 0) + 1
    parties = sum(1 for member in members if member.party_id is not None)
    co_chairs = Term.objects.in_force(day).co_chairs().count()
    result = Composition(
        on=day,
        total=len(members),
        nominated_by_parties=parties,
        from_organisations=len(members) - parties,
        regions=regions,
        genders=genders,
        co_chairs=co_chairs,
    )
    result.warnings = _warnings(result)
    return result
