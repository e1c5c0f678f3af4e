"""Resumption tokens round-trip and refuse what we did not issue."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core import signing

from tsc_hub.knowledge.oai.protocol import ErrorCode, OaiError, Verb
from tsc_hub.knowledge.oai.tokens import ListQuery, Position, decode_token, encode_token

QUERY = ListQuery(
    verb=Verb.LIST_RECORDS,
    metadata_prefix="oai_dc",
    set_spec="gbf:GBF-TARGET-20",
    start=datetime(2026, 1, 1, tzinfo=UTC),
    end=datetime(2026, 2, 1, tzinfo=UTC),
)
POSITION = Position(
    after_datestamp=datetime(2026, 1, 5, 10, 0, 0, 123456, tzinfo=UTC),
    after_id=42,
    cursor=100,
    complete_list_size=250,
)


def test_a_token_gives_back_its_query_and_position_to_the_microsecond():
    assert decode_token(encode_token(QUERY, POSITION), verb=Verb.LIST_RECORDS) == (QUERY, POSITION)


def test_a_token_is_url_safe():
    token = encode_token(QUERY, POSITION)
    assert all(c.isascii() and (c.isalnum() or c in "-_:.") for c in token)


@pytest.mark.parametrize(
    "token",
    [
        "",
        "garbage",
        encode_token(QUERY, POSITION)[:-2] + "xx",  # tampered signature
        signing.dumps({"version": 1, "verb": "ListRecords"}, salt="another.salt"),
        signing.dumps({"version": 1, "verb": "ListRecords"}, salt="tsc_hub.knowledge.oai.resumption"),
        signing.dumps(["not", "a", "dict"], salt="tsc_hub.knowledge.oai.resumption"),
    ],
)
def test_a_forged_or_truncated_token_is_bad_resumption_token(token):
    with pytest.raises(OaiError) as raised:
        decode_token(token, verb=Verb.LIST_RECORDS)
    assert raised.value.code == ErrorCode.BAD_RESUMPTION_TOKEN


def test_a_token_of_one_verb_is_refused_by_another():
    with pytest.raises(OaiError) as raised:
        decode_token(encode_token(QUERY, POSITION), verb=Verb.LIST_IDENTIFIERS)
    assert raised.value.code == ErrorCode.BAD_RESUMPTION_TOKEN
