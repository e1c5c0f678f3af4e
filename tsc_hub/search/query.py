"""User text → a safe, bounded query, and its form for each engine.

Nothing the user types reaches an engine as syntax: words are analysed into tokens (letters and digits
only), which are quoted; the engine query is passed as a bound parameter. The grammar is deliberately
small: every word is required (AND), "a quoted phrase" must appear as written, and a run of Chinese
characters is searched as a phrase of its bigrams. Operators (OR, NOT, NEAR, -, *, ^, :, parentheses)
are ordinary punctuation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tsc_hub.search.analysis import token_groups, tokens

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 32
MAX_PHRASE_TOKENS = 32
# Typographic quotes count as quotes; full-width ones are folded later by analysis but split here.
_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»「」『』＂", '"'))

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Clause:
    """A required part of a query: at least one of `alternatives` (each a phrase of tokens) must occur.

    The first alternative is what the user typed; the others are corrections of a typo.
    """

    alternatives: tuple[Phrase, ...]

    @property
    def typed(self) -> Phrase:
        return self.alternatives[0]


@dataclass(frozen=True)
class ParsedQuery:
    """The clauses of a query, all required."""

    clauses: tuple[Clause, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.clauses)

    def terms(self) -> frozenset[str]:
        """Single tokens to highlight."""
        return frozenset(a[0] for c in self.clauses for a in c.alternatives if len(a) == 1)

    def phrases(self) -> tuple[Phrase, ...]:
        """Phrases of several tokens to highlight."""
        return tuple(a for c in self.clauses for a in c.alternatives if len(a) > 1)

    def with_alternatives(self, extra: Mapping[int, Sequence[str]]) -> ParsedQuery:
        """The query where clause i may also be any of the tokens extra[i]."""
        return ParsedQuery(
            tuple(
                Clause(c.alternatives + tuple((t,) for t in extra.get(i, ())))
                for i, c in enumerate(self.clauses)
            )
        )


def parse(text: str) -> ParsedQuery:
    """Parse user text; never raises. Text beyond MAX_QUERY_CHARS and clauses beyond MAX_CLAUSES are cut."""
    segments = _cut(str(text)).translate(_QUOTES).split('"')
    phrases: list[Phrase] = []
    for index, segment in enumerate(segments):
        # Odd segments are inside quotes, except the last one after an unmatched quote.
        if index % 2 == 1 and index != len(segments) - 1:
            phrases.append(tuple(tokens(segment)[:MAX_PHRASE_TOKENS]))
        else:
            phrases.extend(tuple(group[:MAX_PHRASE_TOKENS]) for group in token_groups(segment))
    unique = list(dict.fromkeys(p for p in phrases if p))[:MAX_CLAUSES]
    return ParsedQuery(tuple(Clause((p,)) for p in unique))


def _cut(text: str) -> str:
    """At most MAX_QUERY_CHARS, without leaving half a word at the end."""
    if len(text) <= MAX_QUERY_CHARS:
        return text
    head = text[:MAX_QUERY_CHARS]
    if not text[MAX_QUERY_CHARS].isspace():
        before, space, _ = head.rpartition(" ")
        head = before if space else head
    return head


def facet_token(code: int) -> str:
    """The index token of a facet value code; no analysed word contains '§', so no query word matches it."""
    return f"§{code}"


# SQLite FTS5 -------------------------------------------------------------------------------------------


def _fts5_string(phrase: Iterable[str]) -> str:
    return '"' + " ".join(t.replace('"', '""') for t in phrase) + '"'


def _fts5_any(strings: list[str]) -> str:
    return strings[0] if len(strings) == 1 else "(" + " OR ".join(strings) + ")"


def fts5_match(query: ParsedQuery, facet_groups: Sequence[Sequence[int]] = ()) -> str:
    """The FTS5 MATCH expression: every clause AND, in each facet group one of the codes."""
    parts = [_fts5_any([_fts5_string(a) for a in c.alternatives]) for c in query.clauses]
    parts += [_fts5_any([_fts5_string([facet_token(code)]) for code in group]) for group in facet_groups]
    return " AND ".join(parts)


# PostgreSQL tsquery ------------------------------------------------------------------------------------


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _ts_phrase(phrase: Phrase) -> str:
    if len(phrase) == 1:
        return _lexeme(phrase[0])
    # A phrase stays inside the title (weight A) or the body (B), as it stays inside one FTS5 column.
    return "(" + " | ".join(" <-> ".join(f"{_lexeme(t)}:{w}" for t in phrase) for w in "AB") + ")"


def _ts_any(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def tsquery(query: ParsedQuery, facet_groups: Sequence[Sequence[int]] = ()) -> str:
    """The tsquery text (cast with ::tsquery, never parsed by a text search configuration)."""
    parts = [_ts_any([_ts_phrase(a) for a in c.alternatives]) for c in query.clauses]
    parts += [_ts_any([_lexeme(facet_token(code)) for code in group]) for group in facet_groups]
    return " & ".join(parts)
