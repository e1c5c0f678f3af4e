"""The oai_dc metadata of a resource: unqualified Dublin Core, texts in every language with xml:lang.

The mapping follows the comments on the Resource fields (docs/knowledge.md); it is a list of
(element, value, language) so it can be checked without XML and written by `write_oai_dc`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from django.conf import settings
from lxml import etree

from tsc_hub.core.languages import UN_LANGUAGES, django_language
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.oai.protocol import DC_NS, OAI_DC_NS, OAI_DC_SCHEMA, XML_NS, XSI_NS
from tsc_hub.vocabularies.models import Term


class DcValue(NamedTuple):
    """One Dublin Core statement."""

    element: str
    value: str
    language: str | None = None


def record_page_url(resource: Resource) -> str:
    """The public page of the resource, in its original language."""
    language = resource.original_language if resource.original_language in UN_LANGUAGES else "en"
    return f"{settings.SITE_URL.rstrip('/')}/{django_language(language)}/resources/{resource.pk}/"


def dublin_core(resource: Resource) -> list[DcValue]:
    """The oai_dc statements of a resource whose relations are prefetched (`repository.with_metadata`)."""
    values = [
        *_texts("title", resource.title),
        *(DcValue("creator", name) for name in _author_names(resource.authors)),
        *_subjects(resource),
        *_texts("description", resource.summary),
        *_publishers(resource),
    ]
    if resource.publication_date:
        values.append(DcValue("date", resource.publication_date.isoformat()))
    values.append(DcValue("type", resource.kind))
    values.append(DcValue("identifier", record_page_url(resource)))
    values += [DcValue("identifier", url) for url in _link_urls(resource.links)]
    values += [DcValue("language", code) for code in _strings(resource.resource_languages)]
    values += [DcValue("coverage", party.code.upper()) for party in resource.countries.all()]
    values += [DcValue("coverage", region.identifier) for region in resource.regions.all()]
    if resource.rights:
        values.append(DcValue("rights", resource.rights))
    return values


def write_oai_dc(parent: etree._Element, values: Iterable[DcValue]) -> etree._Element:
    """Append `<oai_dc:dc>` with the statements to `parent` (the record's <metadata>)."""
    # Declared on oai_dc:dc itself, so the metadata stays self-contained when a harvester cuts it out.
    namespaces = {"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS}
    dc = etree.SubElement(parent, f"{{{OAI_DC_NS}}}dc", nsmap=namespaces)
    dc.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_SCHEMA}")
    for element, value, language in values:
        node = etree.SubElement(dc, f"{{{DC_NS}}}{element}")
        node.text = value
        if language:
            node.set(f"{{{XML_NS}}}lang", language)
    return dc


def _texts(element: str, multilingual: Any) -> Iterator[DcValue]:
    """One statement per language of a multilingual field, UN languages first in their usual order."""
    if not isinstance(multilingual, dict):
        return
    order = [*UN_LANGUAGES, *(code for code in multilingual if code not in UN_LANGUAGES)]
    for code in order:
        text = multilingual.get(code)
        if isinstance(text, str) and text.strip():
            yield DcValue(element, text.strip(), code)


def _author_names(authors: Any) -> Iterator[str]:
    # Authors are names as written; tolerate {"name": ...} objects from imports.
    for author in authors if isinstance(authors, list) else []:
        name = author.get("name") if isinstance(author, dict) else author
        if isinstance(name, str) and name.strip():
            yield name.strip()


def _subjects(resource: Resource) -> Iterator[DcValue]:
    """GBF targets, then CBD subjects (identifier, then label per language), then free keywords."""
    for term in [*resource.gbf_targets.all(), *resource.cbd_subjects.all()]:
        yield from _term(term)
    for keyword in _strings(resource.keywords):
        yield DcValue("subject", keyword)


def _term(term: Term) -> Iterator[DcValue]:
    yield DcValue("subject", term.identifier)
    yield from _texts("subject", term.labels)


def _publishers(resource: Resource) -> Iterator[DcValue]:
    """Each organisation once, named in its original language (else the first language it has)."""
    for organisation in resource.organisations.all():
        names = list(_texts("publisher", organisation.names))
        original = [name for name in names if name.language == organisation.original_language]
        yield from (original or names)[:1]


def _link_urls(links: Any) -> Iterator[str]:
    for link in links if isinstance(links, list) else []:
        url = link.get("url") if isinstance(link, dict) else None
        if isinstance(url, str) and url.strip():
            yield url.strip()


def _strings(values: Any) -> Iterator[str]:
    for value in values if isinstance(values, list) else []:
        if isinstance(value, str) and value.strip():
            yield value.strip()
