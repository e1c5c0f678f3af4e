"""Writes of the CHM exchange: importing and exporting records, linking CHM organisations to ours.

They act as the system (`by=None` in the services they call): they are run from the command line by an
operator. The format and the rules are described in `tsc_hub.chm.mapping`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.db.models import Q

from tsc_hub.chm.files import Entry, read_records
from tsc_hub.chm.mapping import (
    SCHEMAS,
    ExportContext,
    Mapped,
    RecordInvalid,
    Resolver,
    read_record,
    write_record,
)
from tsc_hub.chm.mapping.common import ORGANIZATION, HarvestProvenance, SchemaMapping, base_identifier
from tsc_hub.chm.mapping.writing import kept_terms_of
from tsc_hub.chm.models import ExternalReference, ReferenceKind, UnknownTerm
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import DomainError, InvalidInput
from tsc_hub.organisations.models import Organisation

Progress = Callable[[int, int], None]
"""Called after each record with (records done, records in all)."""

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class ImportReport:
    """What an import did: record labels created, updated, unchanged; skipped ones with their reasons."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: "created N, updated N, unchanged N, skipped N"."""
        return (
            f"created {len(self.created)}, updated {len(self.updated)}, "
            f"unchanged {len(self.unchanged)}, skipped {len(self.skipped)}"
        )


@dataclass(frozen=True)
class ExportResult:
    """The records exported, and how many were given a new chm_identifier on the way."""

    records: list[dict[str, Any]]
    identifiers_assigned: int = 0


@dataclass
class _Item:
    """A record of the file on its way in: its label for messages, what it says, what is wrong with it."""

    label: str
    raw: Any = None
    mapped: Mapped | None = None
    problems: list[str] = field(default_factory=list)


# Import.


def import_records(
    *,
    path: str | Path,
    fallback_organisation: int | None = None,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    provenance: HarvestProvenance | None = None,
) -> ImportReport:
    """Import a file of CHM records of any of the SCHEMAS, upserting by header.identifier.

    Every record is checked before anything is written; then all are written in one transaction,
    `organization` records first, so that the other records of the file may name them. Any problem raises
    InvalidInput naming every bad record and writes nothing, unless `skip_invalid`: then the good records
    are written and the bad ones reported as skipped. A harvest gives its `provenance`: the resources and
    initiatives it imports keep it (source, harvested from, harvested at; header.identifier as the original
    identifier) in place of the one they carry.
    """
    name = Path(path).name
    entries = read_records(path)
    _refuse_thesaurus(name, entries)
    _check_organisation_exists(fallback_organisation)
    resolver = Resolver(fallback_organisation=fallback_organisation, provenance=provenance)
    items = _read_all(entries, resolver)
    failures = [item for item in items if item.problems]
    if failures and not skip_invalid:
        raise _problems_error(name, failures)
    report = ImportReport()
    ready = [item for item in items if item.mapped]
    organisations = [item for item in ready if item.mapped and item.mapped.schema == ORGANIZATION]
    others = [item for item in ready if item.mapped and item.mapped.schema != ORGANIZATION]
    counter = _Counter(len(ready), progress)
    with transaction.atomic():
        failures += _write_all(organisations, report, counter)
        if resolver.placeholders_used:  # records naming organisations of the file: read them again
            rereader = Resolver(fallback_organisation=fallback_organisation, provenance=provenance)
            failures += [item for item in others if not _reread(item, rereader)]
            others = [item for item in others if item.mapped]
        failures += _write_all(others, report, counter)
        if failures and not skip_invalid:
            raise _problems_error(name, failures)
    report.skipped = [(item.label, "; ".join(item.problems)) for item in failures]
    return report


class _Counter:
    """Progress over the records written, whatever group they are written in."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.done, self.total, self.progress = 0, total, progress

    def step(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def _reread(item: _Item, resolver: Resolver) -> bool:
    """Read a record again, now that the organisations of its file are written; False if it fails now."""
    try:
        item.mapped = read_record(item.raw, resolver)
    except RecordInvalid as invalid:
        item.problems.extend(invalid.problems)
        item.mapped = None
        return False
    return True


def _is_term(raw: Any) -> bool:
    """A CHM thesaurus term ({termId, identifier, title...}), or a group of term labels by domain."""
    if not isinstance(raw, dict) or "header" in raw:
        return False
    if "identifier" in raw and ("termId" in raw or "title" in raw or "name" in raw):
        return True
    return any(
        isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values())
        for value in raw.values()
    )


def _refuse_thesaurus(name: str, entries: list[Entry]) -> None:
    """A thesaurus terms file holds no records: say which command reads it."""
    if entries and all(_is_term(entry.raw) for entry in entries):
        message = (
            f"{name} holds CHM thesaurus terms, not records; nothing was imported. Import them with "
            f"`tsc-hub vocab import-chm {name} --vocabulary ID`."
        )
        raise InvalidInput(message, fields={"file": [message]})


def _check_organisation_exists(pk: int | None) -> None:
    if pk is not None and not Organisation.objects.filter(pk=pk).exists():
        message = f"--organisation: there is no organisation {pk}."
        raise InvalidInput(message, fields={"organisation": [message]})


def _label(entry: Entry) -> str:
    header = entry.raw.get("header") if isinstance(entry.raw, dict) else None
    identifier = header.get("identifier") if isinstance(header, dict) else None
    if isinstance(identifier, str) and identifier.strip():
        return f"record {entry.number} ({identifier.strip()})"
    return f"record {entry.number}"


def _header(raw: Any) -> dict[str, Any]:
    header = raw.get("header") if isinstance(raw, dict) else None
    return header if isinstance(header, dict) else {}


def _read_all(entries: list[Entry], resolver: Resolver) -> list[_Item]:
    """Every record read and checked; a header.identifier repeated in the file is a problem."""
    resolver.expect_organisations(
        str(_header(entry.raw).get("identifier"))
        for entry in entries
        if _header(entry.raw).get("schema") == ORGANIZATION
        and isinstance(_header(entry.raw).get("identifier"), str)
    )
    items: list[_Item] = []
    seen: dict[tuple[str, str], str] = {}
    for entry in entries:
        item = _Item(_label(entry), raw=entry.raw)
        items.append(item)
        if entry.problem:
            item.problems.append(entry.problem)
            continue
        try:
            item.mapped = read_record(entry.raw, resolver)
        except RecordInvalid as invalid:
            item.problems.extend(invalid.problems)
            continue
        # Schemas sharing a model (resource, capacityBuildingInitiative) share its identifiers.
        key = (SCHEMAS[item.mapped.schema].model._meta.label, item.mapped.identifier)
        if key in seen:
            item.problems.append(f"header.identifier: already used by {seen[key]}")
            item.mapped = None
        seen.setdefault(key, item.label)
    return items


def _problems_error(name: str, failures: list[_Item]) -> InvalidInput:
    lines = [f"{item.label}: {problem}" for item in failures for problem in item.problems]
    message = (
        f"{name}: the file cannot be imported; nothing was written. {len(lines)} problem(s) "
        f"in {len(failures)} record(s):\n" + "\n".join(f"  {line}" for line in lines)
    )
    return InvalidInput(message, fields={item.label: item.problems for item in failures})


def _write_all(items: list[_Item], report: ImportReport, counter: _Counter) -> list[_Item]:
    """Write each record in its own savepoint; the records the services refused, with why."""
    refused: list[_Item] = []
    for item in items:
        assert item.mapped is not None
        try:
            with transaction.atomic():
                outcome = _write(item.mapped)
        except DomainError as error:
            item.problems.extend(_describe(error))
            refused.append(item)
        else:
            getattr(report, outcome).append(item.label)
            report.warnings.extend(f"{item.label}: {warning}" for warning in item.mapped.warnings)
        counter.step()
    return refused


def _describe(error: DomainError) -> list[str]:
    details = [f"{name}: {message}" for name, messages in error.fields.items() for message in messages]
    return [str(error.message), *details]


def _write(mapped: Mapped) -> str:
    """Create or update one record through its services; "unchanged" when it already says the same."""
    mapping = SCHEMAS[mapped.schema]
    record = mapping.stored(mapped.identifier)
    if record is None:
        record, outcome = mapping.create(mapped), CREATED
        if mapping.created is not None:
            mapping.created(record, mapped)
    else:
        stored = mapping.data_of(record)
        kept = kept_terms_of(mapped.schema, [record.pk]).get(record.pk, [])
        if mapped.same_content(stored, kept, mapping.comparable):
            return UNCHANGED
        if mapping.comparable(mapped.data) != mapping.comparable(stored):
            record = mapping.update(record, mapped)
        outcome = UPDATED
    _keep_terms(mapped, record)
    changes = {"identifier": mapped.identifier, "outcome": outcome, "kept": [str(t) for t in mapped.kept]}
    record_event(actor=None, action="chm_import", target=record, changes=changes)
    return outcome


def _keep_terms(mapped: Mapped, record: models.Model) -> None:
    """Replace the kept terms of a record (under any schema of its model: a record may change schema)."""
    model = SCHEMAS[mapped.schema].model
    schemas = [name for name, mapping in SCHEMAS.items() if mapping.model is model]
    UnknownTerm.objects.filter(record_type__in=schemas, record_id=record.pk).delete()
    UnknownTerm.objects.bulk_create(
        UnknownTerm(
            record_type=mapped.schema,
            record_id=record.pk,
            field=term.field,
            identifier=term.identifier,
            custom_value=term.custom_dict(),
        )
        for term in mapped.kept
    )


# Export.


def export_records(
    *, schema: str, identifiers: Sequence[str] = (), progress: Progress | None = None
) -> ExportResult:
    """The CHM records of one schema (all, or those with the given identifiers), ordered by id.

    Exporting all records first gives those without a chm_identifier one ("tsc-<schema>-<pk>"), stored
    (organisations are named by their link to the CHM, else "tsc-org-<pk>": they need none).
    """
    mapping = SCHEMAS.get(schema)
    if mapping is None:
        message = f"--schema: “{schema}” is not one of {', '.join(SCHEMAS)}."
        raise InvalidInput(message, fields={"schema": [message]})
    assigned = (
        0 if identifiers or not mapping.keeps_chm_identifier else assign_chm_identifiers(mapping=mapping)
    )
    queryset = mapping.queryset().order_by("pk").prefetch_related(*mapping.prefetch)
    missing: list[str] = []
    if identifiers and mapping.keeps_chm_identifier:
        queryset = queryset.filter(chm_identifier__in=identifiers)
        found = set(queryset.values_list("chm_identifier", flat=True))
        missing = sorted(set(identifiers) - found)
    elif identifiers:
        named = {identifier: mapping.stored(identifier) for identifier in identifiers}
        missing = sorted(identifier for identifier, record in named.items() if record is None)
        queryset = queryset.filter(pk__in=[record.pk for record in named.values() if record is not None])
    records: list[Any] = list(queryset)
    if missing:
        message = f"No {schema} record has the identifier {', '.join(missing)}."
        raise InvalidInput(message, fields={"identifier": [message]})
    context = ExportContext(schema, [record.pk for record in records])
    written = []
    for done, record in enumerate(records, start=1):
        written.append(write_record(mapping, record, context))
        if progress is not None:
            progress(done, len(records))
    return ExportResult(records=written, identifiers_assigned=assigned)


@transaction.atomic
def assign_chm_identifiers(*, mapping: SchemaMapping) -> int:
    """Give each record of a schema without a chm_identifier "tsc-<schema>-<pk>"; how many were given.

    It sets only that column: the content and its version do not change (a record past editing gets one too).
    """
    manager = mapping.model._default_manager
    missing = Q(chm_identifier__isnull=True) | Q(chm_identifier="")
    records = list(mapping.queryset().select_for_update().filter(missing).order_by("pk"))
    for record in records:
        identifier = candidate = f"tsc-{mapping.name}-{record.pk}"
        suffix = 1
        while manager.filter(chm_identifier=identifier).exists():  # taken by an imported record
            suffix += 1
            identifier = f"{candidate}-{suffix}"
        manager.filter(pk=record.pk).update(chm_identifier=identifier)
        record_event(
            actor=None,
            action="chm_assign_identifier",
            target=record,
            changes={"chm_identifier": [None, identifier]},
        )
    return len(records)


# Organisations.


@transaction.atomic
def link_organisation(*, chm_identifier: str, organisation_id: int) -> ExternalReference:
    """Say that a CHM organization record (its GUID; a revision is dropped) is our organisation."""
    base = base_identifier(chm_identifier)
    problems: dict[str, list[str]] = {}
    if not base:
        problems["chm_identifier"] = ["Give the CHM identifier of the organization record."]
    if not Organisation.objects.filter(pk=organisation_id).exists():
        problems["organisation"] = [f"There is no organisation {organisation_id}."]
    if problems:
        raise InvalidInput(" ".join(m for ms in problems.values() for m in ms), fields=problems)
    link = ExternalReference.objects.filter(
        kind=ReferenceKind.ORGANISATION, chm_identifier__iexact=base
    ).first()
    before = link.object_id if link else None
    if link is None:
        link = ExternalReference(kind=ReferenceKind.ORGANISATION, chm_identifier=base)
    link.object_id = organisation_id
    link.save()
    record_event(
        actor=None,
        action="chm_link_organisation",
        target=link,
        changes={"chm_identifier": base, "organisation": [before, organisation_id]},
    )
    return link
