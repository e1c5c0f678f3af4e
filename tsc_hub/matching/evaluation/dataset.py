"""Loading the evaluation set: the topic files of `data/`, parsed with the engine's own record parsers.

Each topic file holds CHM `requests` and `items`, graded `labels` (request id -> item id -> grade 0..3,
unlabelled pairs are 0) and `hard_negatives` (request id -> item id -> "coverage" | "deadline" | "lexical").
A bad record or a label naming an unknown id raises `DatasetError` naming the file and the record, so a
writer of the set sees at once what to fix. `export_jsonl` writes the set as the JSON-lines files
`tsc-hub match rank` reads, with the labels beside them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from tsc_hub.geography.reference import read_parties, read_regions, select_members
from tsc_hub.matching.engine.records import (
    ItemRecord,
    RecordError,
    RegionResolver,
    RequestRecord,
    mapping_resolver,
    parse_item,
    parse_request,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
AS_OF = dt.date(2026, 6, 1)  # the date every deadline of the set is judged against
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
HARD_NEGATIVE_KINDS = ("coverage", "deadline", "lexical")
MAX_GRADE = 3
RELEVANT_FROM = 2  # grades from this one up count as relevant (recall, invariants)

Record = TypeVar("Record", RequestRecord, ItemRecord)
Json = dict[str, Any]


class DatasetError(ValueError):
    """A topic file the evaluation cannot use; the message names the file and the record."""


@dataclass(frozen=True)
class EvaluationSet:
    """Every topic merged: records in file order (files sorted by name), labels and hard negatives.

    `languages` maps each record id to the language it is written in (its header's first language);
    `sources` maps each record id to the name of its topic file; `raw` keeps each record's JSON for export.
    """

    requests: tuple[RequestRecord, ...]
    items: tuple[ItemRecord, ...]
    labels: Mapping[str, Mapping[str, int]]
    hard_negatives: Mapping[str, Mapping[str, str]]
    languages: Mapping[str, str]
    sources: Mapping[str, str]
    raw: Mapping[str, Json]

    def grades(self, request_id: str) -> Mapping[str, int]:
        """The labelled grades of one request's items (hard negatives included, as 0)."""
        return self.labels.get(request_id, {})

    def item(self, item_id: str) -> ItemRecord:
        return self._items_by_id[item_id]

    def request(self, request_id: str) -> RequestRecord:
        return self._requests_by_id[request_id]

    # cached_property writes the instance __dict__ directly, so it works on a frozen dataclass.
    @cached_property
    def _items_by_id(self) -> dict[str, ItemRecord]:
        return {item.id: item for item in self.items}

    @cached_property
    def _requests_by_id(self) -> dict[str, RequestRecord]:
        return {request.id: request for request in self.requests}

    def is_cross_language(self, request_id: str, item_id: str) -> bool:
        """True when the item has no text in the request's language.

        An item written in two languages, one of them the request's, is read by the requester in their own
        language, so the pair is not cross-language; the item's text languages decide, not its header.
        """
        return self.languages[request_id] not in self.item(item_id).texts


def region_resolver() -> RegionResolver:
    """Region GUID -> member country codes, read from the shipped JSON files (no database).

    The same mapping as `region_resolver()` of the `match` command, built here so that the evaluation runs
    without setting Django up.
    """
    parties = read_parties()
    return mapping_resolver(
        {region["identifier"]: select_members(region["select"], parties) for region in read_regions()}
    )


def topic_files(directory: Path = DATA_DIR) -> list[Path]:
    """The topic files of `directory`, sorted by name (empty when the directory does not exist)."""
    return sorted(Path(directory).glob("*.json"))


@dataclass
class _Builder:
    """What the topic files read so far add up to; ids must be unique across the whole set."""

    resolver: RegionResolver
    requests: list[RequestRecord]
    items: list[ItemRecord]
    labels: dict[str, dict[str, int]]
    hard_negatives: dict[str, dict[str, str]]
    languages: dict[str, str]
    sources: dict[str, str]
    raw: dict[str, Json]

    def build(self) -> EvaluationSet:
        return EvaluationSet(
            requests=tuple(self.requests),
            items=tuple(self.items),
            labels=self.labels,
            hard_negatives=self.hard_negatives,
            languages=self.languages,
            sources=self.sources,
            raw=self.raw,
        )


def load_set(directory: Path = DATA_DIR) -> EvaluationSet:
    """Every topic file of `directory` (sorted by name) merged into one set; DatasetError on a bad file."""
    builder = _Builder(region_resolver(), [], [], {}, {}, {}, {}, {})
    for path in topic_files(directory):
        _add_topic(builder, path)
    return builder.build()


def _read_topic(path: Path) -> Json:
    try:
        topic = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DatasetError(f"{path.name}: cannot read: {error}") from error
    if not isinstance(topic, dict):
        raise DatasetError(f"{path.name}: a topic file must hold a JSON object")
    for name in ("requests", "items"):
        if not isinstance(topic.get(name), list):
            raise DatasetError(f"{path.name}: {name!r} must be a list of records")
    for name in ("labels", "hard_negatives"):
        if not isinstance(topic.get(name, {}), dict):
            raise DatasetError(f"{path.name}: {name!r} must be an object keyed by request id")
    return topic


def _add_topic(builder: _Builder, path: Path) -> None:
    topic = _read_topic(path)
    requests = _parse_all(builder, path, "requests", topic["requests"], parse_request)
    items = _parse_all(builder, path, "items", topic["items"], lambda obj: parse_item(obj, builder.resolver))
    builder.requests.extend(requests)
    builder.items.extend(items)
    request_ids = {request.id for request in requests}
    item_ids = {item.id for item in items}
    for request_id, item_id, grade in _labels(path, topic.get("labels", {}), request_ids, item_ids):
        builder.labels.setdefault(request_id, {})[item_id] = grade
    for request_id, item_id, kind in _hard_negatives(
        path, topic.get("hard_negatives", {}), request_ids, item_ids
    ):
        _add_hard_negative(builder, path, request_id, item_id, kind)


def _parse_all(
    builder: _Builder, path: Path, section: str, records: list[Any], parse: Callable[[Any], Record]
) -> list[Record]:
    """Parse the records of one section; the error names file, section, position and id of a bad one."""
    parsed = []
    for position, obj in enumerate(records):
        where = f"{path.name}: {section}[{position}] ({_identifier(obj)})"
        try:
            record = parse(obj)
        except RecordError as error:
            raise DatasetError(f"{where}: {error.field}: {error.message}") from error
        if record.id in builder.sources:
            raise DatasetError(f"{where}: id already used in {builder.sources[record.id]}")
        builder.languages[record.id] = _language(obj, where)
        builder.sources[record.id] = path.name
        builder.raw[record.id] = obj
        parsed.append(record)
    return parsed


def _identifier(obj: Any) -> str:
    header = obj.get("header") if isinstance(obj, dict) else None
    identifier = header.get("identifier") if isinstance(header, dict) else None
    return str(identifier) if identifier else "no identifier"


def _language(obj: Json, where: str) -> str:
    languages = obj["header"].get("languages")
    if not isinstance(languages, list) or not languages or not isinstance(languages[0], str):
        raise DatasetError(f"{where}: header.languages: the language the record is written in is missing")
    return languages[0]


def _pairs(
    path: Path, section: str, table: Mapping[str, Any], request_ids: set[str], item_ids: set[str]
) -> Iterable[tuple[str, str, Any]]:
    """(request id, item id, value) of a labels-like table, each id checked against this topic's records."""
    for request_id, row in table.items():
        if request_id not in request_ids:
            raise DatasetError(f"{path.name}: {section}: unknown request {request_id!r}")
        if not isinstance(row, dict):
            raise DatasetError(f"{path.name}: {section}[{request_id}]: must be an object keyed by item id")
        for item_id, value in row.items():
            if item_id not in item_ids:
                raise DatasetError(f"{path.name}: {section}[{request_id}]: unknown item {item_id!r}")
            yield request_id, item_id, value


def _labels(
    path: Path, table: Mapping[str, Any], request_ids: set[str], item_ids: set[str]
) -> Iterable[tuple[str, str, int]]:
    for request_id, item_id, grade in _pairs(path, "labels", table, request_ids, item_ids):
        # bool is an int to Python; a grade of `true` is a writer's slip, not a 1.
        if isinstance(grade, bool) or not isinstance(grade, int) or not 0 <= grade <= MAX_GRADE:
            raise DatasetError(f"{path.name}: labels[{request_id}][{item_id}]: grade must be 0..{MAX_GRADE}")
        yield request_id, item_id, grade


def _hard_negatives(
    path: Path, table: Mapping[str, Any], request_ids: set[str], item_ids: set[str]
) -> Iterable[tuple[str, str, str]]:
    for request_id, item_id, kind in _pairs(path, "hard_negatives", table, request_ids, item_ids):
        if kind not in HARD_NEGATIVE_KINDS:
            where = f"{path.name}: hard_negatives[{request_id}][{item_id}]"
            raise DatasetError(f"{where}: kind must be one of {', '.join(HARD_NEGATIVE_KINDS)}")
        yield request_id, item_id, kind


def _add_hard_negative(builder: _Builder, path: Path, request_id: str, item_id: str, kind: str) -> None:
    """A hard negative is a grade-0 pair: unlabelled it gets 0, labelled above 0 it contradicts itself."""
    grades = builder.labels.setdefault(request_id, {})
    if grades.setdefault(item_id, 0) != 0:
        where = f"{path.name}: hard_negatives[{request_id}][{item_id}]"
        raise DatasetError(f"{where}: labelled grade {grades[item_id]}, a hard negative must be 0")
    builder.hard_negatives.setdefault(request_id, {})[item_id] = kind


# --- Export ---------------------------------------------------------------------------------------


def export_jsonl(evaluation_set: EvaluationSet | Path | str, out_dir: Path | str) -> dict[str, Path]:
    """Write requests.jsonl, items.jsonl (the CHM records, one per line) and qrels.json into `out_dir`.

    The JSON-lines files are what `tsc-hub match rank --requests ... --items ...` reads; qrels.json holds
    the as-of date, the grades, the hard negatives and each record's language, to score its output.
    Returns the written paths by name.
    """
    if not isinstance(evaluation_set, EvaluationSet):
        evaluation_set = load_set(Path(evaluation_set))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in ("requests.jsonl", "items.jsonl", "qrels.json")}
    _write_lines(
        paths["requests.jsonl"], (evaluation_set.raw[record.id] for record in evaluation_set.requests)
    )
    _write_lines(paths["items.jsonl"], (evaluation_set.raw[record.id] for record in evaluation_set.items))
    paths["qrels.json"].write_text(
        json.dumps(_qrels(evaluation_set), ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    return paths


def _write_lines(path: Path, records: Iterable[Json]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _qrels(evaluation_set: EvaluationSet) -> Json:
    return {
        "as_of": AS_OF.isoformat(),
        "labels": evaluation_set.labels,
        "hard_negatives": evaluation_set.hard_negatives,
        "languages": evaluation_set.languages,
    }
