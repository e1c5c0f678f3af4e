"""Reading a CHM record field by field: every problem is collected, unresolved values are kept aside."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tsc_hub.chm.mapping.common import (
    CONTACT,
    LANGUAGE_LIST,
    OWN_KEY,
    HarvestProvenance,
    KeptTerm,
    Mapped,
    RecordInvalid,
    base_identifier,
    parse_date,
)
from tsc_hub.chm.models import ExternalReference, ReferenceKind
from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.geography.models import Party, Region
from tsc_hub.knowledge.validation import is_language_code
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

OUR_ORGANISATION = re.compile(r"^tsc-org-(\d+)$")
EMPTY: tuple[Any, ...] = (None, "", [], {})
CHM_API = "https://api.cbd.int"
"""Where the CHM serves the files its records link to by a path ("/api/v2013/documents/...")."""
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
KEPT_TEXT_LENGTH = 200  # the identifier column of chm.UnknownTerm


class Resolver:
    """Answers "what is this CHM identifier here?" for one import, reading each table at most once, and
    where the import's records come from (`provenance`: a harvest; None: a file given by an operator)."""

    def __init__(
        self, *, fallback_organisation: int | None = None, provenance: HarvestProvenance | None = None
    ) -> None:
        self.fallback_organisation = fallback_organisation
        self.provenance = provenance
        self._parties = set(Party.objects.values_list("code", flat=True))
        self._regions = {
            ident.casefold(): ident for ident in Region.objects.values_list("identifier", flat=True)
        }
        self._vocabularies: dict[str, set[str]] = {}
        self._links = {
            chm_identifier.casefold(): object_id
            for chm_identifier, object_id in ExternalReference.objects.filter(
                kind=ReferenceKind.ORGANISATION
            ).values_list("chm_identifier", "object_id")
        }
        self._organisations: dict[int, bool] = {}
        self._labels: dict[str, dict[str, str]] = {}
        self._pending: dict[str, int] = {}
        self.placeholders_used = False

    def expect_organisations(self, references: Iterable[str]) -> None:
        """Organisations the file being imported creates: until they are written, a reference to one
        resolves to a placeholder (a negative number), so that the records naming them can be checked."""
        for reference in references:
            base = base_identifier(reference)
            if base and self.organisation(base) is None:
                self._pending.setdefault(base.casefold(), -(len(self._pending) + 1))

    def party(self, identifier: str) -> str | None:
        code = identifier.strip().lower()
        return code if code in self._parties else None

    def region(self, identifier: str) -> str | None:
        return self._regions.get(identifier.strip().casefold())

    def has_term(self, vocabulary: str, identifier: str) -> bool:
        if vocabulary not in self._vocabularies:
            terms = Term.objects.in_vocabulary(vocabulary).values_list("identifier", flat=True)
            self._vocabularies[vocabulary] = set(terms)
        return identifier in self._vocabularies[vocabulary]

    def term_label(self, vocabulary: str, identifier: str) -> str:
        """The English label (else any label) of a term of a vocabulary; "" when it is not there."""
        if vocabulary not in self._labels:
            rows = Term.objects.in_vocabulary(vocabulary).values_list("identifier", "labels")
            self._labels[vocabulary] = {
                ident.casefold(): str(labels.get("en") or next(iter(labels.values()), ""))
                for ident, labels in rows
                if isinstance(labels, dict)
            }
        return self._labels[vocabulary].get(identifier.casefold(), "")

    def organisation(self, reference: str) -> int | None:
        """A linked CHM identifier, or our own "tsc-org-<pk>", or the placeholder of an organisation the
        file brings (see expect_organisations); None when none is known."""
        base = base_identifier(reference)
        if base.casefold() in self._links:
            return self._links[base.casefold()]
        ours = OUR_ORGANISATION.match(base)
        if ours is not None:
            pk = int(ours.group(1))
            if pk not in self._organisations:
                self._organisations[pk] = Organisation.objects.filter(pk=pk).exists()
            if self._organisations[pk]:
                return pk
        placeholder = self._pending.get(base.casefold())
        if placeholder is not None:
            self.placeholders_used = True
        return placeholder


def _unknown_organisation(key: str, reference: str) -> str:
    return (
        f"{key}: “{reference}” is not a known organisation; kept as it came (link it with "
        f"`tsc-hub chm link-organisation {base_identifier(reference)} PK`)"
    )


@dataclass
class Header:
    """The `header` of a record: its identifier, schema and languages, with what is wrong with them."""

    identifier: str = ""
    schema: str = ""
    languages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_header(raw: dict[str, Any], schemas: tuple[str, ...]) -> Header:
    """Check `header.identifier`, `header.schema` (one of `schemas`) and `header.languages`."""
    header = Header()
    value = raw.get("header")
    if not isinstance(value, dict):
        header.problems.append("header: missing; expected {identifier, schema, languages}")
        return header
    identifier, schema, languages = value.get("identifier"), value.get("schema"), value.get("languages", [])
    if isinstance(identifier, str) and identifier.strip():
        header.identifier = identifier.strip()
    else:
        header.problems.append("header.identifier: missing")
    header.schema = schema if isinstance(schema, str) else ""
    if header.schema not in schemas:
        header.problems.append(f"header.schema: “{schema}” is not one of {', '.join(schemas)}")
    if not isinstance(languages, list) or not all(isinstance(code, str) for code in languages):
        header.problems.append("header.languages: expected a list of language codes")
    else:
        header.problems.extend(
            f"header.languages: “{code}” is not one of {LANGUAGE_LIST}"
            for code in languages
            if code not in UN_LANGUAGES
        )
        header.languages = [code for code in languages if code in UN_LANGUAGES]
    return header


class RecordReader:
    """One record being read. Methods return clean values (or empty ones) and note problems and kept terms."""

    def __init__(self, raw: dict[str, Any], header: Header, resolver: Resolver) -> None:
        self.raw, self.header, self.resolver = raw, header, resolver
        self.problems: list[str] = list(header.problems)
        self.warnings: list[str] = []
        self.kept: set[KeptTerm] = set()
        self.used: set[str] = {"header", OWN_KEY}
        own = raw.get(OWN_KEY, {})
        if not isinstance(own, dict):
            self.problem(OWN_KEY, "expected an object")
            own = {}
        self.own_values: dict[str, Any] = own
        self.own_used: set[str] = set()

    def problem(self, key: str, message: str) -> None:
        self.problems.append(f"{key}: {message}")

    def keep(self, key: str, identifier: str, custom_value: dict[str, str] | None = None) -> None:
        self.kept.add(KeptTerm.of(key, identifier, custom_value))

    def value(self, key: str, *, required: bool = False) -> Any:
        """The raw value of a field, None when it is absent or empty (a problem if required)."""
        self.used.add(key)
        value = self.raw.get(key)
        if value in EMPTY:
            if required:
                self.problem(key, "this field is required")
            return None
        return value

    # Multilingual texts.

    def lstring(self, key: str, value: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            self.problem(key, f"expected texts keyed by language ({LANGUAGE_LIST})")
            return {}
        cleaned: dict[str, str] = {}
        for language, text in value.items():
            if language not in UN_LANGUAGES:
                self.problem(key, f"“{language}” is not one of the UN languages ({LANGUAGE_LIST})")
            elif not isinstance(text, str):
                self.problem(key, f"the “{language}” text is not a string")
            elif text.strip():
                cleaned[language] = text.strip()
        return {language: cleaned[language] for language in UN_LANGUAGES if language in cleaned}

    def text(self, key: str, *, required: bool = False) -> dict[str, str]:
        value = self.value(key, required=required)
        cleaned = {} if value is None else self.lstring(key, value)
        if required and value is not None and not cleaned and isinstance(value, dict):
            self.problem(key, "give a text in at least one language")
        return cleaned

    def _one(self, key: str, value: Any, language: str) -> str:
        """One text of an lstring (or of a plain string): the one in `language`, else the first there is."""
        if isinstance(value, str):
            return value.strip()
        texts = self.lstring(key, value)
        if not texts:
            return ""
        chosen = language if language in texts else next(iter(texts))
        if len(set(texts.values())) > 1:
            self.warnings.append(f"{key}: tsc-hub keeps one text; kept the “{chosen}” one")
        return texts[chosen]

    def one_text(self, key: str, language: str) -> str:
        """A field the CHM writes in several languages and tsc-hub keeps as one text."""
        value = self.value(key)
        return "" if value is None else self._one(key, value, language)

    def text_list(self, key: str, language: str) -> list[str]:
        """A list of lstrings (such as `tags`) as a list of texts, one per entry."""
        value = self.value(key)
        items = [] if value is None else value if isinstance(value, list) else [value]
        texts = [self._one(key, item, language) for item in items]
        return list(dict.fromkeys(text for text in texts if text))

    def links(self, key: str) -> list[dict[str, str]]:
        """CHM links {url, name, language}; a path on the CHM ("/api/v2013/...") is made a full address."""
        value = self.value(key)
        items = [] if value is None else value if isinstance(value, list) else [value]
        links: list[dict[str, str]] = []
        for position, item in enumerate(items, start=1):
            url = item.get("url") if isinstance(item, dict) else None
            if not isinstance(url, str) or not url.strip():
                self.problem(key, f'link {position}: expected {{"url": ..., "name": ..., "language": ...}}')
                continue
            url = url.strip()
            if url.startswith("/"):
                url = CHM_API + url
            name, language = item.get("name"), item.get("language")
            name = name.strip()[:300] if isinstance(name, str) else ""
            language = language.strip().lower() if isinstance(language, str) else ""
            if language and not is_language_code(language):
                self.warnings.append(f"{key}: link {position}: “{language}” is not a language code; left out")
                language = ""
            links.append({"url": url, "name": name, "language": language})
        return links

    def strings(self, key: str) -> list[str]:
        """A list of plain texts (such as e-mail addresses), blanks left out."""
        value = self.value(key)
        items = [] if value is None else value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) for item in items):
            self.problem(key, "expected a list of texts")
            return []
        return [item.strip() for item in items if item.strip()]

    def keep_scalar(self, key: str) -> None:
        """A plain value of a field tsc-hub does not model (e.g. a budget), kept to be written back."""
        value = self.value(key)
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(key, "expected a text or a number")
        elif len(str(value).strip()) > KEPT_TEXT_LENGTH:
            self.warnings.append(f"{key}: longer than {KEPT_TEXT_LENGTH} characters; not kept")
        else:
            self.keep(key, str(value).strip())

    # Terms.

    def term(self, key: str, item: Any) -> tuple[str, dict[str, str]] | None:
        """One CHM Term {identifier, customValue?} as (identifier, custom value)."""
        identifier = item.get("identifier") if isinstance(item, dict) else None
        if not isinstance(identifier, str) or not identifier.strip():
            self.problem(key, 'expected terms like {"identifier": "..."}')
            return None
        custom = item.get("customValue")
        return identifier.strip(), {} if custom in EMPTY else self.lstring(f"{key}.customValue", custom)

    def terms(self, key: str, *, required: bool = False) -> list[tuple[str, dict[str, str]]]:
        value = self.value(key, required=required)
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        read = [self.term(key, item) for item in items]
        return [item for item in read if item is not None]

    def vocabulary_terms(self, key: str, vocabulary: str, *, required: bool = False) -> list[str]:
        """Identifiers of known terms; unknown ones and any with a customValue are kept."""
        return self.split_terms(key, vocabulary, self.terms(key, required=required))

    def split_terms(self, key: str, vocabulary: str, items: list[tuple[str, dict[str, str]]]) -> list[str]:
        known: set[str] = set()
        for identifier, custom in items:
            if not custom and self.resolver.has_term(vocabulary, identifier):
                known.add(identifier)
            else:
                self.keep(key, identifier, custom)
        return sorted(known)

    def single_term(self, key: str, vocabulary: str) -> str | None:
        known = self.vocabulary_terms(key, vocabulary)
        if isinstance(self.raw.get(key), list):
            self.problem(key, "expected one term, not a list")
        return known[0] if known else None

    def keep_all(self, key: str) -> None:
        """A term field tsc-hub does not model: every term is kept."""
        for identifier, custom in self.terms(key):
            self.keep(key, identifier, custom)

    def places(self, key: str, *, required: bool = False) -> tuple[list[str], list[str]]:
        """Country codes and region GUIDs of a coverage field; anything else is kept."""
        parties: set[str] = set()
        regions: set[str] = set()
        for identifier, custom in self.terms(key, required=required):
            party = None if custom else self.resolver.party(identifier)
            region = None if custom or party else self.resolver.region(identifier)
            if party:
                parties.add(party)
            elif region:
                regions.add(region)
            else:
                self.keep(key, identifier, custom)
        return sorted(parties), sorted(regions)

    def party(self, key: str) -> str:
        """A required single country term that must be a Party to the Convention ("" when not)."""
        items = self.terms(key, required=True)
        if not items:
            return ""
        code = self.resolver.party(items[0][0])
        if code is None:
            self.problem(key, f"“{items[0][0]}” is not a Party to the Convention")
        return code or ""

    # References to other CHM records.

    def reference(self, key: str, item: Any) -> str | None:
        identifier = item.get("identifier") if isinstance(item, dict) else None
        if not isinstance(identifier, str) or not identifier.strip():
            self.problem(key, 'expected a reference like {"identifier": "GUID@revision"}')
            return None
        return identifier.strip()

    def organisation(self, key: str) -> int:
        """Our organisation for a required organisation reference, or the --organisation fallback."""
        value = self.value(key)
        reference = None if value is None else self.reference(key, value)
        found = self.resolver.organisation(reference) if reference else None
        fallback = self.resolver.fallback_organisation
        if found is not None:
            return found
        if fallback is not None and (value is None or reference):
            self.warnings.append(
                f"{key}: “{reference or '(none)'}” is not linked; filed under organisation {fallback}"
            )
            return fallback
        if value is None:
            self.problem(key, "this field is required (or give --organisation PK)")
        elif reference:
            self.problem(
                key,
                f"“{reference}” is not a known organisation: link it with "
                f"`tsc-hub chm link-organisation {base_identifier(reference)} PK`, or give --organisation PK",
            )
        return 0

    def organisations(self, key: str, *, warn: bool = False) -> list[int]:
        """Our organisations for a list of references; unknown references are kept (and named, if `warn`)."""
        value = self.value(key)
        found: set[int] = set()
        for item in value if isinstance(value, list) else [] if value is None else [value]:
            reference = self.reference(key, item)
            pk = self.resolver.organisation(reference) if reference else None
            if pk is not None:
                found.add(pk)
            elif reference:
                self.keep(key, reference)
                if warn:
                    self.warnings.append(_unknown_organisation(key, reference))
        return sorted(found)

    def own_organisation(self, name: str) -> int | None:
        """Our organisation for a reference under "tschub"; an unknown one is kept and named."""
        self.own_used.add(name)
        key = f"{OWN_KEY}.{name}"
        value = self.own_values.get(name)
        if value in EMPTY:
            return None
        reference = self.reference(key, value)
        pk = self.resolver.organisation(reference) if reference else None
        if pk is None and reference:
            self.keep(key, reference)
            self.warnings.append(_unknown_organisation(key, reference))
        return pk

    def contact(self) -> tuple[str, str]:
        """The contact person's name and e-mail; a CHM contact record identifier is kept."""
        value = self.value(CONTACT, required=True)
        if value is None:
            return "", ""
        if not isinstance(value, dict):
            self.problem(CONTACT, "expected an object {identifier, name, email}")
            return "", ""
        if isinstance(value.get("identifier"), str) and value["identifier"].strip():
            self.keep(CONTACT, value["identifier"].strip())
        found = []
        for part in ("name", "email"):
            text = value.get(part)
            if not isinstance(text, str) or not text.strip():
                self.problem(CONTACT, f"give the contact's “{part}” (tsc-hub keeps a name and an e-mail)")
            found.append(text.strip() if isinstance(text, str) else "")
        return found[0], found[1]

    # Dates.

    def date(self, key: str) -> datetime.date | None:
        value = self.value(key)
        if value is None:
            return None
        try:
            return parse_date(value)
        except ValueError:
            self.problem(key, f"“{value}” is not a date like 2025-01-31")
            return None

    def partial_date(self, key: str) -> datetime.date | None:
        """A date that may be only a year ("2024") or a month ("2024-12"): its first day, with a warning.
        The CHM declares `publicationDate` an lstring: {"en": "2024-12"} is read too."""
        value = self.value(key)
        if isinstance(value, dict) and value and all(isinstance(text, str) for text in value.values()):
            value = next(iter(value.values()))
        partial = PARTIAL_DATE.match(value.strip()) if isinstance(value, str) else None
        if partial is None:
            if value is None:
                return None
            try:
                return parse_date(value)
            except ValueError:
                self.problem(key, f"“{value}” is not a date like 2025-01-31")
                return None
        year, month = int(partial.group(1)), int(partial.group(2) or 1)
        try:
            day = datetime.date(year, month, 1)
        except ValueError:
            self.problem(key, f"“{value}” is not a date like 2025-01-31")
            return None
        self.warnings.append(f"{key}: “{value.strip()}” kept as {day.isoformat()}")
        return day

    def date_range(self, start_key: str, end_key: str) -> tuple[datetime.date | None, datetime.date | None]:
        start, end = self.date(start_key), self.date(end_key)
        if start and end and end < start:
            self.problem(end_key, f"{end.isoformat()} is before {start_key} {start.isoformat()}")
        return start, end

    # tsc-hub's own fields.

    def own(self, name: str, kind: type, default: Any) -> Any:
        """A value under "tschub", checked to be of `kind`; `default` when absent."""
        self.own_used.add(name)
        value = self.own_values.get(name)
        if value is None:
            return default
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.problem(f"{OWN_KEY}.{name}", f"expected a {kind.__name__}")
            return default
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            self.problem(f"{OWN_KEY}.{name}", "expected a list of strings")
            return default
        return value

    def own_date(self, name: str) -> datetime.date | None:
        value = self.own(name, str, None)
        if value is None:
            return None
        try:
            return parse_date(value)
        except ValueError:
            self.problem(f"{OWN_KEY}.{name}", f"“{value}” is not a date like 2025-01-31")
            return None

    def own_terms(self, name: str, vocabulary: str) -> list[str]:
        self.own_used.add(name)
        key = f"{OWN_KEY}.{name}"
        value = self.own_values.get(name)
        items = value if isinstance(value, list) else [] if value in EMPTY else [value]
        read = [self.term(key, item) for item in items]
        return self.split_terms(key, vocabulary, [item for item in read if item is not None])

    def original_language(self, title: dict[str, str]) -> str:
        """Ours, else the first header language the title is in (else the first UN language it is in)."""
        original = self.own("originalLanguage", str, None)
        if original is None:
            candidates = [*self.header.languages, *UN_LANGUAGES]
            original = next((code for code in candidates if code in title), "en")
        return str(original)

    def languages(self, title: dict[str, str]) -> tuple[str, list[str]]:
        """The original language (see original_language) and working languages (else the header's)."""
        original = self.original_language(title)
        working = self.own("workingLanguages", list, None)
        if working is None:
            working = list(self.header.languages)
        return original, sorted(set(working))

    def finish(self, data: Any) -> Mapped:
        """The record read, or RecordInvalid with all its problems."""
        if self.problems:
            raise RecordInvalid(self.problems)
        ignored = sorted(set(self.raw) - self.used) + [
            f"{OWN_KEY}.{name}" for name in sorted(set(self.own_values) - self.own_used)
        ]
        if ignored:
            self.warnings.append(f"fields tsc-hub does not keep: {', '.join(ignored)}")
        return Mapped(
            schema=self.header.schema,
            identifier=self.header.identifier,
            data=data,
            kept=tuple(sorted(self.kept)),
            warnings=tuple(self.warnings),
            publish=self.resolver.provenance is None or self.resolver.provenance.publish,
        )
