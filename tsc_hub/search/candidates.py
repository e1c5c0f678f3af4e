"""What both backends do with the matches an engine returns: collapse language versions, sort, count facets.

An engine returns, for at most `limit` matching documents, the few fields of SearchEntry and its score.
Everything after that is the same numpy code on both databases, so ordering rules, collapsing and facet
counts cannot drift apart between them. Facet counting is a `bincount` over the packed codes of the
matches: about a microsecond per thousand codes, where a GROUP BY over a facet table cost tens of
milliseconds (see docs/adr/0014-search.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

Row = tuple[int, int, int, bytes | memoryview, float]  # document id, record, sort date, facet codes, score
IntArray = npt.NDArray[np.int64]

_NO_PREFERENCE = np.iinfo(np.int64).max


@dataclass(frozen=True)
class Candidates:
    """Matches as columns; `codes[offsets[i]:offsets[i + 1]]` are the facet codes of match i."""

    ids: IntArray
    records: IntArray
    dates: IntArray
    scores: npt.NDArray[np.float64]
    codes: IntArray
    offsets: IntArray
    capped: bool  # the engine had more matches than it returned
    # Related in meaning only (cross-language results): shown after every word match.
    related: npt.NDArray[np.bool_]

    @classmethod
    def from_rows(cls, rows: Sequence[Row], capped: bool, related: bool = False) -> Candidates:
        """Columns from engine rows (or from related records' entries)."""
        blobs = [bytes(row[3]) for row in rows]
        lengths = np.fromiter((len(b) // 4 for b in blobs), dtype=np.int64, count=len(blobs))
        return cls(
            ids=np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows)),
            records=np.fromiter((row[1] for row in rows), dtype=np.int64, count=len(rows)),
            dates=np.fromiter((row[2] for row in rows), dtype=np.int64, count=len(rows)),
            scores=np.fromiter((row[4] for row in rows), dtype=np.float64, count=len(rows)),
            codes=np.frombuffer(b"".join(blobs), dtype="<u4").astype(np.int64),
            offsets=np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
            capped=capped,
            related=np.full(len(rows), related, dtype=bool),
        )

    def with_related(self, rows: Sequence[Row]) -> Candidates:
        """These matches followed by `rows`, marked related; rows of records already matched are ignored."""
        known = set(self.records.tolist())
        extra = Candidates.from_rows([row for row in rows if row[1] not in known], False, related=True)
        if len(extra) == 0:
            return self
        return replace(
            self,
            ids=np.concatenate([self.ids, extra.ids]),
            records=np.concatenate([self.records, extra.records]),
            dates=np.concatenate([self.dates, extra.dates]),
            scores=np.concatenate([self.scores, extra.scores]),
            codes=np.concatenate([self.codes, extra.codes]),
            offsets=np.concatenate([self.offsets, self.offsets[-1] + extra.offsets[1:]]),
            related=np.concatenate([self.related, extra.related]),
        )

    def __len__(self) -> int:
        return int(self.ids.size)

    def _lengths(self) -> IntArray:
        return np.diff(self.offsets)

    def preference(self, rank_of_code: Mapping[int, int]) -> IntArray:
        """Per match, the best rank of its codes (its language's place in the preferences); 0 without any."""
        if not rank_of_code or len(self) == 0:
            return np.zeros(len(self), dtype=np.int64)
        table = np.full(
            int(max(self.codes.max(initial=0), *rank_of_code)) + 1, _NO_PREFERENCE, dtype=np.int64
        )
        for code, rank in rank_of_code.items():
            table[code] = rank
        # Every match has at least its kind and language codes, so no segment is empty.
        return np.minimum.reduceat(table[self.codes], self.offsets[:-1])

    def select(self, *, by_date: bool, rank_of_code: Mapping[int, int]) -> IntArray:
        """Indices of the matches to show, best first: one per record, in its preferred language.

        Order: word matches before related records, then by score (or by date, newest first, undated
        last), then by document id, so that it is total and the same on every run.
        """
        if len(self) == 0:
            return np.zeros(0, dtype=np.int64)
        primary = -self.dates if by_date else -self.scores
        # Within a record: preferred language first, then the better match.
        order = np.lexsort((self.ids, primary, self.preference(rank_of_code), self.records))
        records = self.records[order]
        first = np.ones(order.size, dtype=bool)
        first[1:] = records[1:] != records[:-1]
        kept = order[first]
        return kept[np.lexsort((self.ids[kept], primary[kept], self.related[kept]))]

    def facet_counts(self, selected: IntArray) -> dict[int, int]:
        """How many of the selected matches have each facet code."""
        if selected.size == 0:
            return {}
        mask = np.zeros(len(self), dtype=bool)
        mask[selected] = True
        counts = np.bincount(self.codes[np.repeat(mask, self._lengths())])
        present = np.flatnonzero(counts)
        return dict(zip(present.tolist(), counts[present].tolist(), strict=True))
