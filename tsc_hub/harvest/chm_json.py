"""CHM JSON harvesting: read the source's documents, keep the records changed since the last harvest, and
import them through the CHM import (tsc_hub.chm), which maps, validates and upserts them by identifier.

A document is a JSON array of records, JSON Lines, one record, or an object with the records in `docs`
(or `response.docs`, as the CHM search index answers). An address holding `{page}` (1, 2, ...) or
`{offset}` (records read so far) is read page after page until a page has no record.

Incremental rule: a record's modified date is the first of header.modifiedOn, header.updatedOn,
modifiedOn, updatedOn, updatedDate_dt it has. Records modified before the last successful harvest's
`from` are left out; records without a date are always read (the import leaves them unchanged). The next
harvest reads from the latest modified date seen.
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

from tsc_hub.chm.services import import_records
from tsc_hub.core.exceptions import DomainError
from tsc_hub.harvest.models import HarvestSource
from tsc_hub.harvest.oai import parse_datestamp
from tsc_hub.harvest.recording import CREATED, UNCHANGED, UPDATED, HarvestFailed, RunRecorder

TIMEOUT = 120
USER_AGENT = "tsc-hub harvester (CHM JSON)"
MAX_BYTES = 200 * 1024 * 1024  # one document
MAX_PAGES = 10_000
BATCH = 200  # records imported in one transaction of the CHM import
MODIFIED_KEYS = (
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
    """A record read from a document: how the report names it, what it says, when it was modified."""

    label: str
    raw: Any
    modified: datetime.datetime | None = None
    problem: str = ""


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
    identifier = header.get("identifier") if isinstance(header, dict) else None
    label = identifier.strip() if isinstance(identifier, str) and identifier.strip() else position
    return Candidate(label, raw, modified=modified_date(raw))


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
    since = source.last_harvested_from
    candidates = [candidate for url in source.urls() for page in _pages(url) for candidate in page]
    dates = [candidate.modified for candidate in candidates if candidate.modified is not None]
    latest = max(dates, default=None)
    recorder.dates(since=since, until=latest)
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
    with tempfile.TemporaryDirectory(prefix="tsc-hub-harvest-") as folder:
        for start in range(0, len(ready), BATCH):
            _import_batch(ready[start : start + BATCH], Path(folder) / f"{start}.jsonl", source, recorder)
    return latest if latest is not None and (since is None or latest > since) else since


def _import_batch(batch: list[Candidate], path: Path, source: HarvestSource, recorder: RunRecorder) -> None:
    """One transaction of the CHM import; its report is read back into the run's, record by record."""
    path.write_text("".join(json.dumps(c.raw, ensure_ascii=False) + "\n" for c in batch), encoding="utf-8")
    try:
        report = import_records(
            path=path, fallback_organisation=source.fallback_organisation_id, skip_invalid=True
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
