"""The six verbs: from validated arguments to a response document."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.db.models import QuerySet
from lxml import etree

from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.oai import repository
from tsc_hub.knowledge.oai.arguments import OaiRequest, parse_request
from tsc_hub.knowledge.oai.protocol import (
    GRANULARITY,
    OAI_DC,
    OAI_DC_NS,
    OAI_DC_SCHEMA,
    OAI_IDENTIFIER_NS,
    OAI_IDENTIFIER_SCHEMA,
    PROTOCOL_VERSION,
    XSI_NS,
    ErrorCode,
    OaiError,
    Verb,
    format_datestamp,
)
from tsc_hub.knowledge.oai.responses import (
    Element,
    envelope,
    error_document,
    header,
    oai,
    record,
    resumption_token,
    serialise,
)
from tsc_hub.knowledge.oai.tokens import ListQuery, Position, decode_token, encode_token


def respond(params: Mapping[str, Sequence[str]]) -> bytes:
    """The response to a request's arguments (every value a list); protocol errors are documents too."""
    try:
        request = parse_request(params)
    except OaiError as error:
        return serialise(error_document(error, {}))
    echoed = {"verb": request.verb.value, **request.arguments}
    root = envelope(echoed)
    try:
        HANDLERS[request.verb](root, request)
    except OaiError as error:
        root = error_document(error, echoed)
    return serialise(root)


def identify(root: Element, request: OaiRequest) -> None:
    """Identify: who we are, since when we have records, and how we keep deletions."""
    element = oai(root, "Identify")
    oai(
        element,
        "repositoryName",
        f"{settings.SITE_NAME} knowledge hub (CBD technical and scientific cooperation)",
    )
    oai(element, "baseURL", repository.base_url())
    oai(element, "protocolVersion", PROTOCOL_VERSION)
    oai(element, "adminEmail", repository.admin_email())
    oai(element, "earliestDatestamp", format_datestamp(repository.earliest_datestamp()))
    # Withdrawn resources stay as deleted records for good: the resource row is never removed.
    oai(element, "deletedRecord", "persistent")
    oai(element, "granularity", GRANULARITY)
    _identifier_description(oai(element, "description"))


def _identifier_description(parent: Element) -> None:
    """The oai-identifier description, which tells harvesters how our identifiers are formed."""
    namespaces = {None: OAI_IDENTIFIER_NS}
    description = etree.SubElement(parent, f"{{{OAI_IDENTIFIER_NS}}}oai-identifier", nsmap=namespaces)
    description.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_IDENTIFIER_NS} {OAI_IDENTIFIER_SCHEMA}")
    for name, text in [
        ("scheme", "oai"),
        ("repositoryIdentifier", repository.repository_identifier()),
        ("delimiter", ":"),
        ("sampleIdentifier", repository.oai_identifier(1)),
    ]:
        etree.SubElement(description, f"{{{OAI_IDENTIFIER_NS}}}{name}").text = text


def list_metadata_formats(root: Element, request: OaiRequest) -> None:
    """ListMetadataFormats: oai_dc, for the whole repository and for each record."""
    identifier = request.get("identifier")
    if identifier is not None:
        _resource(identifier, with_metadata=False)
    element = oai(root, "ListMetadataFormats")
    metadata_format = oai(element, "metadataFormat")
    oai(metadata_format, "metadataPrefix", OAI_DC)
    oai(metadata_format, "schema", OAI_DC_SCHEMA)
    oai(metadata_format, "metadataNamespace", OAI_DC_NS)


def list_sets(root: Element, request: OaiRequest) -> None:
    """ListSets: a few dozen sets in one response, so a resumption token can only be one we never gave."""
    if request.get("resumptionToken") is not None:
        raise OaiError(ErrorCode.BAD_RESUMPTION_TOKEN, "ListSets is never split, so no token is valid.")
    element = oai(root, "ListSets")
    for oai_set in repository.set_catalogue():
        entry = oai(element, "set")
        oai(entry, "setSpec", oai_set.spec)
        oai(entry, "setName", oai_set.name)


def get_record(root: Element, request: OaiRequest) -> None:
    """GetRecord: one record, or its header alone when it is deleted."""
    _check_format(request.get("metadataPrefix") or "")
    resource = _resource(request.get("identifier") or "", with_metadata=True)
    record(oai(root, "GetRecord"), resource)


def list_identifiers(root: Element, request: OaiRequest) -> None:
    """ListIdentifiers: headers only, in pages."""
    _list(root, request, with_metadata=False)


def list_records(root: Element, request: OaiRequest) -> None:
    """ListRecords: full records, in pages."""
    _list(root, request, with_metadata=True)


def _list(root: Element, request: OaiRequest, *, with_metadata: bool) -> None:
    """One page of a list: at most page_size + 1 rows are read, the extra one only says there is more."""
    query, position = _list_state(request)
    _check_format(query.metadata_prefix)
    resources = repository.matching(query)
    loaded = repository.with_metadata(resources) if with_metadata else repository.with_headers(resources)
    size = repository.page_size()
    page = repository.page_after(loaded, position, size + 1)
    more, page = len(page) > size, page[:size]
    if not page:
        raise OaiError(ErrorCode.NO_RECORDS_MATCH, "No records match the request.")
    element = oai(root, request.verb)
    for resource in page:
        (record if with_metadata else header)(element, resource)
    if more or position.after_id is not None:  # a list complete in one response carries no token
        _append_token(element, query, position, page, more=more, resources=resources)


def _append_token(
    element: Element,
    query: ListQuery,
    position: Position,
    page: list[Resource],
    *,
    more: bool,
    resources: QuerySet[Resource],
) -> None:
    """The token of the next page, or the empty token that closes a resumed list."""
    total = position.complete_list_size
    if total is None:
        total = resources.count()  # once per harvest: later pages read it from the token
    last = page[-1]
    following = position.advanced(last_datestamp=last.updated_at, last_id=last.pk, sent=len(page), size=total)
    shown = Position(cursor=position.cursor, complete_list_size=total)
    resumption_token(element, encode_token(query, following) if more else "", shown)


def _list_state(request: OaiRequest) -> tuple[ListQuery, Position]:
    token = request.get("resumptionToken")
    if token is not None:
        return decode_token(token, verb=request.verb)
    query = ListQuery(
        verb=request.verb,
        metadata_prefix=request.get("metadataPrefix") or "",
        set_spec=request.get("set"),
        start=request.from_.start if request.from_ else None,
        end=request.until.end if request.until else None,
    )
    return query, Position()


def _check_format(metadata_prefix: str) -> None:
    if metadata_prefix != OAI_DC:
        raise OaiError(
            ErrorCode.CANNOT_DISSEMINATE_FORMAT, f"The metadata format {metadata_prefix!r} is not available."
        )


def _resource(identifier: str, *, with_metadata: bool) -> Resource:
    """The harvestable resource an identifier names; idDoesNotExist for anything else, drafts included."""
    pk = repository.resource_pk(identifier)
    resources = repository.harvestable()
    resources = repository.with_metadata(resources) if with_metadata else resources
    resource = resources.filter(pk=pk).first() if pk is not None else None
    if resource is None:
        raise OaiError(ErrorCode.ID_DOES_NOT_EXIST, f"No record has the identifier {identifier!r}.")
    return resource


HANDLERS: dict[Verb, Callable[[Element, OaiRequest], None]] = {
    Verb.IDENTIFY: identify,
    Verb.LIST_METADATA_FORMATS: list_metadata_formats,
    Verb.LIST_SETS: list_sets,
    Verb.GET_RECORD: get_record,
    Verb.LIST_IDENTIFIERS: list_identifiers,
    Verb.LIST_RECORDS: list_records,
}
