"""The engine's plain records built from the database: requests, offers and profiles with their terms,
coverage resolved to Parties, capacity left and track record. Queries are batched: a few per list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db.models import Count, Q

from tsc_hub.matching.engine.records import ItemRecord, RequestRecord
from tsc_hub.matching.engine.signals import Hierarchy
from tsc_hub.matching.models import Match, RecordKind
from tsc_hub.matching.states import OCCUPYING, MatchState
from tsc_hub.offers.models import Offer, ProviderProfile

# Organisation ids -> mean closure rating in [0, 1]; apps above matching (projects) register one.
RatingSource = Callable[[Iterable[int]], dict[int, float]]
_RATING_SOURCES: list[RatingSource] = []

POSITIVE = frozenset({MatchState.PROVIDER_INTERESTED, MatchState.REQUESTER_ACCEPTED, *OCCUPYING})
NEGATIVE = frozenset({MatchState.PROVIDER_DECLINED, MatchState.REQUESTER_DECLINED})


def register_rating_source(source: RatingSource) -> None:
    """Add a source of closure ratings for the track record (idempotent)."""
    if source not in _RATING_SOURCES:
        _RATING_SOURCES.append(source)


def texts_of(kind: str, record: Any) -> dict[str, str]:
    """The multilingual texts the engine embeds, joined language by language."""
    fields = {
        RecordKind.REQUEST: ("title", "problem", "objectives"),
        RecordKind.OFFER: ("title", "description", "eligibility"),
        RecordKind.PROFILE: ("title", "expertise", "collaboration_areas"),
    }[RecordKind(kind)]
    parts: dict[str, list[str]] = defaultdict(list)
    for name in fields:
        for lang, text in (getattr(record, name) or {}).items():
            if isinstance(text, str) and text.strip():
                parts[lang].append(text.strip())
    return {lang: "\n".join(chunks) for lang, chunks in parts.items()}


def _identifiers(manager: Any) -> frozenset[str]:
    return frozenset(term.identifier for term in manager.all())


def request_record(request: Any) -> RequestRecord:
    """A request as the engine reads it (prefetch its terms for lists)."""
    return RequestRecord(
        id=str(request.pk),
        country=request.country_id,
        coverage=frozenset({request.country_id}),
        texts=texts_of(RecordKind.REQUEST, request),
        assistance_types=_identifiers(request.assistance_types),
        gbf_targets=_identifiers(request.gbf_targets),
        cbd_subjects=_identifiers(request.cbd_subjects),
        languages=frozenset(request.working_languages or [request.original_language]),
    )


def item_key(kind: str, pk: int) -> str:
    """The engine's id of an item: `offer:12`, `profile:3`."""
    return f"{kind}:{pk}"


def parse_item_key(key: str) -> tuple[str, int]:
    kind, _sep, pk = key.partition(":")
    return kind, int(pk)


def track_records(organisation_ids: Iterable[int]) -> dict[int, float]:
    """Smoothed share of decided matches the provider took up, (taken + 1) / (decided + 2), averaged with
    its closure ratings where there are any. No history gives no entry (the engine reads it as neutral)."""
    ids = set(organisation_ids)
    rows = (
        Match.objects.filter(provider_organisation_id__in=ids)
        .values("provider_organisation_id")
        .annotate(
            taken=Count("id", filter=Q(state__in=POSITIVE)),
            declined=Count("id", filter=Q(state__in=NEGATIVE)),
        )
    )
    records = {
        row["provider_organisation_id"]: (row["taken"] + 1) / (row["taken"] + row["declined"] + 2)
        for row in rows
        if row["taken"] + row["declined"]
    }
    for source in _RATING_SOURCES:
        for organisation, rating in source(ids).items():
            records[organisation] = (
                (records[organisation] + rating) / 2 if organisation in records else rating
            )
    return records


def capacity_left(profiles: Sequence[ProviderProfile]) -> dict[int, int]:
    """Profile id -> simultaneous cooperations it can still take on."""
    busy = dict(
        Match.objects.filter(profile__in=profiles, state__in=OCCUPYING)
        .exclude(request__state__in=["closed", "withdrawn"])
        .values("profile_id")
        .annotate(n=Count("id"))
        .values_list("profile_id", "n")
    )
    return {profile.pk: profile.capacity - busy.get(profile.pk, 0) for profile in profiles}


def _coverage(record: Any) -> frozenset[str]:
    parties, regions = record.coverage()
    codes = {party.code for party in parties.all()}
    for region in regions.all():
        codes.update(member.code for member in region.members.all())
        codes.add(region.identifier)
    return frozenset(codes)


def _item(kind: str, record: Any, organisation_id: int, **extra: Any) -> ItemRecord:
    return ItemRecord(
        id=item_key(kind, record.pk),
        kind="offer" if kind == RecordKind.OFFER else "profile",
        coverage_terms=frozenset(),
        coverage_countries=_coverage(record),
        texts=texts_of(kind, record),
        assistance_types=_identifiers(record.assistance_types),
        gbf_targets=_identifiers(record.gbf_targets),
        cbd_subjects=_identifiers(record.cbd_subjects),
        languages=frozenset(record.working_languages or [record.original_language]),
        provider=str(organisation_id),
        **extra,
    )


TERM_PREFETCH = ("assistance_types", "gbf_targets", "cbd_subjects")


def item_records(offers: Iterable[Offer], profiles: Iterable[ProviderProfile]) -> list[ItemRecord]:
    """Offers and profiles as engine items, with capacity left (profiles) and the providers' records."""
    offers = list(
        Offer.objects.filter(pk__in=[offer.pk for offer in offers]).prefetch_related(
            *TERM_PREFETCH, "areas_benefited_parties", "areas_benefited_regions__members"
        )
    )
    profiles = list(
        ProviderProfile.objects.filter(pk__in=[profile.pk for profile in profiles]).prefetch_related(
            *TERM_PREFETCH, "coverage_parties", "coverage_regions__members"
        )
    )
    records = track_records(
        [offer.primary_organisation_id for offer in offers] + [p.organisation_id for p in profiles]
    )
    left = capacity_left(profiles)
    items = [
        _item(
            RecordKind.OFFER,
            offer,
            offer.primary_organisation_id,
            deadline=offer.application_deadline,
            track_record=records.get(offer.primary_organisation_id),
        )
        for offer in offers
    ]
    items += [
        _item(
            RecordKind.PROFILE,
            profile,
            profile.organisation_id,
            capacity_left=left[profile.pk],
            track_record=records.get(profile.organisation_id),
        )
        for profile in profiles
    ]
    return items


def vocabulary_hierarchy() -> Hierarchy:
    """Broader term identifier -> its narrower identifiers, from the vocabularies in the database."""
    from tsc_hub.vocabularies.models import Term

    hierarchy: dict[str, set[str]] = defaultdict(set)
    for narrower, broader in Term.objects.filter(broader__isnull=False).values_list(
        "identifier", "broader__identifier"
    ):
        hierarchy[broader].add(narrower)
    return {key: frozenset(values) for key, values in hierarchy.items()}
