"""Exchanging records with the CBD Clearing-House (CHM): the format tsc-hub reads and writes.

Commands
--------
``tsc-hub chm import FILE [--organisation PK] [--skip-invalid]``
``tsc-hub chm export --schema SCHEMA [--identifier ID ...] [--output FILE] [--format lines|array]``, SCHEMA
one of bbiRequest, bbiOpportunity, bbiProfile, resource, capacityBuildingInitiative, organization
``tsc-hub chm link-organisation CHM_IDENTIFIER PK``
CHM thesaurus files (lists of terms, such as the GBF targets) are read by ``tsc-hub vocab import-chm FILE
--vocabulary ID``; ``chm import`` refuses them and says so.

Files
-----
A file is a JSON array of records, a single JSON record, or JSON Lines (one record per line); it may mix
schemas. In JSON Lines a record's number is its line number; in an array, its position (from 1). Export
writes JSON Lines by default (``--format array`` for an indented array), records ordered by id, keys in a
fixed order: ``header`` first, then the CHM fields in the order the CHM lists them, then ``tschub``. Empty
fields are left out; term lists are sorted by identifier; texts are in UN language order.

Records
-------
Every record has ``header: {identifier, schema, languages}``. ``header.identifier`` is the record's
``chm_identifier``; export gives a record without one ``tsc-<schema>-<pk>`` and stores it, so later exports
name it the same. Organisations have no ``chm_identifier``: an ``organization`` record is named like any
reference to it (see Organisations). ``header.languages`` is written as the languages the record's texts
are in.

Building blocks: texts are lstrings ``{"en": ..., "fr": ...}`` (only ar, en, es, fr, ru, zh); terms are
``{"identifier": ...}`` with an optional ``customValue`` lstring (the "Other" term
``5B6177DD-5E5E-434E-8CB7-D63D67D5EBED``); dates are ``YYYY-MM-DD`` (a timestamp is read by its date).
Countries are lowercase ISO codes of Parties; regions are the CHM region GUIDs. Links are
``{url, name, language}``; a link to a file on the CHM given as a path (``/api/v2013/...``) is read as
``https://api.cbd.int/api/v2013/...``. Where the CHM has an lstring and tsc-hub one text (authors, rights,
acronym, city, each tag), import keeps the text in the record's original language (else the first there
is; a warning says when the languages differed) and export writes it in the original language.

Field by field (CHM field → ours)
- bbiRequest → AssistanceRequest: organization, contact, country (a Party), coverage (Parties and
  regions), title, problem, typesDetails, addressedPriorities, objectives, existingInitiatives,
  coFinancing (lstrings), assistanceTypes (ASSISTANCE-TYPES), cbdSubjects, gbfTargets, beneficiaryTypes
  (BENEFICIARY-TYPES), jurisdiction (JURISDICTIONS), startDate, endDate. ``tschub``: urgency, visibility,
  involvesTraditionalKnowledge, nationalPriorityReference, workingLanguages, originalLanguage, state.
- bbiOpportunity → Offer: primaryOrganization, organizations (partners), contact, title, description,
  areasBenifited (the CHM's spelling; Parties and regions), assistanceTypes, eligibility,
  applicationProcess, primaryBeneficiaries, potentialOutcomes, applicationDeadline, startDate, endDate,
  cbdSubjects, gbfTargets. ``tschub``: workingLanguages, originalLanguage, state.
- bbiProfile → ProviderProfile: title, coverageAreas, cbdSubjects, assistanceTypes, assistanceTypesFree,
  suggestedExpertise (our expertise), collaborationAreas, organization, contact. ``tschub``: capacity,
  gbfTargets (the CHM profile has none), workingLanguages, originalLanguage, state.
- resource → Resource (knowledge hub): title, summary (lstrings), resourceTypes (→ kind, see Resource
  kinds), authors (an lstring of names separated by ";" or line ends ↔ our list of names), organizations
  (→ organisations; the owner is written among them), publicationDate (a year "2024" or a month "2024-12"
  is read as its first day, with a warning), rights, resourceLinks (↔ links; the languages of the links
  are the resource's languages unless ``tschub`` says others), countryRegions (Parties and regions),
  gbfTargets, cbdSubjects, tags (↔ keywords). ``tschub``: kind, startDate, endDate, deadline, owner (a
  reference), resourceLanguages (when the links do not say them), authors (when the joined text would not
  give the names back), originalLanguage, provenance {source, originalIdentifier, harvestedFrom,
  harvestedAt}, state.
- capacityBuildingInitiative → Resource of kind ``capacity_initiative``: title, description (our summary),
  projectDocument (links), implementingAgencies and executingAgencies (→ organisations; tsc-hub keeps no
  role, so export writes them all, the owner too, as implementingAgencies; a warning says so),
  countryRegions, startDate, endDate, cbdSubjects, gbfTargets, tags. ``tschub``: authors, publicationDate,
  rights, deadline, owner, resourceLanguages, originalLanguage, provenance, state.
- organization → Organisation: name, acronym, city, country (a Party), emails, websites (their addresses),
  organizationType (ORGANIZATION-TYPES; an unknown type fails the record), gbfTargets, operationalLanguages
  (``lang-fr`` ↔ fr; UN languages only), operationalRegions (regions), profile (our description).
  ``tschub``: originalLanguage. The organisations services write them (an update as the system).

Resource kinds
--------------
``tschub.kind`` says it when present (a ``resource`` may not be a ``capacity_initiative``: that is a
``capacityBuildingInitiative``). Otherwise the first resource type whose English label (from the
RESOURCE-TYPES vocabulary: load the CHM thesaurus domain A762DF7E-B8D1-40D6-9DAC-D25E48C65528 with ``tsc-hub
vocab import-chm FILE --vocabulary RESOURCE-TYPES``) or customValue names a kind decides: "case stud(y|ies)",
"success stor(y|ies)" → case_study, "best/good practice", "lessons learned" → best_practice, "training",
"course", "e-learning" → training, "event", "fair", "webinar", "conference" → event, "funding", "grant",
"call for proposals" → funding, "dataset", "database" → dataset, "incubator", "accelerator" → incubator,
"network", "centre of excellence" → network, "technology", "tool" → technology, "national capacity" →
national_capacity_plan, "thematic action plan" → thematic_action_plan; "publication", "report",
"guidelines", "manual", "toolkit"... → publication. A resource whose types name no kind is a publication,
with a warning. Every ``resourceTypes`` term is kept as it came and written back.

tsc-hub's own fields
--------------------
No CHM schema has them, so they travel under the namespaced key ``"tschub"``; with it, export → import gives
back every field the services store. Without it (a record from the CHM itself): urgency normal, visibility
public, no traditional knowledge, working languages = ``header.languages``, original language = the first
header language the title (an organisation's name) is written in (else the first UN language it is in),
and for requests the national priority reference is the first line of ``addressedPriorities`` (a warning
says so); a resource or initiative without ``tschub.provenance`` comes from the CHM: source ``chm``, original
identifier = ``header.identifier``, harvested now, and no owner. An import made by a harvest
(``import_records(provenance=...)``) gives every resource and initiative the harvest's provenance instead,
whatever ``tschub.provenance`` says: source = the harvest source's name, original identifier =
``header.identifier``, harvested from its address, at the start of the run.
``tschub.state`` is written for information only: **import never moves a record along its workflow**. New
requests, offers and profiles are created as drafts by the system (``by=None``); new resources and
initiatives are published at once (the CHM's records are public already; ``save_imported_resource(...,
publish=True)``). Existing records keep their state, and a record that may no longer be edited (e.g. an
accepted request) fails if the file changes it.

Organisations
-------------
The CHM refers to organisation records by identifier (``{"identifier": "GUID@revision"}``). Import looks
the GUID up (revision ignored, case ignored) in the links kept in ``chm.ExternalReference`` (kind
``organisation``; add one with ``tsc-hub chm link-organisation GUID PK``), then reads our own
``tsc-org-<pk>``. Export writes an organisation's oldest link (without revision), else ``tsc-org-<pk>``.
An ``organization`` record is the organisation its identifier names that way: it updates that organisation,
else creates one and links the identifier to it. The ``organization`` records of a file are written first, so
the other records of the same file may name them. An organisation known under another identifier is not
recognised: link it first, or the import creates a second one.
An unknown primary organisation (``organization`` of requests and profiles, ``primaryOrganization`` of
offers) fails the record with a message naming it, unless ``--organisation PK`` is given: then the record is
filed under that organisation, with a warning, and no link is made (a fallback is not an identity). Unknown
partner references (``organizations`` of offers and resources, the agencies of initiatives, ``tschub.owner``)
are kept like unknown terms; for resources and initiatives a warning names each.

Contacts
--------
tsc-hub keeps a contact person's name and e-mail, not a CHM contact record. Export writes
``"contact": {"identifier": <the CHM contact record, if one came>, "name": ..., "email": ...}``; import
needs ``name`` and ``email`` in that object and keeps its ``identifier`` for the next export. The
``contacts`` references of initiatives and organisations are kept as they came.

Values tsc-hub does not know
----------------------------
Unknown vocabulary identifiers, countries that are not Parties, unknown region GUIDs, any term with a
``customValue`` (the "Other" term), the term and reference fields we do not model (``aichiTargets``,
``otherGovernments``, ``resourceTypes``; of initiatives ``geographicScope``, ``status``, ``activityScope``,
``contacts``, ``categories``, ``targetGroups``, funding sources...; of organisations ``contacts``,
``linkedOrganizations``, ``thematicAreas``...), unknown partner references, the contact record identifier
and the plain value ``totalBudget`` of initiatives are kept in ``chm.UnknownTerm`` (record type, record id,
CHM field, identifier, customValue) and written back in their field on export. Other fields we do not model
(``websites`` of requests, ``publisher``, ``phones``, ``durationPeriod``...) are not kept; the import report
names them.

Import
------
Every record is read and checked first (schema known, ``header.identifier`` present and not repeated,
required fields, language keys, dates, ``endDate`` not before ``startDate``, organisations resolvable); all
problems are reported by file, record number (in JSON Lines, the line) and identifier, field by field. Then
records are written in ONE transaction: upsert by ``header.identifier`` (an existing record is updated
through the update service, else created), and a record whose content is already stored is "unchanged" and
not written (the time a resource was harvested is not content). If any record fails, nothing is written,
unless ``--skip-invalid`` is given: then each record is written in its own savepoint, good records are kept
and the bad ones are reported as skipped. Importing the same file twice creates nothing the second time. The
services audit each write; ``chm_import`` events record what the import did to each record.
"""

from __future__ import annotations

from typing import Any

from tsc_hub.chm.mapping.common import Mapped, RecordInvalid, SchemaMapping
from tsc_hub.chm.mapping.initiatives import INITIATIVES
from tsc_hub.chm.mapping.offers import OFFERS
from tsc_hub.chm.mapping.organizations import ORGANIZATIONS
from tsc_hub.chm.mapping.profiles import PROFILES
from tsc_hub.chm.mapping.reading import RecordReader, Resolver, read_header
from tsc_hub.chm.mapping.requests import REQUESTS
from tsc_hub.chm.mapping.resources import RESOURCES
from tsc_hub.chm.mapping.writing import ExportContext, RecordWriter

SCHEMAS: dict[str, SchemaMapping] = {
    mapping.name: mapping for mapping in (REQUESTS, OFFERS, PROFILES, RESOURCES, INITIATIVES, ORGANIZATIONS)
}

__all__ = [
    "SCHEMAS",
    "ExportContext",
    "Mapped",
    "RecordInvalid",
    "Resolver",
    "read_record",
    "write_record",
]


def read_record(raw: Any, resolver: Resolver) -> Mapped:
    """A CHM record read into a service data class, or RecordInvalid with all its problems."""
    if not isinstance(raw, dict):
        raise RecordInvalid(["expected a JSON object"])
    header = read_header(raw, tuple(SCHEMAS))
    mapping = SCHEMAS.get(header.schema)
    if mapping is None:
        raise RecordInvalid(header.problems)
    reader = RecordReader(raw, header, resolver)
    data = mapping.read(reader)
    reader.own("state", str, None)  # for information only: import never changes a workflow state
    return reader.finish(data)


def write_record(mapping: SchemaMapping, record: Any, context: ExportContext) -> dict[str, Any]:
    """The CHM record of one of our records (which must have a chm_identifier, if its schema keeps one)."""
    identifier = (
        record.chm_identifier if mapping.identifier_of is None else mapping.identifier_of(record, context)
    )
    writer = RecordWriter(
        schema=mapping.name, identifier=identifier, kept=context.kept.get(record.pk, []), context=context
    )
    mapping.write(writer, mapping.data_of(record))
    state = getattr(record, "state", None)
    if state is not None:
        writer.own("state", str(state))
    return writer.finish()
