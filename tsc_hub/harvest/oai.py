"""OAI-PMH harvesting with Sickle: ListRecords of oai_dc from the last successful harvest, page by page
(resumption tokens), each record saved in its own transaction.

Incremental rule: Identify gives the repository's clock (responseDate) and granularity; the harvest asks
for the changes `from` the previous harvest's `until` (none the first time) `until` that responseDate, and
on success the next harvest starts from it. One clock (the repository's) decides both ends, so no change
falls between two harvests whatever the difference between the clocks, and the list cannot grow while it
is read. Both ends are inclusive: a record changed at the boundary is read twice, the second time unchanged.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import DataError, IntegrityError, transaction
from django.utils import timezone
from lxml import etree
from sickle import Sickle, oaiexceptions
from sickle.app import DEFAULT_CLASS_MAP

from tsc_hub.core.exceptions import DomainError
from tsc_hub.harvest.dublin_core import (
    DcRecord,
    Lookups,
    Provenance,
    RecordProblem,
    read_record,
    resource_data,
)
from tsc_hub.harvest.models import HarvestSource
from tsc_hub.harvest.recording import (
    CREATED,
    UNCHANGED,
    UPDATED,
    WITHDRAWN,
    HarvestFailed,
    RunRecorder,
)
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.services import save_imported_resource, transition_resource
from tsc_hub.knowledge.states import ResourceState

OAI_NS = "{http://www.openarchives.org/OAI/2.0/}"
TIMEOUT = 120  # seconds to wait for one response
USER_AGENT = "tsc-hub harvester (OAI-PMH)"
# Errors of one record that skip it (the others are saved); anything else stops the run.
RECORD_ERRORS = (DomainError, RecordProblem, ValueError, TypeError, KeyError)


class RawRecord:
    """A ListRecords item kept as its XML: Sickle's own Record fails on a record without metadata."""

    def __init__(self, element: etree._Element) -> None:
        self.xml = element
        status = element.find(f"{OAI_NS}header")
        self.deleted = status is not None and status.get("status") == "deleted"


def make_client(source: HarvestSource) -> Any:
    """A Sickle client of the source (tests replace it to interrupt a harvest)."""
    return Sickle(
        source.base_url,
        class_mapping={**DEFAULT_CLASS_MAP, "ListRecords": RawRecord},
        max_retries=3,
        default_retry_after=30,
        timeout=TIMEOUT,
        headers={"User-Agent": USER_AGENT},
    )


@dataclass(frozen=True)
class Identity:
    """What Identify says that a harvest needs: the repository's clock and date granularity."""

    response_date: datetime.datetime
    seconds: bool

    def stamp(self, moment: datetime.datetime) -> str:
        """A datestamp argument in the repository's granularity."""
        moment = moment.astimezone(datetime.UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if self.seconds else moment.strftime("%Y-%m-%d")


def parse_datestamp(text: str) -> datetime.datetime:
    """An OAI UTCdatetime ("2026-04-01" or "2026-04-01T09:30:00Z"), aware; ValueError else."""
    value = datetime.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value if timezone.is_aware(value) else value.replace(tzinfo=datetime.UTC)


def identify(client: Any) -> Identity:
    """Ask the repository who it is; HarvestFailed when it does not answer as an OAI-PMH repository."""
    try:
        root = client.harvest(verb="Identify").xml
    except (OSError, etree.LxmlError) as error:
        raise HarvestFailed(f"The repository cannot be reached: {error}") from error
    if root is None or root.find(f"{OAI_NS}Identify") is None:
        answer = root.find(f"{OAI_NS}error") if root is not None else None
        detail = f" ({answer.get('code')}: {answer.text})" if answer is not None else ""
        raise HarvestFailed(f"The address does not answer Identify as an OAI-PMH 2.0 repository{detail}.")
    try:
        response_date = parse_datestamp(root.findtext(f"{OAI_NS}responseDate") or "")
    except ValueError as error:
        raise HarvestFailed("The repository's answer has no responseDate.") from error
    granularity = root.findtext(f"{OAI_NS}Identify/{OAI_NS}granularity") or ""
    return Identity(response_date=response_date, seconds="hh:mm:ss" in granularity)


def harvest_oai(source: HarvestSource, recorder: RunRecorder) -> datetime.datetime:
    """Harvest the changes since the last harvest; returns the `from` of the next one."""
    client = make_client(source)
    identity = identify(client)
    since = source.last_harvested_from
    if since is not None and since > identity.response_date:
        since = identity.response_date  # the repository's clock went back: never ask for `from` > `until`
    recorder.dates(since=since, until=identity.response_date)
    arguments = {
        "metadataPrefix": source.metadata_prefix or "oai_dc",
        "until": identity.stamp(identity.response_date),
    }
    if since is not None:
        arguments["from"] = identity.stamp(since)
    if source.oai_set:
        arguments["set"] = source.oai_set
    lookups = Lookups.load()
    provenance = Provenance(
        source=source.name,
        harvested_from=source.base_url,
        harvested_at=timezone.now(),
        default_kind=source.default_kind,
    )
    for item in _list_records(client, arguments, recorder):
        _handle(item.xml, source, lookups, provenance, recorder)
    return identity.response_date


def _list_records(client: Any, arguments: dict[str, str], recorder: RunRecorder) -> Iterator[RawRecord]:
    """Every record of the list, page after page; nothing when the repository has no matching record."""
    try:
        records = client.ListRecords(**arguments)
        while True:
            token = records.resumption_token
            if token is not None and str(token.complete_list_size or "").isdigit():
                recorder.expected = int(token.complete_list_size)
            try:
                item = next(records)
            except StopIteration:
                return
            yield item
    except oaiexceptions.NoRecordsMatch:
        return  # nothing changed since the last harvest
    except oaiexceptions.OAIError as error:
        code = type(error).__name__
        raise HarvestFailed(f"The repository answered with an OAI-PMH error ({code}): {error}") from error
    except (OSError, etree.LxmlError, AttributeError) as error:
        raise HarvestFailed(f"The harvest stopped: the repository could not be read ({error}).") from error


def _handle(
    element: etree._Element,
    source: HarvestSource,
    lookups: Lookups,
    provenance: Provenance,
    recorder: RunRecorder,
) -> None:
    identifier = _identifier_of(element)
    try:
        record = read_record(element)
        if record.deleted:
            recorder.count(_withdraw(record, source))
        else:
            recorder.count(_save(record, lookups, provenance, publish=source.publish_on_import))
    except RECORD_ERRORS as error:
        recorder.skip(identifier, describe(error))
    except (IntegrityError, DataError) as error:
        # A value or a constraint the database refuses fails this record only (the others go on);
        # any other database error (a lost connection) stops the run.
        recorder.skip(identifier, f"the database refused the record ({error})")


def _identifier_of(element: etree._Element) -> str:
    return (element.findtext(f"{OAI_NS}header/{OAI_NS}identifier") or "").strip() or "(no identifier)"


def _save(record: DcRecord, lookups: Lookups, provenance: Provenance, *, publish: bool) -> str:
    data = resource_data(record, lookups, provenance)
    with transaction.atomic():
        before = (
            Resource.objects.filter(source=data.source, original_identifier=data.original_identifier)
            .values_list("version", flat=True)
            .first()
        )
        resource, created = save_imported_resource(data=data, by=None, publish=publish)
    if created:
        return CREATED
    return UPDATED if resource.version != before else UNCHANGED


def _withdraw(record: DcRecord, source: HarvestSource) -> str:
    """A record deleted at the source withdraws our copy of it (only one harvested from this source)."""
    with transaction.atomic():
        copy = Resource.objects.filter(source=source.name, original_identifier=record.identifier).first()
        if copy is None or copy.state == ResourceState.WITHDRAWN:
            return UNCHANGED
        reason = f"Deleted at the source {source.name} ({source.base_url})."
        transition_resource(resource=copy, action="withdraw", by=None, reason=reason)
    return WITHDRAWN


def describe(error: Exception) -> str:
    """Why a record was skipped, with each field's problems (in the language active during the run)."""
    if isinstance(error, DomainError):
        details = [f"{name}: {message}" for name, messages in error.fields.items() for message in messages]
        return "; ".join(details) if details else str(error.message)
    return str(error) or type(error).__name__
