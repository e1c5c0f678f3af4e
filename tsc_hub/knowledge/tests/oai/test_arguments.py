"""Argument checking without the database: verbs, argument tables, datestamps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tsc_hub.knowledge.oai.arguments import parse_request
from tsc_hub.knowledge.oai.protocol import ErrorCode, OaiError, Verb, format_datestamp, parse_datestamp


def code_of(params: dict[str, list[str]]) -> ErrorCode:
    with pytest.raises(OaiError) as raised:
        parse_request(params)
    return raised.value.code


@pytest.mark.parametrize(
    "params",
    [{}, {"verb": ["Harvest"]}, {"verb": ["Identify", "Identify"]}, {"verb": ["identify"]}, {"verb": [""]}],
)
def test_a_missing_unknown_or_repeated_verb_is_bad_verb(params):
    assert code_of(params) == ErrorCode.BAD_VERB


@pytest.mark.parametrize(
    "params",
    [
        {"verb": ["Identify"], "set": ["kind"]},
        {"verb": ["ListRecords"]},
        {"verb": ["ListRecords"], "metadataPrefix": ["oai_dc", "oai_dc"]},
        {"verb": ["ListRecords"], "metadataPrefix": ["oai_dc"], "resumptionToken": ["x"]},
        {"verb": ["ListIdentifiers"], "metadataPrefix": ["oai_dc"], "from": ["2026-13-01"]},
        {"verb": ["ListIdentifiers"], "metadataPrefix": ["oai_dc"], "until": ["2026-01-01T00:00:00"]},
        {"verb": ["ListIdentifiers"], "metadataPrefix": ["oai_dc"], "from": ["2026-01-01T00:00:00.5Z"]},
        {
            "verb": ["ListRecords"],
            "metadataPrefix": ["oai_dc"],
            "from": ["2026-01-01"],
            "until": ["2026-02-01T00:00:00Z"],
        },
        {
            "verb": ["ListRecords"],
            "metadataPrefix": ["oai_dc"],
            "from": ["2026-02-01"],
            "until": ["2026-01-01"],
        },
        {"verb": ["GetRecord"], "identifier": ["oai:x:resource/1"]},
        {"verb": ["GetRecord"], "metadataPrefix": ["oai_dc"]},
        {"verb": ["ListSets"], "resumptionToken": ["x"], "set": ["kind"]},
    ],
)
def test_arguments_against_the_verb_table_are_bad_argument(params):
    assert code_of(params) == ErrorCode.BAD_ARGUMENT


def test_a_valid_request_keeps_its_arguments_and_reads_the_dates():
    request = parse_request(
        {
            "verb": ["ListRecords"],
            "metadataPrefix": ["oai_dc"],
            "from": ["2026-01-01"],
            "until": ["2026-01-31"],
        }
    )
    assert request.verb is Verb.LIST_RECORDS
    assert request.arguments == {"metadataPrefix": "oai_dc", "from": "2026-01-01", "until": "2026-01-31"}
    assert request.from_.start == datetime(2026, 1, 1, tzinfo=UTC)
    # until is inclusive: the whole last day counts.
    assert request.until.end == datetime(2026, 2, 1, tzinfo=UTC)


def test_a_resumption_token_stands_alone():
    request = parse_request({"verb": ["ListIdentifiers"], "resumptionToken": ["abc"]})
    assert request.get("resumptionToken") == "abc"
    assert request.get("metadataPrefix") is None


def test_datestamps_at_seconds_cover_one_second():
    stamp = parse_datestamp("2026-03-04T05:06:07Z", argument="from")
    assert (stamp.start, stamp.end) == (
        datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC),
        datetime(2026, 3, 4, 5, 6, 8, tzinfo=UTC),
    )
    assert format_datestamp(stamp.start) == "2026-03-04T05:06:07Z"


def test_the_last_possible_day_does_not_overflow():
    assert parse_datestamp("9999-12-31", argument="until").end.year == 9999
