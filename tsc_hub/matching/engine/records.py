"""Parsing CHM records (one JSON object) into the plain records the ranker reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

# Region term identifier -> member country codes; None when the identifier is not a region it knows.
RegionResolver = Callable[[str], "frozenset[str] | None"]

REQUEST_SCHEMA = "bbiRequest"
ITEM_SCHEMAS: dict[str, Literal["offer", "profile"]] = {"bbiOpportunity": "offer", "bbiProfile": "profile"}


class RecordError(ValueError):
    """A record the ranker cannot use; `field` names the offending field (dotted path)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def no_regions(identifier: str) -> frozenset[str] | None:
    """A resolver that knows no region: every coverage term is compared as an opaque string."""
    return None


def mapping_resolver(regions: Mapping[str, Iterable[str]]) -> RegionResolver:
    """A resolver from a mapping of region identifier -> member country codes."""
    frozen = {key: frozenset(members) for key, members in regions.items()}
    return frozen.get


@dataclass(frozen=True)
class RequestRecord:
    id: str
    country: str
    coverage: frozenset[str]
    texts: dict[str, str]
    assistance_types: frozenset[str] = frozenset()
    gbf_targets: frozenset[str] = frozenset()
    cbd_subjects: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ItemRecord:
    id: str
    kind: Literal["offer", "profile"]
    coverage_terms: frozenset[str]
    # The countries the coverage terms stand for, the terms themselves included (opaque strings).
    coverage_countries: frozenset[str]
    texts: dict[str, str]
    assistance_types: frozenset[str] = frozenset()
    gbf_targets: frozenset[str] = frozenset()
    cbd_subjects: frozenset[str] = frozenset()
    deadline: dt.date | None = None
    capacity_left: int | None = None
    languages: frozenset[str] = field(default_factory=frozenset)
    # The provider's smoothed acceptance and rating record in [0, 1]; None when it has no history.
    track_record: float | None = None
    # The organisation behind the item: offers and the profile of one provider share its capacity.
    provider: str = ""


def _required(obj: Mapping[str, Any], name: str, prefix: str = "") -> Any:
    value = obj.get(name)
    if value in (None, "", [], {}):
        raise RecordError(prefix + name, "missing required field")
    return value


def _header(obj: Any) -> tuple[str, str, frozenset[str]]:
    if not isinstance(obj, dict):
        raise RecordError("header", "a record must be a JSON object")
    header = _required(obj, "header")
    if not isinstance(header, dict):
        raise RecordError("header", "must be an object")
    identifier = _required(header, "identifier", "header.")
    schema = _required(header, "schema", "header.")
    if not isinstance(identifier, str) or not isinstance(schema, str):
        raise RecordError("header", "identifier and schema must be strings")
    languages = header.get("languages") or []
    return identifier, schema, frozenset(str(lang) for lang in languages if isinstance(lang, str))


def _term(value: Any, name: str) -> str:
    if isinstance(value, dict) and isinstance(value.get("identifier"), str) and value["identifier"]:
        return str(value["identifier"])
    raise RecordError(name, "a term needs an identifier")


def _terms(obj: Mapping[str, Any], name: str, *, required: bool = False) -> frozenset[str]:
    values = _required(obj, name) if required else obj.get(name) or []
    if isinstance(values, dict):
        values = [values]
    if not isinstance(values, list):
        raise RecordError(name, "must be a list of terms")
    return frozenset(_term(value, name) for value in values)


def _texts(obj: Mapping[str, Any], names: Iterable[str]) -> dict[str, str]:
    """Join the lstring fields `names`, language by language."""
    parts: dict[str, list[str]] = {}
    for name in names:
        value = obj.get(name)
        if value is None:
            continue
        if isinstance(value, str):
            value = {"en": value}
        if not isinstance(value, dict):
            raise RecordError(name, "must be a multilingual text object")
        for lang, text in value.items():
            if isinstance(text, str) and text.strip():
                parts.setdefault(str(lang), []).append(text.strip())
    return {lang: "\n".join(chunks) for lang, chunks in parts.items()}


def _date(value: Any, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise RecordError(name, f"not a date: {value!r}") from None


def _extension(obj: Mapping[str, Any]) -> Mapping[str, Any]:
    extra = obj.get("tschub") or {}
    if not isinstance(extra, dict):
        raise RecordError("tschub", "must be an object")
    return extra


def _languages(
    header_languages: frozenset[str], extra: Mapping[str, Any], texts: Mapping[str, str]
) -> frozenset[str]:
    declared = extra.get("workingLanguages") or extra.get("languages") or []
    if not isinstance(declared, list):
        raise RecordError("tschub.workingLanguages", "must be a list of language codes")
    found = frozenset(str(lang) for lang in declared) | header_languages
    return found or frozenset(texts)


def _optional_string(extra: Mapping[str, Any], name: str) -> str | None:
    value = extra.get(name)
    if value is not None and not isinstance(value, str):
        raise RecordError(f"tschub.{name}", "must be a string")
    return value


def _track_record(extra: Mapping[str, Any]) -> float | None:
    value = extra.get("trackRecord")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise RecordError("tschub.trackRecord", "must be a number from 0 to 1")
    return float(value)


def parse_request(obj: Any) -> RequestRecord:
    """A bbiRequest record; RecordError names the first field that makes it unusable."""
    identifier, schema, header_languages = _header(obj)
    if schema != REQUEST_SCHEMA:
        raise RecordError("header.schema", f"expected {REQUEST_SCHEMA}, got {schema!r}")
    country = _term(_required(obj, "country"), "country")
    _required(obj, "title")
    texts = _texts(obj, ("title", "problem", "objectives"))
    extra = _extension(obj)
    return RequestRecord(
        id=identifier,
        country=country,
        coverage=_terms(obj, "coverage") or frozenset({country}),
        texts=texts,
        assistance_types=_terms(obj, "assistanceTypes"),
        gbf_targets=_terms(obj, "gbfTargets"),
        cbd_subjects=_terms(obj, "cbdSubjects"),
        languages=_languages(header_languages, extra, texts),
    )


def parse_item(obj: Any, resolver: RegionResolver = no_regions) -> ItemRecord:
    """A bbiOpportunity (offer) or bbiProfile (profile) record; region terms resolved by `resolver`."""
    identifier, schema, header_languages = _header(obj)
    kind = ITEM_SCHEMAS.get(schema)
    if kind is None:
        raise RecordError("header.schema", f"expected one of {sorted(ITEM_SCHEMAS)}, got {schema!r}")
    _required(obj, "title")
    if kind == "offer":
        coverage = _terms(obj, "areasBenifited", required=True)
        texts = _texts(obj, ("title", "description", "eligibility"))
    else:
        coverage = _terms(obj, "coverageAreas", required=True)
        texts = _texts(obj, ("title", "suggestedExpertise", "collaborationAreas"))
    countries = set(coverage)
    for term in coverage:
        countries |= resolver(term) or frozenset()
    extra = _extension(obj)
    capacity = extra.get("capacityLeft")
    if capacity is not None and (isinstance(capacity, bool) or not isinstance(capacity, int)):
        raise RecordError("tschub.capacityLeft", "must be an integer")
    return ItemRecord(
        id=identifier,
        provider=_optional_string(extra, "provider") or identifier,
        track_record=_track_record(extra),
        kind=kind,
        coverage_terms=coverage,
        coverage_countries=frozenset(countries),
        texts=texts,
        assistance_types=_terms(obj, "assistanceTypes"),
        gbf_targets=_terms(obj, "gbfTargets"),
        cbd_subjects=_terms(obj, "cbdSubjects"),
        deadline=_date(obj.get("applicationDeadline"), "applicationDeadline"),
        capacity_left=capacity,
        languages=_languages(header_languages, extra, texts),
    )
