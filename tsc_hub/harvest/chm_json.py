"""CHM JSON harvesting: read the source's documents, keep the records changed since the last harvest, and
import them through the CHM import (tsc_hub.chm), which maps, validates and upserts them by identifier.

A document is a JSON array of records, JSON Lines, one record, or an object with the records in `docs`
(or `response.docs`, as the CHM search index answers). An address holding `{page}` (1, 2, ...) or
`{offset}` (records read so far) is read page after page until a page has no record.

Incremental rule: a record's modified date is the first of header.deletedOn, header.modifiedOn,
header.updatedOn, modifiedOn, updatedOn, updatedDate_dt it has. Records modified before the last
successful harvest's `from` are left out; records without a date are always read (the import leaves them
unchanged). The next harvest reads from the latest modified date seen.

Provenance: the resources and initiatives imported keep the source's name as their `source`,
header.identifier as their original identifier, the source's address as `harvested_from` and the start
of the run as `harvested_at`, as the OAI-PMH harvest does; their licence is the record's `rights`.

Deletions: the CHM format documents no mark of a deleted record, so tsc-hub reads one of its own: a
`header.deletedOn` date, or `"deleted": true`. Such a record is not imported; it withdraws the resource
harvested from this source under its identifier (the knowledge workflow's `withdraw`, by the system).
"""

from __future__ import annotations

import datetime
import json
import re
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.chm.mapping import SCHEMAS
from tsc_hub.chm.mapping.common import HarvestProvenance
from tsc_hub.chm.services import import_records
from tsc_hub.core.exceptions import DomainError
from tsc_hub.harvest.models import HarvestRun, HarvestSource
from tsc_hub.harvest.oai import describe, parse_datestamp
from tsc_hub.harvest.recording import (
    CREATED,
    UNCHANGED,
    UPDATED,
    WITHDRAWN,
    HarvestFailed,
    RunRecorder,
)
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.services import transition_resource
from tsc_hub.knowledge.states import ResourceState

TIMEOUT = 120
USER_AGENT = "tsc-hub harvester (CHM JSON)"
MAX_BYTES = 200 * 1024 * 1024  # one document
MAX_PAGES = 10_000
BATCH = 200  # records imported in one transaction of the CHM import
# A deletion is the latest change of a record: its date comes first, so that a record deleted since the
# last harvest is read even when its modifiedOn is older.
MODIFIED_KEYS = (
    ("header", "deletedOn"),
    ("header", "modifiedOn"),
    ("header", "updatedOn"),
    ("modifiedOn",),
    ("updatedOn",),
    ("updatedDate_dt",),
)
_NUMBER = re.compile(r"^record (\d+)\b")


class PageMissing(HarvestFailed):
    """A page that does not exist (HTTP 404): the end of a paged list."""


def fetch(url: str) -> str:
    """The text of one document (tests replace it to serve documents without a server)."""
    request = urllib.request.Request(
        url, headers={"Accept": "application/json, application/x-ndjson", "User-Agent": USER_AGENT}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            body: bytes = response.read(MAX_BYTES + 1)
            charset = response.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as error:
        failure = PageMissing if error.code == 404 else HarvestFailed
        raise failure(f"{url}: the server answered {error.code} {error.reason}.") from error
    except (OSError, ValueError) as error:
        raise HarvestFailed(f"{url} cannot be read: {error}") from error
    if len(body) > MAX_BYTES:
        raise HarvestFailed(f"{url} is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    try:
        return body.decode(charset)
    except (UnicodeDecodeError, LookupError) as error:
        raise HarvestFailed(f"{url} is not text in {charset}.") from error


@dataclass(frozen=True)
class Candidate:
    """A record read from a document: how the report names it, what it says, when it was modified, its
    header.identifier ("" when it has none), whether the source deleted it."""

    label: str
    raw: Any
    modified: datetime.datetime | None = None
    problem: str = ""
    identifier: str = ""
    deleted: bool = False


def parse_document(text: str, url: str) -> list[Candidate]:
    """The records of a document; HarvestFailed when it is neither JSON nor JSON Lines."""
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        return []
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        return _json_lines(stripped, url)
    if isinstance(whole, dict):
        response = whole.get("response")
        if isinstance(response, dict) and isinstance(response.get("docs"), list):
            whole = response["docs"]
        elif isinstance(whole.get("docs"), list):
            whole = whole["docs"]
        elif "header" in whole:
            whole = [whole]
        else:
            raise HarvestFailed(f"{url}: a JSON object without records (no header, no docs).")
    if not isinstance(whole, list):
        raise HarvestFailed(f"{url}: expected a JSON array of records.")
    return [_candidate(raw, f"{url} #{number}") for number, raw in enumerate(whole, start=1)]


def _json_lines(text: str, url: str) -> list[Candidate]:
    candidates = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            candidates.append(
                Candidate(f"{url} line {number}", None, problem=f"not valid JSON ({error.msg})")
            )
            continue
        candidates.append(_candidate(raw, f"{url} line {number}"))
    if candidates and all(candidate.problem for candidate in candidates):
        raise HarvestFailed(f"{url} is neither JSON nor JSON Lines.")
    return candidates


def _candidate(raw: Any, position: str) -> Candidate:
    if not isinstance(raw, dict):
        return Candidate(position, raw, problem="expected a JSON object")
    header = raw.get("header")
    given = header.get("identifier") if isinstance(header, dict) else None
    identifier = given.strip() if isinstance(given, str) else ""
    return Candidate(
        identifier or position,
        raw,
        modified=modified_date(raw),
        identifier=identifier,
        deleted=is_deleted(raw),
    )


def is_deleted(raw: dict[str, Any]) -> bool:
    """Whether the source says it deleted the record: a `header.deletedOn` date, or `"deleted": true`."""
    header = raw.get("header")
    deleted_on = header.get("deletedOn") if isinstance(header, dict) else None
    return raw.get("deleted") is True or (isinstance(deleted_on, str) and bool(deleted_on.strip()))


def modified_date(raw: dict[str, Any]) -> datetime.datetime | None:
    """When a record was last modified, from the first of MODIFIED_KEYS it has; None when none."""
    for path in MODIFIED_KEYS:
        value: Any = raw
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and value.strip():
            try:
                return parse_datestamp(value)
            except ValueError:
                continue
    return None


def _pages(url: str) -> Iterator[list[Candidate]]:
    """The records of an address, page after page when it holds {page} or {offset}."""
    if "{page}" not in url and "{offset}" not in url:
        yield parse_document(fetch(url), url)
        return
    offset = 0
    for page in range(1, MAX_PAGES + 1):
        address = url.replace("{page}", str(page)).replace("{offset}", str(offset))
        try:
            records = parse_document(fetch(address), address)
        except PageMissing:
            if page == 1:
                raise
            return
        if not records:
            return
        offset += len(records)
        yield records


def harvest_chm_json(source: HarvestSource, recorder: RunRecorder) -> datetime.datetime | None:
    """Harvest the records changed since the last harvest; returns the `from` of the next one."""
    provenance = HarvestProvenance(
        source=source.name,
        harvested_from=source.base_url,
        harvested_at=timezone.now(),
        publish=source.publish_on_import,
    )
    since = source.last_harvested_from
    candidates = [candidate for url in source.urls() for page in _pages(url) for candidate in page]
    dates = [candidate.modified for candidate in candidates if candidate.modified is not None]
    latest = max(dates, default=None)
    recorder.dates(since=since, until=latest)
    ready = _select(candidates, since, recorder)
    imported = [candidate for candidate in ready if not candidate.deleted]
    with tempfile.TemporaryDirectory(prefix="tsc-hub-harvest-") as folder:
        for start in range(0, len(imported), BATCH):
            path = Path(folder) / f"{start}.jsonl"
            _import_batch(imported[start : start + BATCH], path, source, provenance, recorder)
    for candidate in ready:
        if candidate.deleted:
            _apply_deletion(candidate, source, recorder)
    return latest if latest is not None and (since is None or latest > since) else since


def _select(
    candidates: list[Candidate], since: datetime.datetime | None, recorder: RunRecorder
) -> list[Candidate]:
    """The records changed since the last harvest that can be read, each identifier once; the others
    are reported as skipped."""
    wanted = [c for c in candidates if since is None or c.modified is None or c.modified >= since]
    recorder.expected = len(wanted)
    seen: set[str] = set()
    ready = []
    for candidate in wanted:
        if candidate.problem:
            recorder.skip(candidate.label, candidate.problem)
        elif candidate.label in seen:
            recorder.skip(candidate.label, "this identifier came earlier in the harvest; the first is kept")
        else:
            seen.add(candidate.label)
            ready.append(candidate)
    return ready


def _import_batch(
    batch: list[Candidate],
    path: Path,
    source: HarvestSource,
    provenance: HarvestProvenance,
    recorder: RunRecorder,
) -> None:
    """One transaction of the CHM import; its report is read back into the run's, record by record."""
    path.write_text("".join(json.dumps(c.raw, ensure_ascii=False) + "\n" for c in batch), encoding="utf-8")
    try:
        report = import_records(
            path=path,
            fallback_organisation=source.fallback_organisation_id,
            skip_invalid=True,
            provenance=provenance,
        )
    except DomainError as error:
        raise HarvestFailed(f"The CHM import refused the records: {error.message}") from error
    for outcome, labels in (
        (CREATED, report.created),
        (UPDATED, report.updated),
        (UNCHANGED, report.unchanged),
    ):
        for _label in labels:
            recorder.count(outcome)
    for label, reason in report.skipped:
        number = _NUMBER.match(label)
        position = int(number.group(1)) - 1 if number else -1
        name = batch[position].label if 0 <= position < len(batch) else label
        recorder.skip(name, reason)


def _apply_deletion(candidate: Candidate, source: HarvestSource, recorder: RunRecorder) -> None:
    """A record deleted at the source: our copy withdrawn (counted as withdrawn), or unchanged when we have
    none or it is withdrawn already; skipped with why when we hold a record under its identifier that is
    not ours to withdraw."""
    if not candidate.identifier:
        recorder.skip(candidate.label, _("deleted at the source, but it has no header.identifier"))
        return
    try:
        outcome = _withdraw(candidate.identifier, source, recorder.run)
    except DomainError as error:
        recorder.skip(candidate.label, describe(error))
        return
    reason = _left_alone(candidate) if outcome == UNCHANGED else ""
    if reason:
        recorder.skip(candidate.label, reason)
    else:
        recorder.count(outcome)


def _withdraw(identifier: str, source: HarvestSource, run: HarvestRun) -> str:
    """Withdraw the resource harvested from this source under `identifier`, as the OAI-PMH harvest does:
    a source may withdraw only what was read from it, never a record that came from elsewhere."""
    with transaction.atomic():
        copy = Resource.objects.filter(source=source.name, original_identifier=identifier).first()
        if copy is None or copy.state == ResourceState.WITHDRAWN:
            return UNCHANGED
        reason = _("Deleted at the source %(source)s (%(address)s); withdrawn by harvest run %(run)s.") % {
            "source": source.name,
            "address": source.base_url,
            "run": run.pk,
        }
        transition_resource(resource=copy, action="withdraw", by=None, reason=reason)
    return WITHDRAWN


def _left_alone(candidate: Candidate) -> str:
    """Why a record deleted at the source that we hold under its identifier stays as it is ("" when we
    hold none): a resource that came from elsewhere (another source, a CHM file, a harvest made before
    harvests kept their source), or a record of another kind, which a harvest does not withdraw."""
    header = candidate.raw.get("header") if isinstance(candidate.raw, dict) else None
    schema = header.get("schema") if isinstance(header, dict) else None
    mapping = SCHEMAS.get(schema) if isinstance(schema, str) else None
    if mapping is None or mapping.model is Resource:
        held = Resource.objects.filter(chm_identifier=candidate.identifier)
        other = held.exclude(state=ResourceState.WITHDRAWN).values_list("source", flat=True).first()
        if other is None:
            return ""
        return _(
            "deleted at the source, but the resource here with this identifier came from “%(other)s”, "
            "not from this source: it is left as it is"
        ) % {"other": other}
    if mapping.stored(candidate.identifier) is None:
        return ""
    return _(
        "deleted at the source, but a harvest withdraws only knowledge-hub resources: the %(schema)s "
        "record here is left as it is"
    ) % {"schema": mapping.name}
