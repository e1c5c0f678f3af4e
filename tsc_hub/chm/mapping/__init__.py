"""Exchanging records with the CBD Clearing-House (CHM): the format tsc-hub reads and writes.

Commands
--------
``tsc-hub chm import FILE [--organisation PK] [--skip-invalid]``
``tsc-hub chm export --schema bbiRequest|bbiOpportunity|bbiProfile [--identifier ID ...] [--output FILE]
[--format lines|array]``
``tsc-hub chm link-organisation CHM_IDENTIFIER PK``

Files
-----
A file is a JSON array of records, a single JSON record, or JSON Lines (one record per line). In JSON Lines a
record's number is its line number; in an array, its position (from 1). Export writes JSON Lines by default
(``--format array`` for an indented array), records ordered by id, keys in a fixed order: ``header`` first,
then the CHM fields in the order the CHM lists them, then ``tschub``. Empty fields are left out; term lists
are sorted by identifier; texts are in UN language order.

Records
-------
Every record has ``header: {identifier, schema, languages}``. ``header.identifier`` is the record's
``chm_identifier``; export gives a record without one ``tsc-<schema>-<pk>`` and stores it, so later exports
name it the same. ``header.languages`` is written as the languages the record's texts are in.

Building blocks: texts are lstrings ``{"en": ..., "fr": ...}`` (only ar, en, es, fr, ru, zh); terms are
``{"identifier": ...}`` with an optional ``customValue`` lstring (the "Other" term
``5B6177DD-5E5E-434E-8CB7-D63D67D5EBED``); dates are ``YYYY-MM-DD`` (a timestamp is read by its date).
Countries are lowercase ISO codes of Parties; regions are the CHM region GUIDs.

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

tsc-hub's own fields
--------------------
No CHM schema has them, so they travel under the namespaced key ``"tschub"``; with it, export → import gives
back every field the services store. Without it (a record from the CHM itself): urgency normal, visibility
public, no traditional knowledge, working languages = ``header.languages``, original language = the first
header language the title is written in (else the first UN language it is in), and for requests the
national priority reference is the first line of ``addressedPriorities`` (a warning says so).
``tschub.state`` is written for information only: **import never moves a record along its workflow**. New
records are created as drafts by the system (``by=None``); existing ones keep their state, and a record that
may no longer be edited (e.g. an accepted request) fails if the file changes it.

Organisations
-------------
The CHM refers to organisation records by identifier (``{"identifier": "GUID@revision"}``). Import looks
the GUID up (revision ignored, case ignored) in the links kept in ``chm.ExternalReference`` (kind
``organisation``; add one with ``tsc-hub chm link-organisation GUID PK``), then reads our own
``tsc-org-<pk>``. Export writes an organisation's oldest link (without revision), else ``tsc-org-<pk>``.
An unknown primary organisation (``organization`` of requests and profiles, ``primaryOrganization`` of
offers) fails the record with a message naming it, unless ``--organisation PK`` is given: then the record is
filed under that organisation, with a warning, and no link is made (a fallback is not an identity). Unknown
partner references (``organizations``) are kept like unknown terms.

Contacts
--------
tsc-hub keeps a contact person's name and e-mail, not a CHM contact record. Export writes
``"contact": {"identifier": <the CHM contact record, if one came>, "name": ..., "email": ...}``; import
needs ``name`` and ``email`` in that object and keeps its ``identifier`` for the next export.

Values tsc-hub does not know
----------------------------
Unknown vocabulary identifiers, countries that are not Parties, unknown region GUIDs, any term with a
``customValue`` (the "Other" term), the term fields we do not model (``aichiTargets``, ``otherGovernments``),
unknown partner references and the contact record identifier are kept in ``chm.UnknownTerm`` (record type,
record id, CHM field, identifier, customValue) and written back in their field on export. Other fields we
do not model (``websites``...) are not kept; the import report names them.

Import
------
Every record is read and checked first (schema known, ``header.identifier`` present and not repeated,
required fields, language keys, dates, ``endDate`` not before ``startDate``, organisations resolvable); all
problems are reported by record number and identifier. Then records are written in ONE transaction:
upsert by ``header.identifier`` (an existing ``chm_identifier`` is updated through the update service with
its current version, else created), and a record whose content is already stored is "unchanged" and not
written. If any record fails, nothing is written, unless ``--skip-invalid`` is given: then each record is
written in its own savepoint, good records are kept and the bad ones are reported as skipped. Importing the
same file twice creates nothing the second time. The services audit each write; ``chm_import`` events record
what the import did to each record.
"""

from __future__ import annotations

from typing import Any

from tsc_hub.chm.mapping.common import Mapped, RecordInvalid, SchemaMapping
from tsc_hub.chm.mapping.offers import OFFERS
from tsc_hub.chm.mapping.profiles import PROFILES
from tsc_hub.chm.mapping.reading import RecordReader, Resolver, read_header
from tsc_hub.chm.mapping.requests import REQUESTS
from tsc_hub.chm.mapping.writing import ExportContext, RecordWriter

SCHEMAS: dict[str, SchemaMapping] = {mapping.name: mapping for mapping in (REQUESTS, OFFERS, PROFILES)}

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
    """The CHM record of one of our records (which must have a chm_identifier)."""
    writer = RecordWriter(
        schema=mapping.name,
        identifier=record.chm_identifier,
        kept=context.kept.get(record.pk, []),
        context=context,
    )
    mapping.write(writer, mapping.data_of(record))
    writer.own("state", str(record.state))
    return writer.finish()
