"""Writing a request: validate every field first, then save it whole."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.states import RequestState, Urgency, Visibility
from tsc_hub.assistance.workflow import REQUESTERS, STAFF
from tsc_hub.core.audit import diff_fields, record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.core.languages import UN_LANGUAGES, clean_multilingual
from tsc_hub.geography.models import Party, Region
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

EDITABLE_STATES = frozenset(
    {RequestState.DRAFT, RequestState.SUBMITTED, RequestState.ENDORSED, RequestState.IN_CLARIFICATION}
)
REQUIRED_TEXTS = ("title", "problem", "addressed_priorities")
OPTIONAL_TEXTS = ("objectives", "types_details", "existing_initiatives", "co_financing")
TERM_FIELDS = {
    "assistance_types": ("ASSISTANCE-TYPES", 1, 3),
    "gbf_targets": ("GBF-TARGETS", 1, 23),
    "cbd_subjects": ("CBD-SUBJECTS", 1, 53),
    "beneficiary_types": ("BENEFICIARY-TYPES", 0, 20),
}


@dataclass
class RequestData:
    """What a requester gives (identifiers, not objects); the shape of the CHM bbiRequest plus ours."""

    country: str
    organisation_id: int
    contact_name: str
    contact_email: str
    title: dict[str, str]
    problem: dict[str, str]
    addressed_priorities: dict[str, str]
    national_priority_reference: str
    assistance_types: list[str]
    gbf_targets: list[str]
    cbd_subjects: list[str]
    objectives: dict[str, str] = field(default_factory=dict)
    types_details: dict[str, str] = field(default_factory=dict)
    existing_initiatives: dict[str, str] = field(default_factory=dict)
    co_financing: dict[str, str] = field(default_factory=dict)
    beneficiary_types: list[str] = field(default_factory=list)
    coverage_parties: list[str] = field(default_factory=list)
    coverage_regions: list[str] = field(default_factory=list)
    jurisdiction: str | None = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    urgency: str = Urgency.NORMAL
    working_languages: list[str] = field(default_factory=list)
    involves_traditional_knowledge: bool = False
    visibility: str = Visibility.PUBLIC
    original_language: str = "en"


@dataclass
class _Checked:
    values: dict[str, Any]
    relations: dict[str, list[Any]]


class _Problems(dict[str, list[str]]):
    def add(self, name: str, message: str) -> None:
        self.setdefault(name, []).append(message)


def _check_texts(data: RequestData, problems: _Problems, values: dict[str, Any]) -> None:
    for name in (*REQUIRED_TEXTS, *OPTIONAL_TEXTS):
        try:
            values[name] = clean_multilingual(getattr(data, name), required=name in REQUIRED_TEXTS)
        except ValueError as error:
            problems.add(name, str(error))
    if data.original_language not in UN_LANGUAGES:
        problems.add("original_language", _("Choose one of the six UN languages."))
    elif "title" in values and data.original_language not in values["title"]:
        problems.add("title", _("Give the title in the original language of the request."))
    values["original_language"] = data.original_language


def _check_plain(data: RequestData, problems: _Problems, values: dict[str, Any]) -> None:
    for name, limit in (("contact_name", 200), ("national_priority_reference", 300)):
        text = getattr(data, name).strip()
        if not text:
            problems.add(name, _("This field is required."))
        elif len(text) > limit:
            problems.add(name, _("At most %(limit)s characters.") % {"limit": limit})
        values[name] = text
    email = data.contact_email.strip()
    if "@" not in email or "." not in email.split("@")[-1] or " " in email:
        problems.add("contact_email", _("Enter a valid e-mail address."))
    values["contact_email"] = email
    if data.urgency not in Urgency.values:
        problems.add("urgency", _("Choose a level of urgency from the list."))
    if data.visibility not in Visibility.values:
        problems.add("visibility", _("Choose public or confidential."))
    unknown = [code for code in data.working_languages if code not in UN_LANGUAGES]
    if unknown:
        problems.add("working_languages", _("Not UN languages: %(codes)s.") % {"codes": ", ".join(unknown)})
    if data.start_date and data.end_date and data.end_date < data.start_date:
        problems.add("end_date", _("The end date cannot be before the start date."))
    values.update(
        urgency=data.urgency,
        visibility=data.visibility,
        start_date=data.start_date,
        end_date=data.end_date,
        involves_traditional_knowledge=bool(data.involves_traditional_knowledge),
        working_languages=[code for code in UN_LANGUAGES if code in data.working_languages],
    )


def _check_terms(data: RequestData, problems: _Problems, relations: dict[str, list[Any]]) -> None:
    for name, (vocabulary, least, most) in TERM_FIELDS.items():
        wanted = list(dict.fromkeys(getattr(data, name)))
        found = list(Term.objects.in_vocabulary(vocabulary).filter(identifier__in=wanted))
        if len(found) != len(wanted):
            known = {term.identifier for term in found}
            problems.add(
                name, _("Unknown terms: %(ids)s.") % {"ids": ", ".join(i for i in wanted if i not in known)}
            )
        if not least <= len(wanted) <= most:
            problems.add(name, _("Choose between %(least)s and %(most)s.") % {"least": least, "most": most})
        relations[name] = found


def _check_places(
    data: RequestData, problems: _Problems, values: dict[str, Any], relations: dict[str, list[Any]]
) -> None:
    values["country"] = Party.objects.filter(code=data.country.strip().lower()).first()
    if values["country"] is None:
        problems.add("country", _("Choose a Party to the Convention."))
    values["organisation"] = Organisation.objects.filter(pk=data.organisation_id).first()
    if values["organisation"] is None:
        problems.add("organisation", _("Choose the requesting organisation."))
    relations["coverage_parties"] = list(
        Party.objects.filter(code__in=[c.lower() for c in data.coverage_parties])
    )
    relations["coverage_regions"] = list(Region.objects.filter(identifier__in=data.coverage_regions))
    if len(relations["coverage_parties"]) != len(set(data.coverage_parties)) or len(
        relations["coverage_regions"]
    ) != len(set(data.coverage_regions)):
        problems.add("coverage", _("Some Parties or regions of the coverage are not known."))
    values["jurisdiction"] = None
    if data.jurisdiction:
        values["jurisdiction"] = (
            Term.objects.in_vocabulary("JURISDICTIONS").filter(identifier=data.jurisdiction).first()
        )
        if values["jurisdiction"] is None:
            problems.add("jurisdiction", _("Choose a jurisdiction from the list."))


def check_request_data(data: RequestData) -> _Checked:
    """Every problem at once as InvalidInput, or the resolved values."""
    problems = _Problems()
    values: dict[str, Any] = {}
    relations: dict[str, list[Any]] = {}
    _check_texts(data, problems, values)
    _check_plain(data, problems, values)
    _check_terms(data, problems, relations)
    _check_places(data, problems, values, relations)
    if not relations["coverage_parties"] and not relations["coverage_regions"] and values.get("country"):
        relations["coverage_parties"] = [values["country"]]
    if problems:
        raise InvalidInput(
            _("The request could not be saved; check the fields marked."), fields=dict(problems)
        )
    return _Checked(values=values, relations=relations)


def _save_relations(request: AssistanceRequest, relations: dict[str, list[Any]]) -> None:
    for name, objects in relations.items():
        getattr(request, name).set(objects)


def snapshot(request: AssistanceRequest) -> dict[str, Any]:
    """The stored fields as plain values, for the audit log and the CHM export."""
    plain = {
        name: getattr(request, name)
        for name in (
            *REQUIRED_TEXTS,
            *OPTIONAL_TEXTS,
            "contact_name",
            "contact_email",
            "national_priority_reference",
            "urgency",
            "visibility",
            "working_languages",
            "involves_traditional_knowledge",
            "original_language",
        )
    }
    plain.update(
        country=request.country_id,
        organisation=request.organisation_id,
        start_date=request.start_date.isoformat() if request.start_date else None,
        end_date=request.end_date.isoformat() if request.end_date else None,
        jurisdiction=request.jurisdiction.identifier if request.jurisdiction else None,
        coverage_parties=sorted(p.code for p in request.coverage_parties.all()),
        coverage_regions=sorted(r.identifier for r in request.coverage_regions.all()),
        **{name: sorted(t.identifier for t in getattr(request, name).all()) for name in TERM_FIELDS},
    )
    return plain


@transaction.atomic
def create_request(*, data: RequestData, by: Any, chm_identifier: str | None = None) -> AssistanceRequest:
    """Draft a request. Focal points draft for their Party, institutions for themselves, the help desk
    with them; `by=None` is the system (imports, demo data)."""
    checked = check_request_data(data)
    request = AssistanceRequest(**checked.values, created_by=by, chm_identifier=chm_identifier)
    if by is not None and not roles_held_for(by, request) & (REQUESTERS | STAFF):
        raise PermissionDenied(_("You may only draft requests for your own Party or organisation."))
    request.save()
    _save_relations(request, checked.relations)
    request.transitions.create(action="create", from_state="", to_state=request.state, by=by)
    record_event(actor=by, action="create_request", target=request, changes=snapshot(request))
    return request


@transaction.atomic
def update_request(
    *, request: AssistanceRequest, data: RequestData, expected_version: int, by: Any
) -> AssistanceRequest:
    """Change a request before it is accepted. A stale `expected_version` is refused (409)."""
    locked = AssistanceRequest.objects.select_for_update().get(pk=request.pk)
    if by is not None and not roles_held_for(by, locked) & (REQUESTERS | STAFF):
        raise PermissionDenied(_("You may not change this request."))
    if locked.state not in EDITABLE_STATES:
        raise Conflict(_("An accepted request can no longer be edited."), code="not_editable")
    if locked.version != expected_version:
        raise Conflict(
            _(
                "Someone else changed this request while you were editing it. "
                "Reload it and apply your changes again."
            ),
            code="version_conflict",
        )
    checked = check_request_data(data)
    before = snapshot(locked)
    for name, value in checked.values.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.save()
    _save_relations(locked, checked.relations)
    record_event(
        actor=by, action="update_request", target=locked, changes=diff_fields(before, snapshot(locked))
    )
    return locked


def data_from_request(request: AssistanceRequest) -> RequestData:
    """The editable data of a stored request (for forms and the CHM export)."""
    stored = snapshot(request)
    stored["organisation_id"] = stored.pop("organisation")
    for name in ("start_date", "end_date"):
        stored[name] = getattr(request, name)
    return RequestData(
        **{key: value for key, value in stored.items() if key in RequestData.__dataclass_fields__}
    )


__all__ = [
    "RequestData",
    "check_request_data",
    "create_request",
    "data_from_request",
    "update_request",
]
