"""Writes about organisations: validate everything first, then write in one transaction, audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.core.audit import diff_fields, record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import UN_LANGUAGES, clean_multilingual
from tsc_hub.geography.models import Party, Region
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

ORGANISATION_TYPES = "ORGANIZATION-TYPES"
GBF_TARGETS = "GBF-TARGETS"


@dataclass
class OrganisationData:
    """What a person gives to describe an organisation (identifiers, not objects)."""

    names: dict[str, str]
    organisation_type: str
    country: str
    acronym: str = ""
    city: str = ""
    websites: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    descriptions: dict[str, str] = field(default_factory=dict)
    operational_languages: list[str] = field(default_factory=list)
    operational_regions: list[str] = field(default_factory=list)
    gbf_targets: list[str] = field(default_factory=list)
    original_language: str = "en"


@dataclass
class _Resolved:
    values: dict[str, Any]
    regions: list[Region]
    targets: list[Term]


def _problems_in_texts(
    data: OrganisationData, problems: dict[str, list[str]], values: dict[str, Any]
) -> None:
    for name in ("names", "descriptions"):
        try:
            values[name] = clean_multilingual(getattr(data, name), required=name == "names")
        except ValueError as error:
            problems.setdefault(name, []).append(str(error))
    if data.original_language not in UN_LANGUAGES:
        problems.setdefault("original_language", []).append(_("Choose one of the six UN languages."))
    elif "names" in values and data.original_language not in values["names"]:
        problems.setdefault("names", []).append(_("Give the name in the original language of the record."))
    values["original_language"] = data.original_language
    values["acronym"] = data.acronym.strip()[:40]
    values["city"] = data.city.strip()[:120]


def _problems_in_contacts(
    data: OrganisationData, problems: dict[str, list[str]], values: dict[str, Any]
) -> None:
    url_check, email_check = URLValidator(schemes=["http", "https"]), EmailValidator()
    websites = [url.strip() for url in data.websites if url.strip()]
    emails = [email.strip() for email in data.emails if email.strip()]
    for url in websites:
        try:
            url_check(url)
        except ValidationError:
            problems.setdefault("websites", []).append(_("“%(url)s” is not a web address.") % {"url": url})
    for email in emails:
        try:
            email_check(email)
        except ValidationError:
            problems.setdefault("emails", []).append(
                _("“%(email)s” is not an e-mail address.") % {"email": email}
            )
    unknown = [code for code in data.operational_languages if code not in UN_LANGUAGES]
    if unknown:
        problems.setdefault("operational_languages", []).append(
            _("Not UN languages: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    values["websites"] = [{"url": url} for url in websites]
    values["emails"] = emails
    values["operational_languages"] = [c for c in UN_LANGUAGES if c in data.operational_languages]


def _resolve_references(
    data: OrganisationData, problems: dict[str, list[str]], values: dict[str, Any]
) -> _Resolved:
    values["organisation_type"] = (
        Term.objects.in_vocabulary(ORGANISATION_TYPES)
        .filter(identifier__iexact=data.organisation_type.strip())
        .first()
    )
    if values["organisation_type"] is None:
        problems.setdefault("organisation_type", []).append(_("Choose an organisation type from the list."))
    values["country"] = Party.objects.filter(code=data.country.strip().lower()).first()
    if values["country"] is None:
        problems.setdefault("country", []).append(_("Choose a Party to the Convention."))
    regions = list(Region.objects.filter(identifier__in=data.operational_regions))
    if len(regions) != len(set(data.operational_regions)):
        problems.setdefault("operational_regions", []).append(_("Some regions are not known."))
    targets = list(Term.objects.in_vocabulary(GBF_TARGETS).filter(identifier__in=data.gbf_targets))
    if len(targets) != len(set(data.gbf_targets)):
        problems.setdefault("gbf_targets", []).append(_("Some GBF targets are not known."))
    return _Resolved(values=values, regions=regions, targets=targets)


def check_organisation_data(data: OrganisationData) -> _Resolved:
    """Validate every field; raise InvalidInput listing all problems, or return resolved values."""
    problems: dict[str, list[str]] = {}
    values: dict[str, Any] = {}
    _problems_in_texts(data, problems, values)
    _problems_in_contacts(data, problems, values)
    resolved = _resolve_references(data, problems, values)
    if problems:
        raise InvalidInput(
            _("The organisation could not be saved; check the fields marked."), fields=problems
        )
    return resolved


def _snapshot(organisation: Organisation) -> dict[str, Any]:
    return {
        "names": organisation.names,
        "acronym": organisation.acronym,
        "city": organisation.city,
        "organisation_type": organisation.organisation_type.identifier,
        "country": organisation.country_id,
        "websites": organisation.websites,
        "emails": organisation.emails,
        "descriptions": organisation.descriptions,
        "operational_languages": organisation.operational_languages,
        "original_language": organisation.original_language,
        "operational_regions": sorted(r.identifier for r in organisation.operational_regions.all()),
        "gbf_targets": sorted(t.identifier for t in organisation.gbf_targets.all()),
    }


@transaction.atomic
def create_organisation(*, data: OrganisationData, by: Any) -> Organisation:
    """Register an organisation. Staff may register any; a focal point, those of its own country."""
    resolved = check_organisation_data(data)
    organisation = Organisation(**resolved.values)
    if by is not None and not by.has_perm("organisations.add_organisation", organisation):
        raise PermissionDenied(_("You may not register organisations for this country."))
    organisation.save()
    organisation.operational_regions.set(resolved.regions)
    organisation.gbf_targets.set(resolved.targets)
    record_event(actor=by, action="create_organisation", target=organisation, changes=_snapshot(organisation))
    return organisation


@transaction.atomic
def update_organisation(*, organisation: Organisation, data: OrganisationData, by: Any) -> Organisation:
    """Change an organisation's description. Its own members, its focal point and staff may."""
    if not by.has_perm("organisations.change_organisation", organisation):
        raise PermissionDenied(_("You may not change this organisation."))
    resolved = check_organisation_data(data)
    before = _snapshot(organisation)
    moved = Organisation(**resolved.values)
    if moved.country_id != organisation.country_id and not by.has_perm(
        "organisations.change_organisation", moved
    ):
        raise PermissionDenied(_("You may not move this organisation to that country."))
    for name, value in resolved.values.items():
        setattr(organisation, name, value)
    organisation.save()
    organisation.operational_regions.set(resolved.regions)
    organisation.gbf_targets.set(resolved.targets)
    changes = diff_fields(before, _snapshot(organisation))
    record_event(actor=by, action="update_organisation", target=organisation, changes=changes)
    return organisation
