"""What a person gives to describe a capacity need or activity, and the checks that turn it into values.

Every check adds its problems to one list (`Checked`, shared with the offers app), so a person learns about
all of them at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from tsc_hub.capacity.models import ActivityStatus, CapacityType, NeedStatus, Priority
from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.geography.models import Party
from tsc_hub.offers.validation import CBD_SUBJECTS, GBF_TARGETS, Checked

__all__ = ["ActivityData", "Checked", "NeedData", "check_activity", "check_need"]

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_LINK = 500
# Statuses a create or an edit may set; the last status of each kind is reached only by closing.
NEED_EDIT_STATUSES = (NeedStatus.OPEN, NeedStatus.BEING_ADDRESSED)
ACTIVITY_EDIT_STATUSES = (ActivityStatus.PLANNED, ActivityStatus.ONGOING)


@dataclass
class NeedData:
    """A capacity need as given (identifiers, not objects)."""

    party: str
    title: dict[str, str]
    description: dict[str, str]
    gbf_targets: list[str]
    capacity_type: str
    priority: str = Priority.MEDIUM
    cbd_subjects: list[str] = field(default_factory=list)
    start_year: int | None = None
    end_year: int | None = None
    status: str = NeedStatus.OPEN
    original_language: str = "en"


@dataclass
class ActivityData:
    """A capacity-building activity as given (identifiers, not objects)."""

    organisation: int
    title: dict[str, str]
    description: dict[str, str]
    gbf_targets: list[str]
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    cbd_subjects: list[str] = field(default_factory=list)
    status: str = ActivityStatus.PLANNED
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    beneficiaries: dict[str, str] = field(default_factory=dict)
    link: str = ""
    original_language: str = "en"


def _original_language(checked: Checked, original: str) -> None:
    if original not in UN_LANGUAGES:
        checked.problem("original_language", _("Choose one of the six UN languages."))
    elif "title" in checked.values and original not in checked.values["title"]:
        checked.problem("title", _("Give the title in the original language of the record."))
    checked.values["original_language"] = original


def _texts(checked: Checked, title: dict[str, str], description: dict[str, str], original: str) -> None:
    checked.texts("title", title, required=True)
    checked.texts("description", description, required=True)
    _original_language(checked, original)


def _years(checked: Checked, start: int | None, end: int | None) -> None:
    for name, year in (("start_year", start), ("end_year", end)):
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            checked.problem(
                name, _("Give a year from %(first)s to %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        checked.values[name] = year
    if start is not None and end is not None and end < start:
        checked.problem("end_year", _("The last year cannot be before the first year."))


def _choice(checked: Checked, name: str, value: str, allowed: list[str] | tuple[str, ...]) -> None:
    if value not in allowed:
        checked.problem(name, _("Choose one of: %(values)s.") % {"values": ", ".join(allowed)})
    checked.values[name] = value


def check_need(data: NeedData) -> Checked:
    """Validate every field of a need; InvalidInput lists all problems."""
    checked = Checked()
    party = Party.objects.filter(code=data.party.strip().lower()).first()
    if party is None:
        checked.problem("party", _("Choose a Party to the Convention."))
    checked.values["party"] = party
    _texts(checked, data.title, data.description, data.original_language)
    checked.terms("gbf_targets", GBF_TARGETS, data.gbf_targets, least=1)
    checked.terms("cbd_subjects", CBD_SUBJECTS, data.cbd_subjects)
    _choice(checked, "priority", data.priority, Priority.values)
    _choice(checked, "capacity_type", data.capacity_type, CapacityType.values)
    _years(checked, data.start_year, data.end_year)
    if data.status == NeedStatus.MET:
        checked.problem("status", _("A need is marked as met by closing it."))
    else:
        _choice(checked, "status", data.status, [str(status) for status in NEED_EDIT_STATUSES])
    checked.raise_if_any(_("The capacity need could not be saved; check the fields marked."))
    return checked


def _dates(checked: Checked, start: datetime.date | None, end: datetime.date | None) -> None:
    checked.values["start_date"] = start
    checked.values["end_date"] = end
    if start and end and end < start:
        checked.problem("end_date", _("The end date cannot be before the start date."))


def _link(checked: Checked, link: str) -> None:
    cleaned = link.strip()
    if cleaned:
        try:
            URLValidator(schemes=["http", "https"])(cleaned)
        except ValidationError:
            checked.problem("link", _("Give a web address starting with http:// or https://."))
        if len(cleaned) > MAX_LINK:
            checked.problem("link", _("The web address is too long."))
    checked.values["link"] = cleaned


def check_activity(data: ActivityData) -> Checked:
    """Validate every field of an activity; InvalidInput lists all problems."""
    checked = Checked()
    checked.organisation("organisation", data.organisation)
    _texts(checked, data.title, data.description, data.original_language)
    checked.texts("beneficiaries", data.beneficiaries)
    checked.coverage("countries", "regions", data.countries, data.regions)
    checked.terms("gbf_targets", GBF_TARGETS, data.gbf_targets, least=1)
    checked.terms("cbd_subjects", CBD_SUBJECTS, data.cbd_subjects)
    if data.status == ActivityStatus.COMPLETED:
        checked.problem("status", _("An activity is marked as completed by closing it."))
    else:
        _choice(checked, "status", data.status, [str(status) for status in ACTIVITY_EDIT_STATUSES])
    _dates(checked, data.start_date, data.end_date)
    _link(checked, data.link)
    checked.raise_if_any(_("The capacity-building activity could not be saved; check the fields marked."))
    return checked
