"""oai_dc records read into knowledge-hub resources: what each Dublin Core element becomes.

The mapping is the reverse of what our own provider writes (tsc_hub.knowledge.oai.dublin_core), and
tolerant of what other repositories write: unknown languages, subjects, places and dates are kept where
they fit (keywords) or left out; only a record that cannot be a resource (no title) is refused, by the
knowledge validation. docs/harvest.md lists the rules.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from lxml import etree

from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.geography.models import Party, Region
from tsc_hub.knowledge.states import ResourceKind
from tsc_hub.knowledge.validation import CBD_SUBJECTS, GBF_TARGETS, ResourceData, is_language_code
from tsc_hub.vocabularies.models import Term

DC_NS = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
KEYWORD_MOST = 100
AUTHOR_MOST = 300
RIGHTS_MOST = 300
_WEB = URLValidator(schemes=["http", "https"])
_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
# DCMI Type Vocabulary terms that say what kind of resource a record is.
_DCMI_KINDS = {
    "text": ResourceKind.PUBLICATION,
    "dataset": ResourceKind.DATASET,
    "event": ResourceKind.EVENT,
    "software": ResourceKind.TECHNOLOGY,
}


class RecordProblem(Exception):
    """A record that cannot be read at all; the message says why."""


class DcValue(NamedTuple):
    """One Dublin Core statement of a harvested record."""

    element: str
    value: str
    language: str | None = None


@dataclass(frozen=True)
class DcRecord:
    """An OAI-PMH record: its header and, unless deleted, its Dublin Core statements."""

    identifier: str
    datestamp: str
    deleted: bool
    values: tuple[DcValue, ...] = ()

    def all(self, element: str) -> list[DcValue]:
        return [value for value in self.values if value.element == element]

    def texts(self, element: str) -> list[str]:
        return [value.value for value in self.all(element)]


def read_record(element: etree._Element) -> DcRecord:
    """The header and oai_dc statements of an OAI <record> element; RecordProblem when it has neither."""
    namespace = etree.QName(element).namespace
    prefix = f"{{{namespace}}}" if namespace else ""
    header = element.find(f"{prefix}header")
    if header is None:
        raise RecordProblem("the record has no header")
    identifier = (header.findtext(f"{prefix}identifier") or "").strip()
    datestamp = (header.findtext(f"{prefix}datestamp") or "").strip()
    if not identifier:
        raise RecordProblem("the record header has no identifier")
    if header.get("status") == "deleted":
        return DcRecord(identifier, datestamp, deleted=True)
    metadata = element.find(f"{prefix}metadata")
    container = None if metadata is None else next(iter(_elements(metadata)), None)
    if container is None:
        raise RecordProblem("the record has no metadata")
    values = []
    for node in _elements(container):
        name = etree.QName(node)
        text = " ".join((node.text or "").split())
        if name.namespace == DC_NS and text:
            values.append(DcValue(name.localname, text, _language(node.get(XML_LANG))))
    return DcRecord(identifier, datestamp, deleted=False, values=tuple(values))


def _elements(parent: etree._Element) -> list[etree._Element]:
    """The child elements (not comments or processing instructions)."""
    return [child for child in parent if isinstance(child.tag, str)]


def _language(tag: str | None) -> str | None:
    """The primary subtag of an xml:lang, lowercase ("en-GB" → "en", "zh-Hans" → "zh"); None if none."""
    if not tag or not tag.strip():
        return None
    return tag.strip().replace("_", "-").split("-")[0].lower()


def language_code(value: str) -> str | None:
    """An ISO 639-1 code for a dc:language value ("en", "EN-us", "eng", "fre"), or None."""
    code = _language(value) or ""
    if len(code) == 3:
        language = pycountry.languages.get(alpha_3=code) or pycountry.languages.get(bibliographic=code)
        code = getattr(language, "alpha_2", "") if language is not None else ""
    return code if len(code) == 2 and is_language_code(code) else None


@dataclass
class Lookups:
    """Our identifiers and labels, read once per harvest, that subjects and coverage are matched against."""

    terms: dict[str, tuple[str, str]] = field(default_factory=dict)  # casefolded text → (vocabulary, id)
    parties: set[str] = field(default_factory=set)
    regions: dict[str, str] = field(default_factory=dict)  # casefolded identifier → identifier

    @classmethod
    def load(cls) -> Lookups:
        lookups = cls()
        terms = Term.objects.filter(vocabulary__identifier__in=[GBF_TARGETS, CBD_SUBJECTS]).values_list(
            "vocabulary__identifier", "identifier", "labels", "short_labels"
        )
        for vocabulary, identifier, labels, short_labels in terms:
            for text in [*_label_texts(labels), *_label_texts(short_labels)]:
                lookups.terms.setdefault(text.casefold(), (vocabulary, identifier))
            lookups.terms[identifier.casefold()] = (vocabulary, identifier)  # identifiers win over labels
        lookups.parties = set(Party.objects.values_list("code", flat=True))
        lookups.regions = {
            value.casefold(): value for value in Region.objects.values_list("identifier", flat=True)
        }
        return lookups

    def party(self, value: str) -> str | None:
        code = value.strip().lower()
        if len(code) == 3 and code.isalpha():
            country = pycountry.countries.get(alpha_3=code)
            code = country.alpha_2.lower() if country is not None else code
        return code if code in self.parties else None


def _label_texts(labels: Any) -> list[str]:
    if not isinstance(labels, dict):
        return []
    return [" ".join(text.split()) for text in labels.values() if isinstance(text, str) and text.strip()]


@dataclass(frozen=True)
class Provenance:
    """Where harvested records come from: the source's name, its address, when it was read."""

    source: str
    harvested_from: str
    harvested_at: datetime.datetime
    default_kind: str


def resource_data(record: DcRecord, lookups: Lookups, provenance: Provenance) -> ResourceData:
    """The knowledge-hub resource an oai_dc record describes (validated later by the knowledge services)."""
    languages = _unique(code for value in record.texts("language") if (code := language_code(value)))
    fallback = next((code for code in languages if code in UN_LANGUAGES), "en")
    title = _multilingual(record.all("title"), fallback, None)
    gbf, subjects, keywords = _subjects(record.texts("subject"), lookups)
    countries, regions = _coverage(record.texts("coverage"), lookups)
    return ResourceData(
        kind=_kind(record.texts("type"), provenance.default_kind),
        title=title,
        summary=_multilingual(record.all("description"), fallback, "\n\n"),
        authors=_unique(name[:AUTHOR_MOST] for name in record.texts("creator")),
        publication_date=next((day for text in record.texts("date") if (day := read_date(text))), None),
        links=[{"url": url, "name": "", "language": ""} for url in _urls(record.texts("identifier"))],
        resource_languages=languages,
        gbf_targets=gbf,
        cbd_subjects=subjects,
        countries=countries,
        regions=regions,
        keywords=keywords,
        rights="; ".join(_unique(record.texts("rights")))[:RIGHTS_MOST],
        source=provenance.source,
        original_identifier=record.identifier,
        harvested_from=provenance.harvested_from,
        harvested_at=provenance.harvested_at,
        original_language=_original_language(title, languages),
    )


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _multilingual(values: list[DcValue], fallback: str, joiner: str | None) -> dict[str, str]:
    """Texts keyed by UN language. Texts without a language go under `fallback` (the record's first UN
    language, else English) when it has none of its own; texts in other languages only when there is no
    other text at all. Several texts in one language are joined by `joiner`, or the first is kept."""
    tagged: dict[str, list[str]] = {}
    untagged: list[str] = []
    foreign: list[str] = []
    for value in values:
        if value.language in UN_LANGUAGES:
            tagged.setdefault(value.language, []).append(value.value)
        else:
            (foreign if value.language else untagged).append(value.value)
    if fallback not in tagged and (untagged or (foreign and not tagged)):
        tagged[fallback] = untagged or foreign
    ordered = sorted(tagged, key=UN_LANGUAGES.index)
    texts = {code: _unique(tagged[code]) for code in ordered}
    return {code: joiner.join(found) if joiner is not None else found[0] for code, found in texts.items()}


def _original_language(title: dict[str, str], languages: list[str]) -> str:
    for code in [*languages, "en", *UN_LANGUAGES]:
        if code in title:
            return code
    return "en"


def _kind(types: list[str], default: str) -> str:
    for text in types:
        value = text.strip()
        if value in ResourceKind.values:
            return value
        kind = _DCMI_KINDS.get(value.rsplit("/", 1)[-1].casefold())
        if kind is not None:
            return kind.value
    return default


def _subjects(values: list[str], lookups: Lookups) -> tuple[list[str], list[str], list[str]]:
    """GBF targets and CBD subjects named by identifier or label; any other subject is a keyword."""
    gbf: list[str] = []
    subjects: list[str] = []
    keywords: list[str] = []
    for value in values:
        found = lookups.terms.get(value.casefold())
        if found is None:
            keywords.append(value if len(value) <= KEYWORD_MOST else value[: KEYWORD_MOST - 1] + "…")
        elif found[0] == GBF_TARGETS:
            gbf.append(found[1])
        else:
            subjects.append(found[1])
    return _unique(gbf), _unique(subjects), _unique(keywords)


def _coverage(values: list[str], lookups: Lookups) -> tuple[list[str], list[str]]:
    """Parties named by ISO code (two or three letters), regions by their CHM identifier; others left out."""
    countries: list[str] = []
    regions: list[str] = []
    for value in values:
        for part in re.split(r"[;,]\s*", value):
            if (code := lookups.party(part)) is not None:
                countries.append(code)
            elif (region := lookups.regions.get(part.strip().casefold())) is not None:
                regions.append(region)
    return _unique(countries), _unique(regions)


def read_date(text: str) -> datetime.date | None:
    """A W3CDTF date ("2024", "2024-05", "2024-05-17", a timestamp); None when it is not one."""
    match = re.match(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?\s*$", text)
    if match is None:
        return None
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _urls(identifiers: list[str]) -> list[str]:
    """The identifiers that are web addresses (a DOI becomes its https://doi.org/ address)."""
    urls = []
    for identifier in identifiers:
        doi = _DOI.match(identifier)
        url = f"https://doi.org/{doi.group(1)}" if doi else identifier
        try:
            _WEB(url)
        except ValidationError:
            continue
        urls.append(url)
    return _unique(urls)
