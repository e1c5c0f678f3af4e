"""CHM `bbiProfile` ↔ ProviderProfile, written through the offers services."""

from __future__ import annotations

from typing import Any

from tsc_hub.chm.mapping.common import PROFILE, Mapped, SchemaMapping
from tsc_hub.chm.mapping.reading import RecordReader
from tsc_hub.chm.mapping.writing import RecordWriter
from tsc_hub.offers.models import ProviderProfile
from tsc_hub.offers.services import create_profile, update_profile
from tsc_hub.offers.validation import ProfileData

TEXTS = {
    "title": "title",
    "assistanceTypesFree": "assistance_types_free",
    "suggestedExpertise": "expertise",
    "collaborationAreas": "collaboration_areas",
}
PREFETCH = ("coverage_parties", "coverage_regions", "cbd_subjects", "assistance_types", "gbf_targets")


def _identifiers(manager: Any, attribute: str) -> list[str]:
    return sorted(str(getattr(item, attribute)) for item in manager.all())


def profile_data(profile: ProviderProfile) -> ProfileData:
    """The editable data of a stored profile, as the services take it."""
    return ProfileData(
        organisation=profile.organisation_id,
        title=profile.title,
        assistance_types_free=profile.assistance_types_free,
        expertise=profile.expertise,
        collaboration_areas=profile.collaboration_areas,
        coverage_parties=_identifiers(profile.coverage_parties, "code"),
        coverage_regions=_identifiers(profile.coverage_regions, "identifier"),
        cbd_subjects=_identifiers(profile.cbd_subjects, "identifier"),
        assistance_types=_identifiers(profile.assistance_types, "identifier"),
        gbf_targets=_identifiers(profile.gbf_targets, "identifier"),
        capacity=profile.capacity,
        working_languages=list(profile.working_languages),
        contact_name=profile.contact_name,
        contact_email=profile.contact_email,
        original_language=profile.original_language,
        chm_identifier=profile.chm_identifier,
    )


def read(reader: RecordReader) -> ProfileData:
    """ProfileData from a bbiProfile record; GBF targets and capacity are ours ("tschub")."""
    texts = {name: reader.text(key, required=key == "title") for key, name in TEXTS.items()}
    parties, regions = reader.places("coverageAreas", required=True)
    contact_name, contact_email = reader.contact()
    original, working = reader.languages(texts["title"])
    return ProfileData(
        organisation=reader.organisation("organization"),
        title=texts["title"],
        assistance_types_free=texts["assistance_types_free"],
        expertise=texts["expertise"],
        collaboration_areas=texts["collaboration_areas"],
        coverage_parties=parties,
        coverage_regions=regions,
        cbd_subjects=reader.vocabulary_terms("cbdSubjects", "CBD-SUBJECTS", required=True),
        assistance_types=reader.vocabulary_terms("assistanceTypes", "ASSISTANCE-TYPES", required=True),
        gbf_targets=reader.own_terms("gbfTargets", "GBF-TARGETS"),
        capacity=reader.own("capacity", int, 1),
        working_languages=working,
        contact_name=contact_name,
        contact_email=contact_email,
        original_language=original,
        chm_identifier=reader.header.identifier,
    )


def write(writer: RecordWriter, data: ProfileData) -> None:
    """The bbiProfile fields of a profile, in the CHM's order; ours under "tschub"."""
    writer.text("title", data.title)
    writer.places("coverageAreas", data.coverage_parties, data.coverage_regions)
    writer.terms("cbdSubjects", data.cbd_subjects)
    writer.terms("assistanceTypes", data.assistance_types)
    writer.text("assistanceTypesFree", data.assistance_types_free)
    writer.text("suggestedExpertise", data.expertise)
    writer.text("collaborationAreas", data.collaboration_areas)
    writer.organisation("organization", data.organisation)
    writer.contact(data.contact_name, data.contact_email)
    writer.own("capacity", data.capacity)
    writer.own_terms("gbfTargets", data.gbf_targets)
    writer.own("workingLanguages", list(data.working_languages))
    writer.own("originalLanguage", data.original_language)


def _create(mapped: Mapped) -> Any:
    return create_profile(data=mapped.data, by=None)


def _update(record: Any, mapped: Mapped) -> Any:
    return update_profile(profile=record, data=mapped.data, expected_version=record.version, by=None)


PROFILES = SchemaMapping(
    name=PROFILE,
    model=ProviderProfile,
    read=read,
    write=write,
    data_of=profile_data,
    create=_create,
    update=_update,
    prefetch=PREFETCH,
)
