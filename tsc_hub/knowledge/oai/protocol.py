"""Constants, errors and datestamps of the OAI-PMH 2.0 protocol, independent of our records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
OAI_IDENTIFIER_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_IDENTIFIER_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"

PROTOCOL_VERSION = "2.0"
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
OAI_DC = "oai_dc"


class Verb(StrEnum):
    """The six requests of the protocol."""

    IDENTIFY = "Identify"
    LIST_METADATA_FORMATS = "ListMetadataFormats"
    LIST_SETS = "ListSets"
    LIST_IDENTIFIERS = "ListIdentifiers"
    LIST_RECORDS = "ListRecords"
    GET_RECORD = "GetRecord"


class ErrorCode(StrEnum):
    """The error codes of OAI-PMH 2.0 section 3.6."""

    BAD_ARGUMENT = "badArgument"
    BAD_RESUMPTION_TOKEN = "badResumptionToken"
    BAD_VERB = "badVerb"
    CANNOT_DISSEMINATE_FORMAT = "cannotDisseminateFormat"
    ID_DOES_NOT_EXIST = "idDoesNotExist"
    NO_METADATA_FORMATS = "noMetadataFormats"
    NO_RECORDS_MATCH = "noRecordsMatch"
    NO_SET_HIERARCHY = "noSetHierarchy"


class OaiError(Exception):
    """A protocol error: answered as an <error> element with HTTP 200, never as an HTTP error."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def echoes_arguments(self) -> bool:
        """Section 3.2: after badVerb or badArgument the <request> element carries no attributes."""
        return self.code not in (ErrorCode.BAD_VERB, ErrorCode.BAD_ARGUMENT)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECONDS = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


@dataclass(frozen=True)
class Datestamp:
    """A `from` or `until` argument: the moment it names and the granularity it was written in."""

    moment: datetime
    day_granularity: bool

    @property
    def start(self) -> datetime:
        """The first instant the datestamp covers (inclusive lower bound for `from`)."""
        return self.moment

    @property
    def end(self) -> datetime:
        """The first instant after the datestamp (exclusive upper bound for `until`, which is inclusive)."""
        step = timedelta(days=1) if self.day_granularity else timedelta(seconds=1)
        try:
            return self.moment + step
        except OverflowError:  # until=9999-12-31: there is no later instant to stop before
            return datetime.max.replace(tzinfo=UTC)


def parse_datestamp(value: str, *, argument: str) -> Datestamp:
    """Read a `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ` argument; anything else is badArgument."""
    try:
        if _DAY.fullmatch(value):
            moment = datetime.strptime(value, "%Y-%m-%d")
            return Datestamp(moment.replace(tzinfo=UTC), day_granularity=True)
        if _SECONDS.fullmatch(value):
            moment = datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
            return Datestamp(moment.replace(tzinfo=UTC), day_granularity=False)
    except ValueError:
        pass  # a well-shaped but impossible date (2026-02-30) is as bad as a malformed one
    raise OaiError(
        ErrorCode.BAD_ARGUMENT,
        f"The value {value!r} of '{argument}' is not a UTC datestamp YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.",
    )


def format_datestamp(moment: datetime) -> str:
    """A UTC datestamp at the granularity of seconds, as every header and responseDate carries."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
