"""Writes about support centres, audited."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.centres.models import CentreKind, CentreStatus, Subregion, SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import clean_multilingual
from tsc_hub.geography.models import Party
from tsc_hub.organisations.models import Organisation

MAX_CONTACTS = 20


@dataclass(frozen=True)
class CentreDetails:
    """What a centre is besides its name, host and Parties: left as they are when not given."""

    kind: str = CentreKind.SUBREGIONAL
    status: str = CentreStatus.ACTIVE
    subregion: str | None = None  # a Subregion code
    co_hosts: list[int] = field(default_factory=list)  # Organisation ids
    partners: list[int] = field(default_factory=list)
    contacts: list[dict[str, str]] = field(default_factory=list)
    start_date: datetime.date | None = None


@transaction.atomic
def save_centre(
    *,
    code: str,
    names: dict[str, str],
    host: Organisation | None,
    party_codes: list[str],
    by: Any,
    details: CentreDetails | None = None,
) -> SupportCentre:
    """Create or update the centre with this code and the Parties it serves. `by=None` is the system."""
    if by is not None and not by.has_perm("centres.change_centre"):
        raise PermissionDenied(_("Only coordination staff and administrators can change support centres."))
    try:
        cleaned = clean_multilingual(names, required=True)
    except ValueError as error:
        raise InvalidInput(str(error), fields={"names": [str(error)]}) from error
    parties = list(Party.objects.filter(code__in=party_codes))
    if len(parties) != len(set(party_codes)):
        raise InvalidInput(
            _("Some Parties are not known."), fields={"parties_served": [_("Unknown Party code.")]}
        )
    resolved = _resolve(details, code) if details is not None else None
    centre, created = SupportCentre.objects.get_or_create(
        code=code, defaults={"names": cleaned, "host": host}
    )
    before = _state(centre)
    centre.names, centre.host = cleaned, host
    if details is not None and resolved is not None:
        _apply(centre, details, resolved)
    centre.save()
    centre.parties_served.set(parties)
    if resolved is not None:
        centre.co_hosts.set(resolved["co_hosts"])
        centre.partners.set(resolved["partners"])
    after = _state(centre)
    if created or before != after:
        record_event(
            actor=by, action="create_centre" if created else "update_centre", target=centre, changes=after
        )
    return centre


def _resolve(details: CentreDetails, code: str) -> dict[str, Any]:
    """The rows behind the details' codes and ids, or InvalidInput naming every bad field."""
    errors: dict[str, list[str]] = {}
    if details.kind not in CentreKind.values:
        errors["kind"] = [_("Unknown kind of centre.")]
    if details.status not in CentreStatus.values:
        errors["status"] = [_("Unknown status.")]
    subregion = Subregion.objects.filter(code=details.subregion).first() if details.subregion else None
    if details.subregion and subregion is None:
        errors["subregion"] = [_("Unknown subregion.")]
    if details.kind == CentreKind.GLOBAL and details.subregion:
        errors["subregion"] = [_("The global coordination entity belongs to no subregion.")]
    if details.kind == CentreKind.GLOBAL and details.status == CentreStatus.ACTIVE:
        other = SupportCentre.objects.filter(kind=CentreKind.GLOBAL, status=CentreStatus.ACTIVE).exclude(
            code=code
        )
        if other.exists():
            errors["kind"] = [_("There is already an active global coordination entity.")]
    co_hosts = _organisations(details.co_hosts, "co_hosts", errors)
    partners = _organisations(details.partners, "partners", errors)
    contacts = _contacts(details.contacts, errors)
    if errors:
        raise InvalidInput(_("The centre could not be saved."), fields=errors)
    return {"subregion": subregion, "co_hosts": co_hosts, "partners": partners, "contacts": contacts}


def _organisations(ids: list[int], name: str, errors: dict[str, list[str]]) -> list[Organisation]:
    found = list(Organisation.objects.filter(pk__in=ids))
    if len(found) != len(set(ids)):
        errors[name] = [_("Unknown organisation.")]
    return found


def _contacts(contacts: list[dict[str, str]], errors: dict[str, list[str]]) -> list[dict[str, str]]:
    """Contacts as {name, role, email}: a name is required, an e-mail address must be one."""
    cleaned: list[dict[str, str]] = []
    problems: list[str] = []
    if len(contacts) > MAX_CONTACTS:
        problems.append(_("At most %(count)d contacts.") % {"count": MAX_CONTACTS})
    for index, contact in enumerate(contacts[:MAX_CONTACTS], start=1):
        entry = {key: str(contact.get(key) or "").strip()[:200] for key in ("name", "role", "email")}
        if not entry["name"]:
            problems.append(_("Contact %(number)d has no name.") % {"number": index})
        if entry["email"]:
            try:
                validate_email(entry["email"])
            except ValidationError:
                problems.append(_("Contact %(number)d: not an e-mail address.") % {"number": index})
        cleaned.append(entry)
    if problems:
        errors["contacts"] = problems
    return cleaned


def _apply(centre: SupportCentre, details: CentreDetails, resolved: dict[str, Any]) -> None:
    centre.kind, centre.status = details.kind, details.status
    centre.subregion = resolved["subregion"]
    centre.contacts = resolved["contacts"]
    centre.start_date = details.start_date


def _state(centre: SupportCentre) -> dict[str, Any]:
    """What the audit trail records of a centre."""
    if centre.pk is None:
        return {}
    return {
        "names": centre.names,
        "host": centre.host_id,
        "kind": centre.kind,
        "status": centre.status,
        "subregion": centre.subregion_id,
        "start_date": centre.start_date.isoformat() if centre.start_date else None,
        "contacts": centre.contacts,
        "co_hosts": sorted(centre.co_hosts.values_list("pk", flat=True)),
        "partners": sorted(centre.partners.values_list("pk", flat=True)),
        "parties": sorted(centre.parties_served.values_list("code", flat=True)),
    }
