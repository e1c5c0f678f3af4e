"""CHM `organization` ↔ Organisation, written through the organisations services.

An organisation has no `chm_identifier` column: its CHM identifier is the link kept in
`chm.ExternalReference` (the one `tsc-hub chm link-organisation` makes), else our own "tsc-org-<pk>". So
the organisation an `organization` record names is the one the other records' references name too, and
importing one creates that link.
"""

from __future__ import annotations

import re
from typing import Any

from tsc_hub.chm.mapping.common import ORGANIZATION, Mapped, SchemaMapping, base_identifier
from tsc_hub.chm.mapping.reading import OUR_ORGANISATION, RecordReader
from tsc_hub.chm.mapping.writing import ExportContext, RecordWriter
from tsc_hub.chm.models import ExternalReference, ReferenceKind
from tsc_hub.core.audit import record_event
from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.organisations.models import Organisation
from tsc_hub.organisations.services import (
    GBF_TARGETS,
    ORGANISATION_TYPES,
    OrganisationData,
    create_organisation,
    update_organisation,
)

LANGUAGE_TERM = re.compile(r"^(?:lang-)?([a-z]{2})$", re.IGNORECASE)
"""A CHM language term ("lang-fr"); a bare code ("fr") is read too."""
ACRONYM_LENGTH, CITY_LENGTH = 40, 120  # the columns of Organisation
# Term and reference fields of the CHM that tsc-hub does not model: kept as they came, written back.
KEPT_TERMS = (
    "contacts",
    "linkedOrganizations",
    "libraries",
    "thematicAreas",
    "absThematicAreas",
    "aichiTargets",
)
PREFETCH = ("organisation_type", "operational_regions", "gbf_targets")


class _System:
    """The command line acting as the system. `update_organisation` asks its actor for permissions (it
    takes no `by=None`, unlike `create_organisation`): the system has them all, and the audit log names
    "system", as it is not a person who signed in."""

    is_authenticated = False

    def has_perm(self, permission: str, obj: Any = None) -> bool:
        return True

    def __str__(self) -> str:
        return "system"


SYSTEM = _System()


def organisation_data(organisation: Organisation) -> OrganisationData:
    """The data of a stored organisation, as the organisations services take it."""
    return OrganisationData(
        names=dict(organisation.names),
        organisation_type=organisation.organisation_type.identifier,
        country=organisation.country_id,
        acronym=organisation.acronym,
        city=organisation.city,
        websites=[str(site.get("url", "")) for site in organisation.websites if isinstance(site, dict)],
        emails=list(organisation.emails),
        descriptions=dict(organisation.descriptions),
        operational_languages=list(organisation.operational_languages),
        operational_regions=sorted(region.identifier for region in organisation.operational_regions.all()),
        gbf_targets=sorted(target.identifier for target in organisation.gbf_targets.all()),
        original_language=organisation.original_language,
    )


def _organisation_type(reader: RecordReader) -> str:
    items = reader.terms("organizationType", required=True)
    if isinstance(reader.raw.get("organizationType"), list):
        reader.problem("organizationType", "expected one term, not a list")
    if not items:
        return ""
    identifier, custom = items[0]
    if custom or not reader.resolver.has_term(ORGANISATION_TYPES, identifier):
        reader.problem(
            "organizationType",
            f"“{identifier}” is not one of the organisation types tsc-hub knows ({ORGANISATION_TYPES})",
        )
        return ""
    return identifier


def _languages(reader: RecordReader) -> list[str]:
    """UN language codes of `operationalLanguages`; other languages are kept."""
    found: set[str] = set()
    for identifier, custom in reader.terms("operationalLanguages"):
        match = LANGUAGE_TERM.match(identifier)
        code = match.group(1).lower() if match else ""
        if code in UN_LANGUAGES and not custom:
            found.add(code)
        else:
            reader.keep("operationalLanguages", identifier, custom)
    return [code for code in UN_LANGUAGES if code in found]


def _regions(reader: RecordReader) -> list[str]:
    """Region GUIDs of `operationalRegions`; anything else (a country, an unknown region) is kept."""
    found: set[str] = set()
    for identifier, custom in reader.terms("operationalRegions"):
        region = None if custom else reader.resolver.region(identifier)
        if region:
            found.add(region)
        else:
            reader.keep("operationalRegions", identifier, custom)
    return sorted(found)


def _short(reader: RecordReader, key: str, text: str, most: int) -> str:
    if len(text) > most:
        reader.warnings.append(f"{key}: longer than {most} characters; cut")
    return text[:most].strip()


def read(reader: RecordReader) -> OrganisationData:
    """OrganisationData from an `organization` record."""
    most = ExternalReference._meta.get_field("chm_identifier").max_length or 0
    if len(base_identifier(reader.header.identifier)) > most:
        reader.problem("header.identifier", f"longer than {most} characters")
    names = reader.text("name", required=True)
    original = reader.original_language(names)
    for key in KEPT_TERMS:
        reader.keep_all(key)
    return OrganisationData(
        names=names,
        organisation_type=_organisation_type(reader),
        country=reader.party("country"),
        acronym=_short(reader, "acronym", reader.one_text("acronym", original), ACRONYM_LENGTH),
        city=_short(reader, "city", reader.one_text("city", original), CITY_LENGTH),
        websites=[link["url"] for link in reader.links("websites")],
        emails=reader.strings("emails"),
        descriptions=reader.text("profile"),
        operational_languages=_languages(reader),
        operational_regions=_regions(reader),
        gbf_targets=reader.vocabulary_terms("gbfTargets", GBF_TARGETS),
        original_language=original,
    )


def write(writer: RecordWriter, data: OrganisationData) -> None:
    """The `organization` fields of an organisation, in the CHM's order; ours under "tschub"."""
    writer.one_text("acronym", data.acronym, data.original_language)
    writer.text("name", data.names)
    writer.terms("contacts", [])
    writer.terms("linkedOrganizations", [])
    writer.one_text("city", data.city, data.original_language)
    writer.term("country", data.country)
    writer.strings("emails", data.emails)
    writer.links("websites", [{"url": url} for url in data.websites])
    writer.terms("libraries", [])
    writer.term("organizationType", data.organisation_type)
    writer.terms("thematicAreas", [])
    writer.terms("absThematicAreas", [])
    writer.terms("gbfTargets", data.gbf_targets)
    writer.terms("aichiTargets", [])
    writer.terms("operationalLanguages", [f"lang-{code}" for code in data.operational_languages])
    writer.terms("operationalRegions", data.operational_regions)
    writer.text("profile", data.descriptions)
    writer.own("originalLanguage", data.original_language)


def find(identifier: str) -> Organisation | None:
    """The organisation a CHM identifier names: a linked one, else our own "tsc-org-<pk>"."""
    base = base_identifier(identifier)
    link = ExternalReference.objects.filter(kind=ReferenceKind.ORGANISATION, chm_identifier__iexact=base)
    object_id = link.values_list("object_id", flat=True).first()
    if object_id is None:
        ours = OUR_ORGANISATION.match(base)
        object_id = int(ours.group(1)) if ours else None
    return None if object_id is None else Organisation.objects.filter(pk=object_id).first()


def identifier_of(organisation: Organisation, context: ExportContext) -> str:
    return context.organisation_reference(organisation.pk)


def link(organisation: Organisation, mapped: Mapped) -> None:
    """Remember the CHM identifier of an organisation an import created, so that references find it."""
    base = base_identifier(mapped.identifier)
    if ExternalReference.objects.filter(
        kind=ReferenceKind.ORGANISATION, chm_identifier__iexact=base
    ).exists():
        return
    reference = ExternalReference.objects.create(
        kind=ReferenceKind.ORGANISATION, chm_identifier=base, object_id=organisation.pk
    )
    record_event(
        actor=None,
        action="chm_link_organisation",
        target=reference,
        changes={"chm_identifier": base, "organisation": [None, organisation.pk]},
    )


def _create(mapped: Mapped) -> Any:
    return create_organisation(data=mapped.data, by=None)


def _update(record: Any, mapped: Mapped) -> Any:
    return update_organisation(organisation=record, data=mapped.data, by=SYSTEM)


ORGANIZATIONS = SchemaMapping(
    name=ORGANIZATION,
    model=Organisation,
    read=read,
    write=write,
    data_of=organisation_data,
    create=_create,
    update=_update,
    prefetch=PREFETCH,
    find=find,
    identifier_of=identifier_of,
    created=link,
)
