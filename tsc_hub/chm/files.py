"""CHM files: a JSON array of records, one JSON record, or JSON Lines; and how export writes them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tsc_hub.core.exceptions import InvalidInput


@dataclass(frozen=True)
class Entry:
    """One record of a file: its number (JSON Lines: its line), the parsed JSON, or why it did not parse."""

    number: int
    raw: Any = None
    problem: str = ""


def _file_error(path: Path, message: str) -> InvalidInput:
    return InvalidInput(f"{path.name}: {message}; nothing was imported.", fields={"file": [message]})


def _json_error(error: json.JSONDecodeError) -> str:
    return f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"


def _lines(text: str) -> list[Entry]:
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entries.append(Entry(number, json.loads(line)))
        except json.JSONDecodeError as error:
            entries.append(Entry(number, problem=_json_error(error)))
    return entries


def parse_records(text: str, *, name: str = "file") -> list[Entry]:
    """The records of a file's text; InvalidInput when the text is no JSON at all or holds no record."""
    path = Path(name)
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        raise _file_error(path, "the file is empty")
    if stripped.startswith("["):
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise _file_error(path, _json_error(error)) from error
        if not whole:
            raise _file_error(path, "the array holds no record")
        return [Entry(number, raw) for number, raw in enumerate(whole, start=1)]
    entries = _lines(text.lstrip("\ufeff"))
    if not any(entry.problem for entry in entries):
        return entries
    try:
        return [Entry(1, json.loads(stripped))]  # one record indented over many lines
    except json.JSONDecodeError:
        pass
    if all(entry.problem for entry in entries):
        raise _file_error(path, f"this is neither JSON nor JSON Lines (line 1: {entries[0].problem})")
    return entries


def read_records(path: str | Path) -> list[Entry]:
    """The records of a file (UTF-8); InvalidInput when it cannot be read."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise _file_error(path, "there is no such file") from error
    except (OSError, UnicodeDecodeError) as error:
        raise _file_error(path, f"the file cannot be read as UTF-8 text ({error})") from error
    return parse_records(text, name=path.name)


def dump_records(records: list[dict[str, Any]], *, array: bool = False) -> str:
    """JSON Lines (one record per line), or an indented JSON array; keys in the order the records have."""
    if array:
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
