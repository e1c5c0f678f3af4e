"""CHM `bbiRequest` ↔ AssistanceRequest, written through the assistance services."""

from __future__ import annotations

from typing import Any

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.services import RequestData, create_request, update_request
from tsc_hub.assistance.services.drafting import data_from_request
from tsc_hub.assistance.states import Urgency, Visibility
from tsc_hub.chm.mapping.common import OWN_KEY, REQUEST, Mapped, SchemaMapping
from tsc_hub.chm.mapping.reading import RecordReader
from tsc_hub.chm.mapping.writing import RecordWriter
from tsc_hub.core.languages import pick_text

# CHM field → RequestData field, in the order the CHM lists them.
TEXTS = {
    "title": "title",
    "problem": "problem",
    "typesDetails": "types_details",
    "addressedPriorities": "addressed_priorities",
    "objectives": "objectives",
    "existingInitiatives": "existing_initiatives",
    "coFinancing": "co_financing",
}
REQUIRED_TEXTS = frozenset({"title", "problem", "addressedPriorities"})
TERMS = {
    "assistanceTypes": ("assistance_types", "ASSISTANCE-TYPES"),
    "cbdSubjects": ("cbd_subjects", "CBD-SUBJECTS"),
    "gbfTargets": ("gbf_targets", "GBF-TARGETS"),
    "beneficiaryTypes": ("beneficiary_types", "BENEFICIARY-TYPES"),
}
REQUIRED_TERMS = frozenset({"assistanceTypes", "cbdSubjects", "gbfTargets"})
# Term fields of the CHM that tsc-hub does not model: every term is kept as it came.
KEPT_ONLY = ("aichiTargets", "otherGovernments")
PRIORITY_REFERENCE_LENGTH = 300


def _priority_reference(reader: RecordReader, addressed: dict[str, str], original: str) -> str:
    """Ours, else the first line of addressedPriorities (the CHM has no such field)."""
    given = reader.own("nationalPriorityReference", str, "").strip()
    if given or not addressed:
        return str(given)
    line = pick_text(addressed, language=original).text.strip().splitlines()[0].strip()
    if len(line) > PRIORITY_REFERENCE_LENGTH:
        line = line[: PRIORITY_REFERENCE_LENGTH - 1].rstrip() + "…"
    reader.warnings.append(f"{OWN_KEY}.nationalPriorityReference: not given; taken from addressedPriorities")
    return line


def read(reader: RecordReader) -> RequestData:
    """RequestData from a bbiRequest record."""
    texts: dict[str, Any] = {
        name: reader.text(key, required=key in REQUIRED_TEXTS) for key, name in TEXTS.items()
    }
    terms: dict[str, Any] = {
        name: reader.vocabulary_terms(key, vocabulary, required=key in REQUIRED_TERMS)
        for key, (name, vocabulary) in TERMS.items()
    }
    country = reader.party("country")
    parties, regions = reader.places("coverage", required=True)
    if not parties and not regions and country:
        parties = [country]  # what the service stores for a coverage it knows nothing of
    for key in KEPT_ONLY:
        reader.keep_all(key)
    contact_name, contact_email = reader.contact()
    start_date, end_date = reader.date_range("startDate", "endDate")
    original, working = reader.languages(texts["title"])
    return RequestData(
        country=country,
        organisation_id=reader.organisation("organization"),
        contact_name=contact_name,
        contact_email=contact_email,
        coverage_parties=parties,
        coverage_regions=regions,
        jurisdiction=reader.single_term("jurisdiction", "JURISDICTIONS"),
        start_date=start_date,
        end_date=end_date,
        national_priority_reference=_priority_reference(reader, texts["addressed_priorities"], original),
        urgency=reader.own("urgency", str, Urgency.NORMAL.value),
        visibility=reader.own("visibility", str, Visibility.PUBLIC.value),
        involves_traditional_knowledge=reader.own("involvesTraditionalKnowledge", bool, False),
        working_languages=working,
        original_language=original,
        **texts,
        **terms,
    )


def write(writer: RecordWriter, data: RequestData) -> None:
    """The bbiRequest fields of a request, in the CHM's order; ours under "tschub"."""
    writer.organisation("organization", data.organisation_id)
    writer.contact(data.contact_name, data.contact_email)
    writer.term("country", data.country)
    writer.places("coverage", data.coverage_parties, data.coverage_regions)
    writer.text("title", data.title)
    writer.text("problem", data.problem)
    writer.terms("assistanceTypes", data.assistance_types)
    writer.text("typesDetails", data.types_details)
    writer.text("addressedPriorities", data.addressed_priorities)
    writer.terms("cbdSubjects", data.cbd_subjects)
    writer.terms("gbfTargets", data.gbf_targets)
    writer.terms("aichiTargets", [])
    writer.term("jurisdiction", data.jurisdiction)
    writer.terms("beneficiaryTypes", data.beneficiary_types)
    writer.date("startDate", data.start_date)
    writer.date("endDate", data.end_date)
    writer.terms("otherGovernments", [])
    writer.text("objectives", data.objectives)
    writer.text("existingInitiatives", data.existing_initiatives)
    writer.text("coFinancing", data.co_financing)
    writer.own("urgency", str(data.urgency))
    writer.own("visibility", str(data.visibility))
    writer.own("involvesTraditionalKnowledge", data.involves_traditional_knowledge)
    writer.own("nationalPriorityReference", data.national_priority_reference)
    writer.own("workingLanguages", list(data.working_languages))
    writer.own("originalLanguage", data.original_language)


def _create(mapped: Mapped) -> Any:
    return create_request(data=mapped.data, by=None, chm_identifier=mapped.identifier)


def _update(record: Any, mapped: Mapped) -> Any:
    return update_request(request=record, data=mapped.data, expected_version=record.version, by=None)


REQUESTS = SchemaMapping(
    name=REQUEST,
    model=AssistanceRequest,
    read=read,
    write=write,
    data_of=data_from_request,
    create=_create,
    update=_update,
    prefetch=(
        "coverage_parties",
        "coverage_regions",
        "assistance_types",
        "gbf_targets",
        "cbd_subjects",
        "beneficiary_types",
        "jurisdiction",
    ),
)
