"""Writing a CHM record: fields in a fixed order, terms sorted, kept terms put back where they came from."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from tsc_hub.chm.mapping.common import CONTACT, OWN_KEY, KeptTerm, sort_terms
from tsc_hub.chm.models import ExternalReference, ReferenceKind, UnknownTerm
from tsc_hub.core.languages import UN_LANGUAGES


def kept_terms_of(schema: str, record_ids: Iterable[int]) -> dict[int, list[KeptTerm]]:
    """The kept terms of records of one schema, by record id."""
    kept: dict[int, list[KeptTerm]] = defaultdict(list)
    rows = UnknownTerm.objects.filter(record_type=schema, record_id__in=list(record_ids))
    for row in rows:
        custom = row.custom_value if isinstance(row.custom_value, dict) else {}
        kept[row.record_id].append(KeptTerm.of(row.field, row.identifier, custom))
    return kept


class ExportContext:
    """What exporting records of one schema needs beside them: their kept terms and how organisations
    are named in the CHM (a linked CHM identifier, else "tsc-org-<pk>")."""

    def __init__(self, schema: str, record_ids: Iterable[int]) -> None:
        self.schema = schema
        self.kept = kept_terms_of(schema, record_ids)
        self.links: dict[int, str] = {}
        links = ExternalReference.objects.filter(kind=ReferenceKind.ORGANISATION).order_by("-id")
        for object_id, chm_identifier in links.values_list("object_id", "chm_identifier"):
            self.links[object_id] = chm_identifier  # the oldest link wins: it is written last

    def organisation_reference(self, pk: int) -> str:
        return self.links.get(pk, f"tsc-org-{pk}")


class RecordWriter:
    """One record being written. Empty fields are left out, as the CHM does."""

    def __init__(self, *, schema: str, identifier: str, kept: Iterable[KeptTerm], context: ExportContext):
        self.schema, self.identifier, self.context = schema, identifier, context
        self.fields: dict[str, Any] = {}
        self.own_values: dict[str, Any] = {}
        self.languages: set[str] = set()
        self.kept: dict[str, list[KeptTerm]] = defaultdict(list)
        for term in sorted(kept):
            self.kept[term.field].append(term)
        self.written: set[str] = set()

    def _kept(self, key: str) -> list[dict[str, Any]]:
        self.written.add(key)
        return [term.as_chm() for term in self.kept.get(key, [])]

    def text(self, key: str, value: dict[str, str]) -> None:
        if value:
            self.fields[key] = {language: value[language] for language in UN_LANGUAGES if language in value}
            self.languages.update(value)

    def one_text(self, key: str, text: str, language: str) -> None:
        """A text tsc-hub keeps once, written as an lstring in the record's original language."""
        if text:
            self.text(key, {language: text})

    def text_list(self, key: str, texts: Iterable[str], language: str) -> None:
        """Texts (such as keywords) written as a list of lstrings in the record's original language."""
        items = [{language: text} for text in texts if text]
        if items:
            self.fields[key] = items
            self.languages.add(language)

    def links(self, key: str, links: Iterable[dict[str, str]]) -> None:
        """CHM links {url, name, language}, leaving out empty parts."""
        items = [
            {part: link[part] for part in ("url", "name", "language") if link.get(part)} for link in links
        ]
        if items:
            self.fields[key] = items

    def strings(self, key: str, values: Iterable[str]) -> None:
        items = [value for value in values if value]
        if items:
            self.fields[key] = items

    def kept_scalar(self, key: str) -> None:
        """A plain value kept by the import (see RecordReader.keep_scalar), written back as it came."""
        kept = self._kept(key)
        if kept:
            self.fields[key] = kept[0]["identifier"]

    def _terms(self, key: str, identifiers: Iterable[str]) -> list[dict[str, Any]]:
        terms = [{"identifier": identifier} for identifier in dict.fromkeys(identifiers)] + self._kept(key)
        return sort_terms(terms)

    def terms(self, key: str, identifiers: Iterable[str]) -> None:
        items = self._terms(key, identifiers)
        if items:
            self.fields[key] = items

    def term(self, key: str, identifier: str | None) -> None:
        kept = self._kept(key)
        if identifier:
            self.fields[key] = {"identifier": identifier}
        elif kept:
            self.fields[key] = kept[0]

    def places(self, key: str, parties: Iterable[str], regions: Iterable[str]) -> None:
        self.terms(key, [*parties, *regions])

    def organisation(self, key: str, pk: int) -> None:
        self.fields[key] = {"identifier": self.context.organisation_reference(pk)}

    def organisations(self, key: str, pks: Iterable[int]) -> None:
        self.terms(key, [self.context.organisation_reference(pk) for pk in pks])

    def contact(self, name: str, email: str) -> None:
        """{identifier (a kept CHM contact record, if any), name, email}."""
        contact: dict[str, Any] = {}
        kept = self._kept(CONTACT)
        if kept:
            contact["identifier"] = kept[0]["identifier"]
        contact.update(name=name, email=email)
        self.fields[CONTACT] = contact

    def date(self, key: str, value: datetime.date | None) -> None:
        if value is not None:
            self.fields[key] = value.isoformat()

    def own(self, name: str, value: Any) -> None:
        self.own_values[name] = value

    def own_date(self, name: str, value: datetime.date | None) -> None:
        if value is not None:
            self.own_values[name] = value.isoformat()

    def own_organisation(self, name: str, pk: int | None) -> None:
        """A reference to one of our organisations under "tschub", else the unknown one kept by import."""
        kept = self._kept(f"{OWN_KEY}.{name}")
        if pk is not None:
            self.own_values[name] = {"identifier": self.context.organisation_reference(pk)}
        elif kept:
            self.own_values[name] = kept[0]

    def own_terms(self, name: str, identifiers: Iterable[str]) -> None:
        items = self._terms(f"{OWN_KEY}.{name}", identifiers)
        if items:
            self.own_values[name] = items

    def finish(self) -> dict[str, Any]:
        """The record: header, the fields in the order written, kept fields not yet written, then ours."""
        for key in sorted(set(self.kept) - self.written - {CONTACT}):
            if key.startswith(f"{OWN_KEY}."):
                self.own_terms(key.removeprefix(f"{OWN_KEY}."), [])
            else:
                self.terms(key, [])
        header = {
            "identifier": self.identifier,
            "schema": self.schema,
            "languages": [language for language in UN_LANGUAGES if language in self.languages],
        }
        return {"header": header, **self.fields, OWN_KEY: self.own_values}
