"""What a person (or an importer) gives to describe a resource, and the checks that turn it into values.

Every check adds its problems to one list, so a person learns about all of them at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.languages import UN_LANGUAGES, clean_multilingual
from tsc_hub.geography.models import Party, Region
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.states import ResourceKind
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

CBD_SUBJECTS = "CBD-SUBJECTS"
GBF_TARGETS = "GBF-TARGETS"
DEFAULT_SOURCE = "tsc-hub"
_WEB = URLValidator(schemes=["http", "https"])


@dataclass
class ResourceData:
    """A resource as given (identifiers, not objects): CHM `resource` fields, with Dublin Core meanings."""

    kind: str
    title: dict[str, str]
    summary: dict[str, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)
    organisations: list[int] = field(default_factory=list)
    owner: int | None = None
    publication_date: datetime.date | None = None
    links: list[dict[str, str]] = field(default_factory=list)  # {"url", "name", "language"}
    resource_languages: list[str] = field(default_factory=list)
    cbd_subjects: list[str] = field(default_factory=list)
    gbf_targets: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    rights: str = ""
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    deadline: datetime.date | None = None
    source: str = DEFAULT_SOURCE
    original_identifier: str = ""
    harvested_from: str = ""
    harvested_at: datetime.datetime | None = None
    chm_identifier: str | None = None
    original_language: str = "en"


@dataclass
class Checked:
    """Values ready to write: model fields, and many-to-many fields with their objects."""

    values: dict[str, Any] = field(default_factory=dict)
    relations: dict[str, list[Any]] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)

    def problem(self, name: str, message: str) -> None:
        self.problems.setdefault(name, []).append(message)

    def raise_if_any(self) -> None:
        if self.problems:
            raise InvalidInput(
                _("The resource could not be saved; check the fields marked."), fields=self.problems
            )


def is_language_code(code: str) -> bool:
    """A UN language or any ISO 639-1 (two-letter) language code."""
    return code in UN_LANGUAGES or (len(code) == 2 and pycountry.languages.get(alpha_2=code) is not None)


def _strings(checked: Checked, name: str, value: Any, most: int) -> list[str]:
    """A list of short texts: stripped, blanks and repeats dropped, each at most `most` characters."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        checked.problem(name, _("Give a list of texts."))
        return []
    cleaned = list(dict.fromkeys(item.strip() for item in value if item.strip()))
    if any(len(item) > most for item in cleaned):
        checked.problem(name, _("Each entry may have at most %(count)s characters.") % {"count": most})
    return cleaned


def _text(checked: Checked, name: str, value: Any, most: int) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > most:
        checked.problem(name, _("At most %(count)s characters.") % {"count": most})
    return text


def _check_texts(checked: Checked, data: ResourceData) -> None:
    if data.kind not in ResourceKind.values:
        checked.problem("kind", _("Choose one of the kinds of resource."))
    checked.values["kind"] = data.kind
    for name, required in (("title", True), ("summary", False)):
        try:
            checked.values[name] = clean_multilingual(getattr(data, name), required=required)
        except ValueError as error:
            checked.problem(name, str(error))
    if data.original_language not in UN_LANGUAGES:
        checked.problem("original_language", _("Choose one of the six UN languages."))
    checked.values["original_language"] = data.original_language
    checked.values["authors"] = _strings(checked, "authors", data.authors, 300)
    checked.values["keywords"] = _strings(checked, "keywords", data.keywords, 100)
    checked.values["rights"] = _text(checked, "rights", data.rights, 300)


def _check_link(checked: Checked, position: int, link: Any) -> dict[str, str] | None:
    if not isinstance(link, dict) or not isinstance(link.get("url", ""), str):
        checked.problem("links", _("Link %(number)s: give an address and a name.") % {"number": position})
        return None
    url, name = link.get("url", "").strip(), str(link.get("name") or "").strip()[:300]
    language = str(link.get("language") or "").strip().lower()
    try:
        _WEB(url)
    except ValidationError:
        checked.problem(
            "links",
            _("Link %(number)s: give a web address starting with http:// or https://.")
            % {"number": position},
        )
    if language and not is_language_code(language):
        checked.problem("links", _("Link %(number)s: not a language code.") % {"number": position})
    return {"url": url, "name": name, "language": language}


def _check_links_and_languages(checked: Checked, data: ResourceData) -> None:
    links = data.links if isinstance(data.links, list) else [data.links]
    checked.values["links"] = [
        cleaned
        for position, link in enumerate(links, start=1)
        if (cleaned := _check_link(checked, position, link)) is not None
    ]
    codes = [code.lower() for code in _strings(checked, "resource_languages", data.resource_languages, 3)]
    unknown = [code for code in codes if not is_language_code(code)]
    if unknown:
        checked.problem(
            "resource_languages",
            _("Not language codes (ISO 639-1): %(codes)s.") % {"codes": ", ".join(unknown)},
        )
    checked.values["resource_languages"] = list(dict.fromkeys(codes))


def _check_terms(checked: Checked, name: str, vocabulary: str, identifiers: list[str]) -> None:
    wanted = {identifier.strip() for identifier in identifiers if identifier.strip()}
    found = list(Term.objects.in_vocabulary(vocabulary).filter(identifier__in=wanted))
    checked.relations[name] = found
    if len(found) != len(wanted):
        known = {term.identifier for term in found}
        checked.problem(name, _("Not known: %(values)s.") % {"values": ", ".join(sorted(wanted - known))})


def _check_coverage(checked: Checked, data: ResourceData) -> None:
    codes = {code.strip().lower() for code in data.countries if code.strip()}
    regions = {identifier.strip() for identifier in data.regions if identifier.strip()}
    checked.relations["countries"] = list(Party.objects.filter(code__in=codes))
    checked.relations["regions"] = list(Region.objects.filter(identifier__in=regions))
    if len(checked.relations["countries"]) != len(codes):
        checked.problem("countries", _("Some Parties are not known."))
    if len(checked.relations["regions"]) != len(regions):
        checked.problem("regions", _("Some regions are not known."))


def _check_organisations(checked: Checked, data: ResourceData) -> None:
    owner = None
    if data.owner is not None:
        owner = Organisation.objects.select_related("country").filter(pk=data.owner).first()
        if owner is None:
            checked.problem("owner", _("Choose an organisation from the directory."))
    checked.values["owner"] = owner
    wanted = set(data.organisations) - {data.owner}
    checked.relations["organisations"] = list(Organisation.objects.filter(pk__in=wanted))
    if len(checked.relations["organisations"]) != len(wanted):
        checked.problem("organisations", _("Some organisations are not known."))


def _check_dates(checked: Checked, data: ResourceData) -> None:
    for name in ("publication_date", "start_date", "end_date", "deadline"):
        value = getattr(data, name)
        if value is not None and not isinstance(value, datetime.date):
            checked.problem(name, _("Give a date."))
            value = None
        checked.values[name] = value
    start, end = checked.values["start_date"], checked.values["end_date"]
    if start and end and end < start:
        checked.problem("end_date", _("The end date cannot be before the start date."))


def _check_provenance(checked: Checked, data: ResourceData, instance: Resource | None) -> None:
    source = _text(checked, "source", data.source, 100) or DEFAULT_SOURCE
    original = _text(checked, "original_identifier", data.original_identifier, 200)
    harvested_from = _text(checked, "harvested_from", data.harvested_from, 500)
    if harvested_from:
        try:
            _WEB(harvested_from)
        except ValidationError:
            checked.problem("harvested_from", _("Give a web address starting with http:// or https://."))
    harvested_at = data.harvested_at
    if harvested_at is not None and timezone.is_naive(harvested_at):
        harvested_at = timezone.make_aware(harvested_at, datetime.UTC)
    # None keeps the identifier a resource has (as in offers); "" removes it.
    chm = _text(checked, "chm_identifier", data.chm_identifier, 100) or None
    if data.chm_identifier is None and instance is not None:
        chm = instance.chm_identifier
    others = Resource.objects.exclude(pk=instance.pk) if instance is not None else Resource.objects.all()
    if chm and others.filter(chm_identifier=chm).exists():
        checked.problem("chm_identifier", _("Another record already has this CHM identifier."))
    if original and others.filter(source=source, original_identifier=original).exists():
        checked.problem("original_identifier", _("Another resource from this source has this identifier."))
    checked.values.update(
        source=source,
        original_identifier=original,
        harvested_from=harvested_from,
        harvested_at=harvested_at,
        chm_identifier=chm,
    )


def check_resource(data: ResourceData, instance: Resource | None = None) -> Checked:
    """Validate every field of a resource; InvalidInput lists all problems, in the reader's language."""
    checked = Checked()
    _check_texts(checked, data)
    _check_links_and_languages(checked, data)
    _check_organisations(checked, data)
    _check_terms(checked, "cbd_subjects", CBD_SUBJECTS, data.cbd_subjects)
    _check_terms(checked, "gbf_targets", GBF_TARGETS, data.gbf_targets)
    _check_coverage(checked, data)
    _check_dates(checked, data)
    _check_provenance(checked, data, instance)
    checked.raise_if_any()
    return checked
