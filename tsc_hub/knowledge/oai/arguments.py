"""Validation of request arguments (OAI-PMH 2.0 section 3.1.1 and the argument table of each verb)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tsc_hub.knowledge.oai.protocol import Datestamp, ErrorCode, OaiError, Verb, parse_datestamp


@dataclass(frozen=True)
class Grammar:
    """Which arguments a verb takes: always required, optional, and the one that must stand alone."""

    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    exclusive: str | None = None

    @property
    def allowed(self) -> frozenset[str]:
        return self.required | self.optional | ({self.exclusive} if self.exclusive else set())


_LIST = Grammar(
    required=frozenset({"metadataPrefix"}),
    optional=frozenset({"from", "until", "set"}),
    exclusive="resumptionToken",
)
GRAMMARS: dict[Verb, Grammar] = {
    Verb.IDENTIFY: Grammar(),
    Verb.LIST_METADATA_FORMATS: Grammar(optional=frozenset({"identifier"})),
    Verb.LIST_SETS: Grammar(exclusive="resumptionToken"),
    Verb.LIST_IDENTIFIERS: _LIST,
    Verb.LIST_RECORDS: _LIST,
    Verb.GET_RECORD: Grammar(required=frozenset({"identifier", "metadataPrefix"})),
}


@dataclass(frozen=True)
class OaiRequest:
    """A valid request: its verb and arguments, with `from` and `until` read as datestamps."""

    verb: Verb
    arguments: dict[str, str] = field(default_factory=dict)
    from_: Datestamp | None = None
    until: Datestamp | None = None

    def get(self, name: str) -> str | None:
        """The value of an argument, or None when it was not given."""
        return self.arguments.get(name)


def parse_request(params: Mapping[str, Sequence[str]]) -> OaiRequest:
    """Check the arguments of a GET query or POST form (every value as a list, like a QueryDict).

    Raises OaiError badVerb or badArgument; the other errors depend on the records and come later.
    """
    verb = _verb(params.get("verb", []))
    arguments = _single_values({name: values for name, values in params.items() if name != "verb"})
    _check_names(GRAMMARS[verb], arguments)
    from_ = _datestamp(arguments, "from")
    until = _datestamp(arguments, "until")
    if from_ and until:
        _check_range(from_, until)
    return OaiRequest(verb=verb, arguments=arguments, from_=from_, until=until)


def _verb(values: Sequence[str]) -> Verb:
    if not values:
        raise OaiError(ErrorCode.BAD_VERB, "The verb argument is missing.")
    if len(values) > 1:
        raise OaiError(ErrorCode.BAD_VERB, "The verb argument is repeated.")
    try:
        return Verb(values[0])
    except ValueError:
        raise OaiError(ErrorCode.BAD_VERB, f"{values[0]!r} is not an OAI-PMH verb.") from None


def _single_values(params: Mapping[str, Sequence[str]]) -> dict[str, str]:
    repeated = sorted(name for name, values in params.items() if len(values) > 1)
    if repeated:
        raise OaiError(ErrorCode.BAD_ARGUMENT, f"Repeated argument: {', '.join(repeated)}.")
    return {name: values[0] for name, values in params.items() if values}


def _check_names(grammar: Grammar, arguments: Mapping[str, str]) -> None:
    illegal = sorted(set(arguments) - grammar.allowed)
    if illegal:
        raise OaiError(ErrorCode.BAD_ARGUMENT, f"Illegal argument for this verb: {', '.join(illegal)}.")
    if grammar.exclusive and grammar.exclusive in arguments:
        if len(arguments) > 1:
            raise OaiError(ErrorCode.BAD_ARGUMENT, f"{grammar.exclusive} is an exclusive argument.")
        return
    missing = sorted(grammar.required - set(arguments))
    if missing:
        raise OaiError(ErrorCode.BAD_ARGUMENT, f"Missing required argument: {', '.join(missing)}.")


def _datestamp(arguments: Mapping[str, str], name: str) -> Datestamp | None:
    value = arguments.get(name)
    return None if value is None else parse_datestamp(value, argument=name)


def _check_range(from_: Datestamp, until: Datestamp) -> None:
    if from_.day_granularity != until.day_granularity:
        raise OaiError(ErrorCode.BAD_ARGUMENT, "'from' and 'until' must have the same granularity.")
    if from_.start > until.start:
        raise OaiError(ErrorCode.BAD_ARGUMENT, "'from' is later than 'until'.")
