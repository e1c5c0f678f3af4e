"""CHM `resource` (the virtual library) ↔ Resource, written through the knowledge services.

What `resource` and `capacityBuildingInitiative` share (the stored data of a resource, provenance, our own
fields under "tschub") is here too; `initiatives.py` uses it.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Any

from django.utils import timezone

from tsc_hub.chm.mapping.common import OWN_KEY, RESOURCE, Mapped, SchemaMapping
from tsc_hub.chm.mapping.reading import RecordReader
from tsc_hub.chm.mapping.writing import RecordWriter
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.services import save_imported_resource
from tsc_hub.knowledge.states import ResourceKind
from tsc_hub.knowledge.validation import CBD_SUBJECTS, GBF_TARGETS, ResourceData

CHM_SOURCE = "chm"
"""`Resource.source` of a record that came from the CHM itself (a record without "tschub")."""
RESOURCE_TYPES = "RESOURCE-TYPES"
"""The vocabulary of the CHM's resource types, when loaded: ``tsc-hub vocab import-chm FILE --vocabulary
RESOURCE-TYPES`` with the terms of the CHM thesaurus domain A762DF7E-B8D1-40D6-9DAC-D25E48C65528. Its English
labels say which kind a resource type is; without it, only a type's customValue can."""
PREFETCH = ("organisations", "cbd_subjects", "gbf_targets", "countries", "regions")
AUTHOR_SEPARATOR = re.compile(r"\s*[;\n]\s*")

# Words of a resource type's label → our kind; the first kind whose words a label has wins. A label none of
# them names leaves the resource a publication, with a warning.
KIND_WORDS: tuple[tuple[str, str], ...] = (
    (ResourceKind.NATIONAL_CAPACITY_PLAN, r"national capacity"),
    (ResourceKind.THEMATIC_ACTION_PLAN, r"thematic (capacity )?action plans?"),
    (ResourceKind.CASE_STUDY, r"case stud(y|ies)|success stor(y|ies)"),
    (ResourceKind.BEST_PRACTICE, r"(best|good) practices?|lessons learn(ed|t)"),
    (ResourceKind.TRAINING, r"training|courses?|e-?learning|curricul(um|a)"),
    (ResourceKind.EVENT, r"events?|fairs?|webinars?|conferences?"),
    (ResourceKind.FUNDING, r"funding|grants?|calls? for proposals"),
    (ResourceKind.DATASET, r"data ?sets?|databases?"),
    (ResourceKind.INCUBATOR, r"incubators?|accelerators?"),
    (ResourceKind.NETWORK, r"networks?|cent(re|er)s? of excellence"),
    (ResourceKind.TECHNOLOGY, r"technolog(y|ies)|tools?"),
    (
        ResourceKind.PUBLICATION,
        r"publications?|reports?|books?|articles?|documents?|guidelines?|manuals?|toolkits?|"
        r"briefs?|factsheets?|papers?|studies|handbooks?|assessments?",
    ),
)
_KIND_PATTERNS = tuple(
    (str(kind), re.compile(rf"\b({words})\b", re.IGNORECASE)) for kind, words in KIND_WORDS
)


def kind_of_label(label: str) -> str | None:
    """Our kind for the label of a CHM resource type, or None when its words name none."""
    return next((kind for kind, pattern in _KIND_PATTERNS if pattern.search(label)), None)


def _identifiers(manager: Any, attribute: str) -> list[str]:
    return sorted(str(getattr(item, attribute)) for item in manager.all())


def resource_data(resource: Resource) -> ResourceData:
    """The data of a stored resource, as the knowledge services take it."""
    return ResourceData(
        kind=resource.kind,
        title=dict(resource.title),
        summary=dict(resource.summary),
        authors=list(resource.authors),
        organisations=sorted(organisation.pk for organisation in resource.organisations.all()),
        owner=resource.owner_id,
        publication_date=resource.publication_date,
        links=[dict(link) for link in resource.links],
        resource_languages=list(resource.resource_languages),
        cbd_subjects=_identifiers(resource.cbd_subjects, "identifier"),
        gbf_targets=_identifiers(resource.gbf_targets, "identifier"),
        countries=_identifiers(resource.countries, "code"),
        regions=_identifiers(resource.regions, "identifier"),
        keywords=list(resource.keywords),
        rights=resource.rights,
        start_date=resource.start_date,
        end_date=resource.end_date,
        deadline=resource.deadline,
        source=resource.source,
        original_identifier=resource.original_identifier,
        harvested_from=resource.harvested_from,
        harvested_at=resource.harvested_at,
        chm_identifier=resource.chm_identifier,
        original_language=resource.original_language,
    )


def without_harvest_time(data: ResourceData) -> ResourceData:
    """What "already stored" compares: not the time of the harvest, which every import changes."""
    return dataclasses.replace(data, harvested_at=None)


# Reading.


def read_kind(reader: RecordReader) -> str:
    """Ours ("tschub.kind"), else the first resource type whose label names a kind, else a publication.

    Every `resourceTypes` term is kept as it came, so that export writes the CHM's own types back.
    """
    types = reader.terms("resourceTypes")
    for identifier, custom in types:
        reader.keep("resourceTypes", identifier, custom)
    own = reader.own("kind", str, None)
    if own is not None:
        if own not in ResourceKind.values:
            reader.problem(f"{OWN_KEY}.kind", f"“{own}” is not one of {', '.join(ResourceKind.values)}")
        elif own == ResourceKind.CAPACITY_INITIATIVE:
            reader.problem(
                f"{OWN_KEY}.kind", "a capacity-building initiative is a capacityBuildingInitiative"
            )
        return str(own)
    for identifier, custom in types:
        label = (
            " ".join(custom.values()) if custom else reader.resolver.term_label(RESOURCE_TYPES, identifier)
        )
        kind = kind_of_label(label)
        if kind is not None:
            return kind
    given = ", ".join(identifier for identifier, _ in types) or "none given"
    reader.warnings.append(
        f"resourceTypes: no type says which kind of resource this is ({given}); filed as “publication”"
    )
    return str(ResourceKind.PUBLICATION)


def read_authors(reader: RecordReader, key: str, original: str) -> list[str]:
    """Names as written: "tschub.authors", else the CHM text split at ";" and line ends (or a list)."""
    given = reader.own("authors", list, None)
    value = reader.value(key)
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        names = value
    else:
        names = AUTHOR_SEPARATOR.split(reader.one_text(key, original))
    if given is not None:
        names = given
    return list(dict.fromkeys(name.strip() for name in names if name.strip()))


def write_authors(writer: RecordWriter, key: str, data: ResourceData) -> None:
    """Names joined with "; "; under "tschub" too when splitting that text would not give them back."""
    joined = "; ".join(data.authors)
    writer.one_text(key, joined, data.original_language)
    if [name for name in AUTHOR_SEPARATOR.split(joined) if name] != data.authors:
        writer.own("authors", list(data.authors))


def read_resource_languages(reader: RecordReader, links: list[dict[str, str]]) -> list[str]:
    """Ours ("tschub.resourceLanguages"), else the languages of the links."""
    given = reader.own("resourceLanguages", list, None)
    if given is not None:
        return list(dict.fromkeys(code.strip().lower() for code in given if code.strip()))
    return list(dict.fromkeys(link["language"] for link in links if link["language"]))


def write_resource_languages(writer: RecordWriter, data: ResourceData) -> None:
    if list(dict.fromkeys(link["language"] for link in data.links if link.get("language"))) != list(
        data.resource_languages
    ):
        writer.own("resourceLanguages", list(data.resource_languages))


def read_provenance(reader: RecordReader) -> dict[str, Any]:
    """The harvest's, when a harvest reads the record; else ours ("tschub.provenance"); else: from the CHM,
    under its identifier, read now."""
    harvest = reader.resolver.provenance
    if harvest is not None:
        # As the OAI-PMH harvest does: the record is its source's, under the source's identifier. A
        # "tschub.provenance" it carries (another tsc-hub's) says where that hub read it, not where we did;
        # it is not even checked, so that it cannot fail the record.
        reader.own_used.add("provenance")
        return {
            "source": harvest.source,
            "original_identifier": reader.header.identifier,
            "harvested_from": harvest.harvested_from,
            "harvested_at": harvest.harvested_at,
        }
    given = reader.own("provenance", dict, None)
    if given is None:
        return {
            "source": CHM_SOURCE,
            "original_identifier": reader.header.identifier,
            "harvested_from": "",
            "harvested_at": timezone.now(),
        }
    values: dict[str, Any] = {}
    for name, key in (
        ("source", "source"),
        ("original_identifier", "originalIdentifier"),
        ("harvested_from", "harvestedFrom"),
    ):
        value = given.get(key) or ""
        if not isinstance(value, str):
            reader.problem(f"{OWN_KEY}.provenance.{key}", "expected a text")
            value = ""
        values[name] = value
    harvested = given.get("harvestedAt")
    values["harvested_at"] = None
    if harvested is not None:
        try:
            values["harvested_at"] = datetime.datetime.fromisoformat(str(harvested))
        except ValueError:
            reader.problem(f"{OWN_KEY}.provenance.harvestedAt", f"“{harvested}” is not a date and time")
    return values


def write_provenance(writer: RecordWriter, data: ResourceData) -> None:
    harvested = data.harvested_at.isoformat() if data.harvested_at is not None else None
    writer.own(
        "provenance",
        {
            "source": data.source,
            "originalIdentifier": data.original_identifier,
            "harvestedFrom": data.harvested_from,
            "harvestedAt": harvested,
        },
    )


def read_dates(reader: RecordReader, start_key: str, end_key: str) -> tuple[Any, Any]:
    """Start and end: CHM fields (`startDate`, `endDate`) or ours ("tschub.startDate"...)."""
    if start_key.startswith(f"{OWN_KEY}."):
        start_name, end_name = start_key.removeprefix(f"{OWN_KEY}."), end_key.removeprefix(f"{OWN_KEY}.")
        start, end = reader.own_date(start_name), reader.own_date(end_name)
        if start and end and end < start:
            reader.problem(end_key, f"{end.isoformat()} is before {start_key} {start.isoformat()}")
        return start, end
    return reader.date_range(start_key, end_key)


def with_owner(data: ResourceData) -> list[int]:
    """The organisations written to the CHM: the resource's, and its owner (the services count it as one)."""
    return sorted({*data.organisations, *([data.owner] if data.owner is not None else [])})


# The `resource` schema.


def read(reader: RecordReader) -> ResourceData:
    """ResourceData from a `resource` record."""
    title = reader.text("title", required=True)
    original = reader.original_language(title)
    kind = read_kind(reader)
    authors = read_authors(reader, "authors", original)
    organisations = reader.organisations("organizations", warn=True)
    owner = reader.own_organisation("owner")
    links = reader.links("resourceLinks")
    countries, regions = reader.places("countryRegions")
    reader.keep_all("aichiTargets")
    start_date, end_date = read_dates(reader, f"{OWN_KEY}.startDate", f"{OWN_KEY}.endDate")
    return ResourceData(
        kind=kind,
        title=title,
        summary=reader.text("summary"),
        authors=authors,
        organisations=[pk for pk in organisations if pk != owner],
        owner=owner,
        publication_date=reader.partial_date("publicationDate"),
        links=links,
        resource_languages=read_resource_languages(reader, links),
        cbd_subjects=reader.vocabulary_terms("cbdSubjects", CBD_SUBJECTS),
        gbf_targets=reader.vocabulary_terms("gbfTargets", GBF_TARGETS),
        countries=countries,
        regions=regions,
        keywords=reader.text_list("tags", original),
        rights=reader.one_text("rights", original),
        start_date=start_date,
        end_date=end_date,
        deadline=reader.own_date("deadline"),
        chm_identifier=reader.header.identifier,
        original_language=original,
        **read_provenance(reader),
    )


def write(writer: RecordWriter, data: ResourceData) -> None:
    """The `resource` fields of a resource, in the CHM's order; ours under "tschub"."""
    writer.text("title", data.title)
    writer.terms("resourceTypes", [])
    write_authors(writer, "authors", data)
    writer.organisations("organizations", with_owner(data))
    writer.date("publicationDate", data.publication_date)
    writer.one_text("rights", data.rights, data.original_language)
    writer.links("resourceLinks", data.links)
    writer.text("summary", data.summary)
    writer.places("countryRegions", data.countries, data.regions)
    writer.terms("gbfTargets", data.gbf_targets)
    writer.terms("aichiTargets", [])
    writer.terms("cbdSubjects", data.cbd_subjects)
    writer.text_list("tags", data.keywords, data.original_language)
    writer.own("kind", data.kind)
    writer.own_date("startDate", data.start_date)
    writer.own_date("endDate", data.end_date)
    writer.own_date("deadline", data.deadline)
    writer.own_organisation("owner", data.owner)
    write_resource_languages(writer, data)
    writer.own("originalLanguage", data.original_language)
    write_provenance(writer, data)


def save(record: Any, mapped: Mapped) -> Any:
    """Create or update through the knowledge services: published at once (the CHM's records are public)
    unless a harvest source asks for review first; an update never changes the state."""
    resource, _ = save_imported_resource(data=mapped.data, by=None, publish=mapped.publish)
    return resource


def create(mapped: Mapped) -> Any:
    return save(None, mapped)


def _resources() -> Any:
    return Resource.objects.exclude(kind=ResourceKind.CAPACITY_INITIATIVE)


RESOURCES = SchemaMapping(
    name=RESOURCE,
    model=Resource,
    read=read,
    write=write,
    data_of=resource_data,
    create=create,
    update=save,
    prefetch=PREFETCH,
    records=_resources,
    comparable=without_harvest_time,
)
