"""CHM `capacityBuildingInitiative` ↔ Resource of kind `capacity_initiative`, via the knowledge services."""

from __future__ import annotations

from typing import Any

from tsc_hub.chm.mapping.common import INITIATIVE, OWN_KEY, SchemaMapping
from tsc_hub.chm.mapping.reading import RecordReader
from tsc_hub.chm.mapping.resources import (
    PREFETCH,
    create,
    read_provenance,
    read_resource_languages,
    resource_data,
    save,
    with_owner,
    without_harvest_time,
    write_provenance,
    write_resource_languages,
)
from tsc_hub.chm.mapping.writing import RecordWriter
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.states import ResourceKind
from tsc_hub.knowledge.validation import CBD_SUBJECTS, GBF_TARGETS, ResourceData

# Fields of the CHM that tsc-hub does not model, kept as they came and written back: single terms, lists of
# terms or references, plain values.
KEPT_TERM = ("geographicScope", "status", "activityScope")
KEPT_TERMS = (
    "libraries",
    "contacts",
    "broaderProjects",
    "categories",
    "targetGroups",
    "aichiTargets",
    "absKeyAreas",
    "cpbThematicAreas",
    "fundingSourceTypes",
    "coreFundingSources",
    "coFinancingSources",
    "resultsReference",
)
KEPT_SCALARS = ("totalBudget",)


def read(reader: RecordReader) -> ResourceData:
    """ResourceData (kind capacity_initiative) from a `capacityBuildingInitiative` record."""
    title = reader.text("title", required=True)
    original = reader.original_language(title)
    kind = reader.own("kind", str, None)
    if kind not in (None, ResourceKind.CAPACITY_INITIATIVE):
        reader.problem(f"{OWN_KEY}.kind", "a capacityBuildingInitiative is a capacity_initiative")
    implementing = reader.organisations("implementingAgencies", warn=True)
    executing = reader.organisations("executingAgencies", warn=True)
    if set(executing) - set(implementing):
        reader.warnings.append(
            "executingAgencies: tsc-hub keeps an initiative's organisations without their role; "
            "they are written back as implementingAgencies"
        )
    owner = reader.own_organisation("owner")
    links = reader.links("projectDocument")
    countries, regions = reader.places("countryRegions")
    for key in (*KEPT_TERM, *KEPT_TERMS):
        reader.keep_all(key)
    for key in KEPT_SCALARS:
        reader.keep_scalar(key)
    start_date, end_date = reader.date_range("startDate", "endDate")
    authors = reader.own("authors", list, [])
    return ResourceData(
        kind=ResourceKind.CAPACITY_INITIATIVE,
        title=title,
        summary=reader.text("description"),
        authors=list(dict.fromkeys(name.strip() for name in authors if name.strip())),
        organisations=[pk for pk in sorted({*implementing, *executing}) if pk != owner],
        owner=owner,
        publication_date=reader.own_date("publicationDate"),
        links=links,
        resource_languages=read_resource_languages(reader, links),
        cbd_subjects=reader.vocabulary_terms("cbdSubjects", CBD_SUBJECTS),
        gbf_targets=reader.vocabulary_terms("gbfTargets", GBF_TARGETS),
        countries=countries,
        regions=regions,
        keywords=reader.text_list("tags", original),
        rights=reader.own("rights", str, "").strip(),
        start_date=start_date,
        end_date=end_date,
        deadline=reader.own_date("deadline"),
        chm_identifier=reader.header.identifier,
        original_language=original,
        **read_provenance(reader),
    )


def write(writer: RecordWriter, data: ResourceData) -> None:
    """The `capacityBuildingInitiative` fields of an initiative, in the CHM's order; ours under "tschub"."""
    writer.terms("libraries", [])
    writer.text("title", data.title)
    writer.links("projectDocument", data.links)
    writer.terms("contacts", [])
    writer.term("geographicScope", None)
    writer.places("countryRegions", data.countries, data.regions)
    writer.term("status", None)
    writer.date("startDate", data.start_date)
    writer.date("endDate", data.end_date)
    writer.term("activityScope", None)
    writer.terms("broaderProjects", [])
    writer.organisations("implementingAgencies", with_owner(data))
    writer.terms("executingAgencies", [])
    writer.text("description", data.summary)
    for key in ("categories", "targetGroups"):
        writer.terms(key, [])
    writer.terms("cbdSubjects", data.cbd_subjects)
    writer.terms("gbfTargets", data.gbf_targets)
    for key in ("aichiTargets", "absKeyAreas", "cpbThematicAreas", "fundingSourceTypes"):
        writer.terms(key, [])
    for key in ("coreFundingSources", "coFinancingSources"):
        writer.terms(key, [])
    writer.kept_scalar("totalBudget")
    writer.terms("resultsReference", [])
    writer.text_list("tags", data.keywords, data.original_language)
    if data.authors:
        writer.own("authors", list(data.authors))
    writer.own_date("publicationDate", data.publication_date)
    if data.rights:
        writer.own("rights", data.rights)
    writer.own_date("deadline", data.deadline)
    writer.own_organisation("owner", data.owner)
    write_resource_languages(writer, data)
    writer.own("originalLanguage", data.original_language)
    write_provenance(writer, data)


def _initiatives() -> Any:
    return Resource.objects.filter(kind=ResourceKind.CAPACITY_INITIATIVE)


INITIATIVES = SchemaMapping(
    name=INITIATIVE,
    model=Resource,
    read=read,
    write=write,
    data_of=resource_data,
    create=create,
    update=save,
    prefetch=PREFETCH,
    records=_initiatives,
    comparable=without_harvest_time,
)
