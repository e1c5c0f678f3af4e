"""What a person gives to describe a profile or an offer, and the checks that turn it into values.

Every check adds its problems to one list, so a person learns about all of them at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import models
from django.utils.translation import gettext as _

from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.languages import UN_LANGUAGES, clean_multilingual
from tsc_hub.geography.models import Party, Region
from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

CBD_SUBJECTS = "CBD-SUBJECTS"
ASSISTANCE_TYPES = "ASSISTANCE-TYPES"
GBF_TARGETS = "GBF-TARGETS"
BENEFICIARY_TYPES = "BENEFICIARY-TYPES"
MAX_CAPACITY = 1000


@dataclass
class ProfileData:
    """A provider profile as given (identifiers, not objects); CHM `bbiProfile` fields."""

    organisation: int
    title: dict[str, str]
    cbd_subjects: list[str]
    assistance_types: list[str]
    coverage_parties: list[str] = field(default_factory=list)
    coverage_regions: list[str] = field(default_factory=list)
    assistance_types_free: dict[str, str] = field(default_factory=dict)
    expertise: dict[str, str] = field(default_factory=dict)
    collaboration_areas: dict[str, str] = field(default_factory=dict)
    working_languages: list[str] = field(default_factory=list)
    capacity: int = 1
    gbf_targets: list[str] = field(default_factory=list)
    contact_name: str = ""
    contact_email: str = ""
    original_language: str = "en"
    chm_identifier: str | None = None


@dataclass
class OfferData:
    """An offer as given (identifiers, not objects); CHM `bbiOpportunity` fields."""

    primary_organisation: int
    title: dict[str, str]
    description: dict[str, str]
    eligibility: dict[str, str]
    application_process: dict[str, str]
    assistance_types: list[str]
    areas_benefited_parties: list[str] = field(default_factory=list)
    areas_benefited_regions: list[str] = field(default_factory=list)
    organisations: list[int] = field(default_factory=list)
    primary_beneficiaries: list[str] = field(default_factory=list)
    potential_outcomes: dict[str, str] = field(default_factory=dict)
    application_deadline: datetime.date | None = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    cbd_subjects: list[str] = field(default_factory=list)
    gbf_targets: list[str] = field(default_factory=list)
    working_languages: list[str] = field(default_factory=list)
    contact_name: str = ""
    contact_email: str = ""
    original_language: str = "en"
    chm_identifier: str | None = None


@dataclass
class Checked:
    """Values ready to write: model fields, and many-to-many fields with their objects."""

    values: dict[str, Any] = field(default_factory=dict)
    relations: dict[str, list[Any]] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)

    def problem(self, name: str, message: str) -> None:
        self.problems.setdefault(name, []).append(message)

    def texts(self, name: str, value: Any, *, required: bool = False) -> None:
        try:
            self.values[name] = clean_multilingual(value, required=required)
        except ValueError as error:
            self.problem(name, str(error))

    def terms(
        self, name: str, vocabulary: str, identifiers: list[str], *, least: int = 0, most: int = 0
    ) -> None:
        wanted = {identifier.strip() for identifier in identifiers if identifier.strip()}
        found = list(Term.objects.in_vocabulary(vocabulary).filter(identifier__in=wanted))
        self.relations[name] = found
        if len(found) != len(wanted):
            known = {term.identifier for term in found}
            self.problem(name, _("Not known: %(values)s.") % {"values": ", ".join(sorted(wanted - known))})
        if least and len(wanted) < least:
            self.problem(name, _("Choose at least %(count)s.") % {"count": least})
        if most and len(wanted) > most:
            self.problem(name, _("Choose at most %(count)s.") % {"count": most})

    def coverage(self, parties_name: str, regions_name: str, codes: list[str], regions: list[str]) -> None:
        wanted_codes = {code.strip().lower() for code in codes if code.strip()}
        wanted_regions = {identifier.strip() for identifier in regions if identifier.strip()}
        self.relations[parties_name] = list(Party.objects.filter(code__in=wanted_codes))
        self.relations[regions_name] = list(Region.objects.filter(identifier__in=wanted_regions))
        if len(self.relations[parties_name]) != len(wanted_codes):
            self.problem(parties_name, _("Some Parties are not known."))
        if len(self.relations[regions_name]) != len(wanted_regions):
            self.problem(regions_name, _("Some regions are not known."))
        if not wanted_codes and not wanted_regions:
            self.problem(parties_name, _("Name at least one Party or one region covered."))

    def languages(self, working: list[str], original: str, title_name: str) -> None:
        unknown = [code for code in working if code not in UN_LANGUAGES]
        if unknown:
            self.problem(
                "working_languages", _("Not UN languages: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        self.values["working_languages"] = [code for code in UN_LANGUAGES if code in working]
        if original not in UN_LANGUAGES:
            self.problem("original_language", _("Choose one of the six UN languages."))
        elif title_name in self.values and original not in self.values[title_name]:
            self.problem(title_name, _("Give the title in the original language of the record."))
        self.values["original_language"] = original

    def contact(self, name: str, email: str) -> None:
        self.values["contact_name"] = name.strip()[:200]
        self.values["contact_email"] = email.strip()
        if not self.values["contact_name"]:
            self.problem("contact_name", _("Give the name of a contact person."))
        try:
            EmailValidator()(self.values["contact_email"])
        except ValidationError:
            self.problem("contact_email", _("Give the contact's e-mail address."))

    def organisation(self, name: str, organisation_id: int) -> None:
        self.values[name] = Organisation.objects.select_related("country").filter(pk=organisation_id).first()
        if self.values[name] is None:
            self.problem(name, _("Choose an organisation from the directory."))

    def chm_identifier(self, model: type[models.Model], value: str | None, instance: Any) -> None:
        if value is None:
            return
        cleaned = value.strip() or None
        taken = model._default_manager.filter(chm_identifier=cleaned).exclude(
            pk=getattr(instance, "pk", None)
        )
        if cleaned and taken.exists():
            self.problem("chm_identifier", _("Another record already has this CHM identifier."))
        self.values["chm_identifier"] = cleaned

    def raise_if_any(self, message: str) -> None:
        if self.problems:
            raise InvalidInput(message, fields=self.problems)


def check_profile(data: ProfileData, instance: Any = None) -> Checked:
    """Validate every field of a profile; InvalidInput lists all problems."""
    checked = Checked()
    checked.organisation("organisation", data.organisation)
    checked.texts("title", data.title, required=True)
    for name in ("assistance_types_free", "expertise", "collaboration_areas"):
        checked.texts(name, getattr(data, name))
    checked.languages(data.working_languages, data.original_language, "title")
    checked.coverage("coverage_parties", "coverage_regions", data.coverage_parties, data.coverage_regions)
    checked.terms("cbd_subjects", CBD_SUBJECTS, data.cbd_subjects, least=1, most=3)
    checked.terms("assistance_types", ASSISTANCE_TYPES, data.assistance_types, least=1, most=3)
    checked.terms("gbf_targets", GBF_TARGETS, data.gbf_targets)
    if not isinstance(data.capacity, int) or not 1 <= data.capacity <= MAX_CAPACITY:
        checked.problem("capacity", _("Give a whole number from 1 to %(most)s.") % {"most": MAX_CAPACITY})
    checked.values["capacity"] = data.capacity
    checked.contact(data.contact_name, data.contact_email)
    checked.chm_identifier(ProviderProfile, data.chm_identifier, instance)
    checked.raise_if_any(_("The provider profile could not be saved; check the fields marked."))
    return checked


def _check_offer_dates(checked: Checked, data: OfferData) -> None:
    checked.values["application_deadline"] = data.application_deadline
    checked.values["start_date"] = data.start_date
    checked.values["end_date"] = data.end_date
    if data.start_date and data.end_date and data.end_date < data.start_date:
        checked.problem("end_date", _("The end date cannot be before the start date."))


def _check_partners(checked: Checked, data: OfferData) -> None:
    wanted = set(data.organisations) - {data.primary_organisation}
    checked.relations["organisations"] = list(Organisation.objects.filter(pk__in=wanted))
    if len(checked.relations["organisations"]) != len(wanted):
        checked.problem("organisations", _("Some partner organisations are not known."))


def check_offer(data: OfferData, instance: Any = None) -> Checked:
    """Validate every field of an offer; InvalidInput lists all problems."""
    checked = Checked()
    checked.organisation("primary_organisation", data.primary_organisation)
    _check_partners(checked, data)
    for name in ("title", "description", "eligibility", "application_process"):
        checked.texts(name, getattr(data, name), required=True)
    checked.texts("potential_outcomes", data.potential_outcomes)
    checked.languages(data.working_languages, data.original_language, "title")
    checked.coverage(
        "areas_benefited_parties",
        "areas_benefited_regions",
        data.areas_benefited_parties,
        data.areas_benefited_regions,
    )
    checked.terms("assistance_types", ASSISTANCE_TYPES, data.assistance_types, least=1, most=3)
    checked.terms("primary_beneficiaries", BENEFICIARY_TYPES, data.primary_beneficiaries)
    checked.terms("cbd_subjects", CBD_SUBJECTS, data.cbd_subjects)
    checked.terms("gbf_targets", GBF_TARGETS, data.gbf_targets)
    _check_offer_dates(checked, data)
    checked.contact(data.contact_name, data.contact_email)
    checked.chm_identifier(Offer, data.chm_identifier, instance)
    checked.raise_if_any(_("The offer could not be saved; check the fields marked."))
    return checked
