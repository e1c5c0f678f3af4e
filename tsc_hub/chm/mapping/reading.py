"""Reading a CHM record field by field: every problem is collected, unresolved values are kept aside."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from tsc_hub.chm.mapping.common import (
    CONTACT,
    LANGUAGE_LIST,
    OWN_KEY,
    KeptTerm,
    Mapped,
    RecordInvalid,
    base_identifier,
    parse_date,
)
from tsc_hub.chm.models import ExternalReference, ReferenceKind
from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.geography.models import Party, Region
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

OUR_ORGANISATION = re.compile(r"^tsc-org-(\d+)$")
EMPTY: tuple[Any, ...] = (None, "", [], {})


class Resolver:
    """Answers "what is this CHM identifier here?" for one import, reading each table at most once."""

    def __init__(self, *, fallback_organisation: int | None = None) -> None:
        self.fallback_organisation = fallback_organisation
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

    def organisation(self, reference: str) -> int | None:
        """A linked CHM identifier, or our own "tsc-org-<pk>"; None when neither is known."""
        base = base_identifier(reference)
        if base.casefold() in self._links:
            return self._links[base.casefold()]
        ours = OUR_ORGANISATION.match(base)
        if ours is None:
            return None
        pk = int(ours.group(1))
        if pk not in self._organisations:
            self._organisations[pk] = Organisation.objects.filter(pk=pk).exists()
        return pk if self._organisations[pk] else None


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

    def organisations(self, key: str) -> list[int]:
        """Our organisations for a list of references; unknown references are kept."""
        value = self.value(key)
        found: set[int] = set()
        for item in value if isinstance(value, list) else [] if value is None else [value]:
            reference = self.reference(key, item)
            pk = self.resolver.organisation(reference) if reference else None
            if pk is not None:
                found.add(pk)
            elif reference:
                self.keep(key, reference)
        return sorted(found)

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

    def own_terms(self, name: str, vocabulary: str) -> list[str]:
        self.own_used.add(name)
        key = f"{OWN_KEY}.{name}"
        value = self.own_values.get(name)
        items = value if isinstance(value, list) else [] if value in EMPTY else [value]
        read = [self.term(key, item) for item in items]
        return self.split_terms(key, vocabulary, [item for item in read if item is not None])

    def languages(self, title: dict[str, str]) -> tuple[str, list[str]]:
        """The original language (else the first header language the title is in) and working languages
        (else the header's languages)."""
        original = self.own("originalLanguage", str, None)
        if original is None:
            candidates = [*self.header.languages, *UN_LANGUAGES]
            original = next((code for code in candidates if code in title), "en")
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
        )
