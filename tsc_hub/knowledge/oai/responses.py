"""The XML of OAI-PMH responses: the envelope, headers, records, resumption tokens and errors."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils import timezone
from lxml import etree

from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.oai import repository
from tsc_hub.knowledge.oai.dublin_core import dublin_core, write_oai_dc
from tsc_hub.knowledge.oai.protocol import (
    OAI_NS,
    OAI_SCHEMA,
    XSI_NS,
    OaiError,
    format_datestamp,
)
from tsc_hub.knowledge.oai.tokens import Position

Element = etree._Element
# The OAI namespace is the default one, as in every example of the specification; xsi is declared once.
ENVELOPE_NAMESPACES = {None: OAI_NS, "xsi": XSI_NS}


def oai(parent: Element, name: str, text: str | None = None) -> Element:
    """Append an element of the OAI-PMH namespace."""
    element = etree.SubElement(parent, f"{{{OAI_NS}}}{name}")
    element.text = text
    return element


def envelope(arguments: Mapping[str, str] | None) -> Element:
    """`<OAI-PMH>` with responseDate and request; `arguments` (verb included) become request attributes."""
    root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap=ENVELOPE_NAMESPACES)
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} {OAI_SCHEMA}")
    oai(root, "responseDate", format_datestamp(timezone.now()))
    request = oai(root, "request", repository.base_url())
    for name, value in (arguments or {}).items():
        request.set(name, value)
    return root


def error_document(error: OaiError, arguments: Mapping[str, str]) -> Element:
    """A complete response carrying one error."""
    root = envelope(arguments if error.echoes_arguments else None)
    oai(root, "error", error.message).set("code", error.code)
    return root


def header(parent: Element, resource: Resource) -> Element:
    """A record header: identifier, datestamp of the last change, sets; `status="deleted"` when withdrawn."""
    element = oai(parent, "header")
    if repository.is_deleted(resource):
        element.set("status", "deleted")
    oai(element, "identifier", repository.oai_identifier(resource.pk))
    oai(element, "datestamp", format_datestamp(resource.updated_at))
    for spec in repository.set_specs(resource):
        oai(element, "setSpec", spec)
    return element


def record(parent: Element, resource: Resource) -> Element:
    """A record: its header and, unless it is deleted, its oai_dc metadata."""
    element = oai(parent, "record")
    header(element, resource)
    if not repository.is_deleted(resource):
        write_oai_dc(oai(element, "metadata"), dublin_core(resource))
    return element


def resumption_token(parent: Element, token: str, position: Position) -> Element:
    """The token of the next page, or an empty one on the last page of a resumed list (section 3.5)."""
    element = oai(parent, "resumptionToken", token or None)
    element.set("cursor", str(position.cursor))
    if position.complete_list_size is not None:
        element.set("completeListSize", str(position.complete_list_size))
    return element


def serialise(root: Element) -> bytes:
    """UTF-8 XML with a declaration."""
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)
