"""The engine over the database: the catalogue of published offers and profiles as an in-memory index,
the weights in use, and the reads built on them (suggestions for a request, why not, requests a provider
could help with). Writes live in services and suggestions."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db.models import Count, Max
from django.utils import timezone

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.states import Visibility
from tsc_hub.matching.engine.index import ItemIndex
from tsc_hub.matching.engine.ranker import Ranker, Reason, WhyNot
from tsc_hub.matching.engine.records import ItemRecord
from tsc_hub.matching.engine.scoring import Weights
from tsc_hub.matching.engine_records import (
    item_key,
    item_records,
    parse_item_key,
    request_record,
    vocabulary_hierarchy,
)
from tsc_hub.matching.models import Embedding, Match, RankingModel, RecordKind
from tsc_hub.matching.states import TERMINAL
from tsc_hub.matching.vectors import embedder_info, load_vectors
from tsc_hub.offers.models import Offer, ProviderProfile

MATCHABLE = ("accepted", "matching", "matched")
CACHE_SECONDS = 60


def active_weights() -> tuple[Weights, int]:
    """The weights in use and their version (0: the built-in defaults, before any is stored)."""
    model = RankingModel.objects.filter(active=True).first()
    if model is None:
        return Weights(), 0
    return Weights.from_dict(model.weights), model.version


@dataclass
class Catalogue:
    """Published offers (open on `as_of`) and profiles, indexed for ranking."""

    as_of: dt.date
    index: ItemIndex
    ranker: Ranker
    weights_version: int
    missing_vectors: int
    keys: dict[str, int] = field(default_factory=dict)  # item key -> position in the index

    def record(self, key: str) -> ItemRecord | None:
        position = self.keys.get(key)
        return None if position is None else self.index.items[position]


_CACHE: dict[str, tuple[float, tuple[Any, ...], Catalogue]] = {}


def _fingerprint(as_of: dt.date) -> tuple[Any, ...]:
    """Changes whenever anything the catalogue depends on changes."""
    parts: list[Any] = [as_of]
    for queryset, column in (
        (Offer.objects.all(), "updated_at"),
        (ProviderProfile.objects.all(), "updated_at"),
        (Embedding.objects.all(), "computed_at"),
        (Match.objects.all(), "updated_at"),
        (RankingModel.objects.filter(active=True), "created_at"),
    ):
        summary = queryset.aggregate(n=Count("pk"), last=Max(column))
        parts += [summary["n"], summary["last"]]
    return tuple(parts)


def _vectors(items: Sequence[ItemRecord]) -> tuple[np.ndarray[Any, Any], int]:
    by_kind: dict[str, list[int]] = {RecordKind.OFFER: [], RecordKind.PROFILE: []}
    for item in items:
        kind, pk = parse_item_key(item.id)
        by_kind[kind].append(pk)
    matrices, missing = [], 0
    for kind in (RecordKind.OFFER, RecordKind.PROFILE):
        matrix, found = load_vectors(kind, by_kind[kind])
        matrices.append(matrix)
        missing += found.count(False)
    width = max(matrix.shape[1] for matrix in matrices)
    padded = [np.pad(m, ((0, 0), (0, width - m.shape[1]))) if m.shape[1] != width else m for m in matrices]
    return np.vstack(padded).astype(np.float32), missing


def catalogue(as_of: dt.date | None = None) -> Catalogue:
    """The catalogue for `as_of` (today), rebuilt when its data changed, else at most once a minute."""
    day = as_of or timezone.localdate()
    key = day.isoformat()
    fingerprint = _fingerprint(day)
    cached = _CACHE.get(key)
    if cached and cached[1] == fingerprint and time.monotonic() - cached[0] < CACHE_SECONDS:
        return cached[2]
    offers = Offer.objects.open(as_of=day)
    profiles = ProviderProfile.objects.published()
    items = item_records(offers, profiles)
    vectors, missing = _vectors(items)
    weights, version = active_weights()
    ranker = Ranker(embedder=None, weights=weights, hierarchy=vocabulary_hierarchy())
    built = Catalogue(
        as_of=day,
        index=ranker.index(items, vectors),
        ranker=ranker,
        weights_version=version,
        missing_vectors=missing,
        keys={item.id: position for position, item in enumerate(items)},
    )
    _CACHE.clear()
    _CACHE[key] = (time.monotonic(), fingerprint, built)
    return built


def candidate_of(key: str) -> Offer | ProviderProfile:
    kind, pk = parse_item_key(key)
    model = Offer if kind == RecordKind.OFFER else ProviderProfile
    return model.objects.get(pk=pk)


@dataclass(frozen=True)
class Suggestion:
    key: str
    candidate: Offer | ProviderProfile
    score: float
    reasons: tuple[Reason, ...]
    match: Match | None  # an existing match for the pair, if any


@dataclass(frozen=True)
class Suggestions:
    request: AssistanceRequest
    entries: list[Suggestion]
    excluded: int  # items left out by a hard constraint
    request_vector_missing: bool
    missing_vectors: int
    degraded: bool
    weights_version: int


def _request_vector(request: AssistanceRequest, width: int) -> tuple[np.ndarray[Any, Any], bool]:
    matrix, found = load_vectors(RecordKind.REQUEST, [request.pk])
    vector = matrix[0] if matrix.shape[1] == width else np.zeros(width, dtype=np.float32)
    return vector, not found[0]


def suggestions_for(
    request: AssistanceRequest, *, top: int = 10, as_of: dt.date | None = None
) -> Suggestions:
    """The best published offers and profiles for a request, each with its score and reasons."""
    found = catalogue(as_of)
    record = request_record(request)
    vector, missing = _request_vector(request, found.index.vectors.shape[1])
    result = found.ranker.rank_one(found.index, record, vector, found.as_of, top)
    existing = _existing_matches(request, [entry.item_id for entry in result.ranked])
    allowed = int(found.index.allowed(record, found.as_of).sum())
    return Suggestions(
        request=request,
        entries=[
            Suggestion(
                entry.item_id,
                candidate_of(entry.item_id),
                entry.score,
                entry.reasons,
                existing.get(entry.item_id),
            )
            for entry in result.ranked
        ],
        excluded=len(found.index) - allowed,
        request_vector_missing=missing,
        missing_vectors=found.missing_vectors,
        degraded=embedder_info().degraded,
        weights_version=found.weights_version,
    )


def _existing_matches(request: AssistanceRequest, keys: Sequence[str]) -> dict[str, Match]:
    matches = Match.objects.filter(request=request).exclude(state__in=TERMINAL)
    found = {}
    for match in matches:
        key = item_key(RecordKind.OFFER, match.offer_id) if match.offer_id else None
        key = key or item_key(RecordKind.PROFILE, match.profile_id or 0)
        if key in keys:
            found[key] = match
    return found


@dataclass(frozen=True)
class Explanation:
    """Why (not): the hard constraints broken, whether the record is in the catalogue at all (published,
    open), the score and its reasons, and the place it takes among all allowed items."""

    why: WhyNot
    in_catalogue: bool
    rank: int | None


def explain_pair(
    request: AssistanceRequest, candidate: Offer | ProviderProfile, as_of: dt.date | None = None
) -> Explanation:
    """ "Why not" for a request and any offer or profile, published or not."""
    found = catalogue(as_of)
    kind = RecordKind.OFFER if isinstance(candidate, Offer) else RecordKind.PROFILE
    key = item_key(kind, candidate.pk)
    position = found.keys.get(key)
    item = found.index.items[position] if position is not None else item_records(*_split(candidate))[0]
    record = request_record(request)
    request_vector, _missing = _request_vector(request, found.index.vectors.shape[1])
    if position is not None:
        item_vector = found.index.vectors[position]
    else:
        matrix, _found = load_vectors(kind, [candidate.pk])
        item_vector = (
            matrix[0] if matrix.shape[1] == request_vector.shape[0] else np.zeros_like(request_vector)
        )
    why = found.ranker.why_not(record, item, float(np.dot(request_vector, item_vector)), found.as_of)
    rank = None
    if position is not None and not why.codes:
        scored = found.index.top(
            record, request_vector, found.ranker.weights.as_dict(), found.as_of, len(found.index)
        )
        rank = int(np.flatnonzero(scored.positions == position)[0]) + 1
    return Explanation(why, position is not None, rank)


def _split(candidate: Offer | ProviderProfile) -> tuple[list[Offer], list[ProviderProfile]]:
    if isinstance(candidate, Offer):
        return [candidate], []
    return [], [candidate]


@dataclass(frozen=True)
class Opportunity:
    """A request a provider could help with, through the best of its offers and profiles."""

    request: AssistanceRequest
    candidate: Offer | ProviderProfile
    score: float
    reasons: tuple[Reason, ...]


def open_requests(*, include_confidential: bool) -> Any:
    """Requests the engine ranks: accepted and not yet closed; confidential ones for staff only."""
    requests = AssistanceRequest.objects.filter(state__in=MATCHABLE)
    if not include_confidential:
        requests = requests.exclude(visibility=Visibility.CONFIDENTIAL)
    return requests.select_related("country").prefetch_related(
        "assistance_types", "gbf_targets", "cbd_subjects"
    )


def requests_for_provider(
    organisation_ids: Sequence[int],
    *,
    include_confidential: bool = False,
    top: int = 20,
    as_of: dt.date | None = None,
) -> list[Opportunity]:
    """Open requests the organisations' published offers and profiles could serve, best first."""
    found = catalogue(as_of)
    mine = [
        position
        for key, position in found.keys.items()
        if int(found.index.items[position].provider or 0) in organisation_ids
    ]
    requests = list(open_requests(include_confidential=include_confidential))
    if not mine or not requests:
        return []
    records = [request_record(request) for request in requests]
    width = found.index.vectors.shape[1]
    matrix, _found = load_vectors(RecordKind.REQUEST, [request.pk for request in requests])
    if matrix.shape[1] != width:
        matrix = np.zeros((len(requests), width), dtype=np.float32)
    best: dict[str, tuple[float, int, tuple[Reason, ...]]] = {}
    for position in mine:
        item = found.index.items[position]
        for request_id, score, reasons in found.ranker.score_pairs(
            item, found.index.vectors[position], records, matrix, found.as_of, top=len(records)
        ):
            if request_id not in best or score > best[request_id][0]:
                best[request_id] = (score, position, reasons)
    by_id = {str(request.pk): request for request in requests}
    ordered = sorted(best.items(), key=lambda pair: (-pair[1][0], int(pair[0])))[:top]
    return [
        Opportunity(by_id[request_id], candidate_of(found.index.items[position].id), score, reasons)
        for request_id, (score, position, reasons) in ordered
    ]
