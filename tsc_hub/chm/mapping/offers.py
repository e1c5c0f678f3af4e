"""CHM `bbiOpportunity` ↔ Offer, written through the offers services."""

from __future__ import annotations

from typing import Any

from tsc_hub.chm.mapping.common import OFFER, Mapped, SchemaMapping
from tsc_hub.chm.mapping.reading import RecordReader
from tsc_hub.chm.mapping.writing import RecordWriter
from tsc_hub.offers.models import Offer
from tsc_hub.offers.services import create_offer, update_offer
from tsc_hub.offers.validation import OfferData

TEXTS = {
    "title": "title",
    "description": "description",
    "eligibility": "eligibility",
    "applicationProcess": "application_process",
    "potentialOutcomes": "potential_outcomes",
}
REQUIRED_TEXTS = frozenset({"title", "description", "eligibility", "applicationProcess"})
TERMS = {
    "assistanceTypes": ("assistance_types", "ASSISTANCE-TYPES"),
    "primaryBeneficiaries": ("primary_beneficiaries", "BENEFICIARY-TYPES"),
    "cbdSubjects": ("cbd_subjects", "CBD-SUBJECTS"),
    "gbfTargets": ("gbf_targets", "GBF-TARGETS"),
}
KEPT_ONLY = ("aichiTargets",)
PREFETCH = (
    "organisations",
    "areas_benefited_parties",
    "areas_benefited_regions",
    "assistance_types",
    "primary_beneficiaries",
    "cbd_subjects",
    "gbf_targets",
)


def _identifiers(manager: Any, attribute: str) -> list[str]:
    return sorted(str(getattr(item, attribute)) for item in manager.all())


def offer_data(offer: Offer) -> OfferData:
    """The editable data of a stored offer, as the services take it."""
    return OfferData(
        primary_organisation=offer.primary_organisation_id,
        organisations=sorted(partner.pk for partner in offer.organisations.all()),
        title=offer.title,
        description=offer.description,
        eligibility=offer.eligibility,
        application_process=offer.application_process,
        potential_outcomes=offer.potential_outcomes,
        areas_benefited_parties=_identifiers(offer.areas_benefited_parties, "code"),
        areas_benefited_regions=_identifiers(offer.areas_benefited_regions, "identifier"),
        **{name: _identifiers(getattr(offer, name), "identifier") for name, _ in TERMS.values()},
        application_deadline=offer.application_deadline,
        start_date=offer.start_date,
        end_date=offer.end_date,
        working_languages=list(offer.working_languages),
        contact_name=offer.contact_name,
        contact_email=offer.contact_email,
        original_language=offer.original_language,
        chm_identifier=offer.chm_identifier,
    )


def read(reader: RecordReader) -> OfferData:
    """OfferData from a bbiOpportunity record."""
    texts: dict[str, Any] = {
        name: reader.text(key, required=key in REQUIRED_TEXTS) for key, name in TEXTS.items()
    }
    terms: dict[str, Any] = {
        name: reader.vocabulary_terms(key, vocabulary, required=key == "assistanceTypes")
        for key, (name, vocabulary) in TERMS.items()
    }
    primary = reader.organisation("primaryOrganization")
    parties, regions = reader.places("areasBenifited", required=True)
    for key in KEPT_ONLY:
        reader.keep_all(key)
    contact_name, contact_email = reader.contact()
    start_date, end_date = reader.date_range("startDate", "endDate")
    original, working = reader.languages(texts["title"])
    return OfferData(
        primary_organisation=primary,
        organisations=[pk for pk in reader.organisations("organizations") if pk != primary],
        areas_benefited_parties=parties,
        areas_benefited_regions=regions,
        application_deadline=reader.date("applicationDeadline"),
        start_date=start_date,
        end_date=end_date,
        contact_name=contact_name,
        contact_email=contact_email,
        working_languages=working,
        original_language=original,
        chm_identifier=reader.header.identifier,
        **texts,
        **terms,
    )


def write(writer: RecordWriter, data: OfferData) -> None:
    """The bbiOpportunity fields of an offer, in the CHM's order; ours under "tschub"."""
    writer.organisation("primaryOrganization", data.primary_organisation)
    writer.contact(data.contact_name, data.contact_email)
    writer.organisations("organizations", data.organisations)
    writer.text("title", data.title)
    writer.text("description", data.description)
    writer.places("areasBenifited", data.areas_benefited_parties, data.areas_benefited_regions)
    writer.terms("assistanceTypes", data.assistance_types)
    writer.text("eligibility", data.eligibility)
    writer.text("applicationProcess", data.application_process)
    writer.terms("primaryBeneficiaries", data.primary_beneficiaries)
    writer.text("potentialOutcomes", data.potential_outcomes)
    writer.date("applicationDeadline", data.application_deadline)
    writer.date("startDate", data.start_date)
    writer.date("endDate", data.end_date)
    writer.terms("cbdSubjects", data.cbd_subjects)
    writer.terms("gbfTargets", data.gbf_targets)
    writer.terms("aichiTargets", [])
    writer.own("workingLanguages", list(data.working_languages))
    writer.own("originalLanguage", data.original_language)


def _create(mapped: Mapped) -> Any:
    return create_offer(data=mapped.data, by=None)


def _update(record: Any, mapped: Mapped) -> Any:
    return update_offer(offer=record, data=mapped.data, expected_version=record.version, by=None)


OFFERS = SchemaMapping(
    name=OFFER,
    model=Offer,
    read=read,
    write=write,
    data_of=offer_data,
    create=_create,
    update=_update,
    prefetch=PREFETCH,
)
