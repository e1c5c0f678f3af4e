"""Resumption tokens: the query of an incomplete list and where the next page starts, signed.

A token holds the position as the (datestamp, id) of the last record sent, not an offset, so each page is
one indexed range query however deep the harvest is, and records added meanwhile do not shift pages.
It is signed with the site's SECRET_KEY so a harvester cannot hand back a query we did not issue.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from django.core import signing

from tsc_hub.knowledge.oai.protocol import ErrorCode, OaiError, Verb

_SALT = "tsc_hub.knowledge.oai.resumption"
_VERSION = 1


@dataclass(frozen=True)
class ListQuery:
    """What a ListIdentifiers or ListRecords harvest asks for, with bounds as half-open datetimes."""

    verb: Verb
    metadata_prefix: str
    set_spec: str | None = None
    start: datetime | None = None  # inclusive, from `from`
    end: datetime | None = None  # exclusive, just after `until`


@dataclass(frozen=True)
class Position:
    """Where a list stands: the last record sent, how many were sent, and how long the list is."""

    after_datestamp: datetime | None = None
    after_id: int | None = None
    cursor: int = 0
    complete_list_size: int | None = None

    def advanced(self, *, last_datestamp: datetime, last_id: int, sent: int, size: int) -> Position:
        """The position after one more page."""
        return replace(
            self,
            after_datestamp=last_datestamp,
            after_id=last_id,
            cursor=self.cursor + sent,
            complete_list_size=size,
        )


def encode_token(query: ListQuery, position: Position) -> str:
    """A compact, URL-safe, signed token for the next page of `query`."""
    payload = {"version": _VERSION, **_plain(asdict(query)), **_plain(asdict(position))}
    return signing.dumps(payload, salt=_SALT, compress=True)


def decode_token(token: str, *, verb: Verb) -> tuple[ListQuery, Position]:
    """The query and position a token stands for; badResumptionToken for forged, stale or foreign ones."""
    try:
        payload = signing.loads(token, salt=_SALT)
        if payload.pop("version") != _VERSION or payload["verb"] != verb:
            raise ValueError("token of another verb or version")
        return _query(payload), _position(payload)
    except (signing.BadSignature, ValueError, KeyError, TypeError, AttributeError):
        raise OaiError(
            ErrorCode.BAD_RESUMPTION_TOKEN, "The resumption token is invalid or was not issued for this verb."
        ) from None


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {
        name: value.isoformat() if isinstance(value, datetime) else value for name, value in values.items()
    }


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment


def _optional_int(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not an integer")
    return value


def _query(payload: dict[str, Any]) -> ListQuery:
    set_spec = payload["set_spec"]
    if not isinstance(payload["metadata_prefix"], str) or not isinstance(set_spec, str | None):
        raise TypeError("bad query")
    return ListQuery(
        verb=Verb(payload["verb"]),
        metadata_prefix=payload["metadata_prefix"],
        set_spec=set_spec,
        start=_moment(payload["start"]),
        end=_moment(payload["end"]),
    )


def _position(payload: dict[str, Any]) -> Position:
    after_datestamp = _moment(payload["after_datestamp"])
    after_id = _optional_int(payload["after_id"])
    if (after_datestamp is None) != (after_id is None):
        raise ValueError("half a position")
    return Position(
        after_datestamp=after_datestamp,
        after_id=after_id,
        cursor=_optional_int(payload["cursor"]) or 0,
        complete_list_size=_optional_int(payload["complete_list_size"]),
    )
