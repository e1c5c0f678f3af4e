"""The coordination entity's balanced global assignment over the database: open requests, providers with
capacity left, and the engine's top candidates as edges; the result is stored as suggestions, never as
decisions, with what fairness cost in total quality."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.jobs import create_job
from tsc_hub.core.models import Job
from tsc_hub.matching.engine.assignment import Demand, Edges, FairnessPolicy, Supply, balanced_assignment
from tsc_hub.matching.engine_records import request_record
from tsc_hub.matching.models import AssignmentRun, RecordKind
from tsc_hub.matching.permissions import RUN_ASSIGNMENT
from tsc_hub.matching.ranking import Catalogue, catalogue, open_requests
from tsc_hub.matching.suggestions import already_paired, reasons_payload, store_suggestion
from tsc_hub.matching.vectors import load_vectors

CANDIDATES_PER_REQUEST = 30
OFFER_CAPACITY = 3  # an offer states no capacity; a provider with offers only takes this many at once


@dataclass
class Instance:
    """The assignment problem: requests, providers (organisations), and the best item per pair."""

    demands: list[Demand]
    supplies: list[Supply]
    edges: list[tuple[int, int, float]]
    best_item: dict[tuple[int, int], tuple[str, Any]]  # (demand, supply) -> (item key, reasons)
    requests: dict[str, Any]


def _capacities(found: Catalogue) -> dict[str, int]:
    """Provider -> simultaneous cooperations left: its profiles' capacity left, else OFFER_CAPACITY."""
    capacity: dict[str, int] = {}
    for item in found.index.items:
        if item.kind == "profile" and item.capacity_left is not None:
            capacity[item.provider] = capacity.get(item.provider, 0) + max(item.capacity_left, 0)
    for item in found.index.items:
        capacity.setdefault(item.provider, OFFER_CAPACITY)
    return capacity


def build_instance(found: Catalogue, progress: Callable[[int, int], None] | None = None) -> Instance:
    """Rank every open request (confidential ones too: this is staff work) and keep its top candidates,
    one edge per provider with the provider's best item."""
    requests = list(open_requests(include_confidential=True).filter(state__in=["accepted", "matching"]))
    capacity = _capacities(found)
    providers = sorted(provider for provider, left in capacity.items() if left > 0)
    supply_of = {provider: position for position, provider in enumerate(providers)}
    vectors, _found = load_vectors(RecordKind.REQUEST, [request.pk for request in requests])
    if vectors.shape[1] != found.index.vectors.shape[1]:
        vectors = np.zeros((len(requests), found.index.vectors.shape[1]), dtype=np.float32)
    records = [request_record(request) for request in requests]
    best: dict[tuple[int, int], tuple[float, str, Any]] = {}
    results = found.ranker.rank_many(found.index, records, vectors, found.as_of, CANDIDATES_PER_REQUEST)
    for row, result in enumerate(results):
        for entry in result.ranked:
            provider = found.record(entry.item_id).provider  # type: ignore[union-attr]
            pair = (row, supply_of.get(provider, -1))
            if pair[1] >= 0 and entry.score > best.get(pair, (-1.0, "", None))[0]:
                best[pair] = (entry.score, entry.item_id, entry.reasons)
        if progress:
            progress(row + 1, len(requests))
    return Instance(
        demands=[
            Demand(str(r.pk), r.country.cbd_group or "none", bool(r.country.is_ldc or r.country.is_sids))
            for r in requests
        ],
        supplies=[Supply(provider, capacity[provider]) for provider in providers],
        edges=[(d, s, min(max(score, 0.0), 1.0)) for (d, s), (score, _key, _reasons) in best.items()],
        best_item={pair: (key, reasons) for pair, (_score, key, reasons) in best.items()},
        requests={str(r.pk): r for r in requests},
    )


def _check(by: Any, min_share: float, priority_bonus: float) -> FairnessPolicy:
    if by is not None and not by.has_perm(RUN_ASSIGNMENT):
        raise PermissionDenied(_("Only coordination staff compute the global assignment."))
    errors = {}
    if not 0 <= min_share <= 0.2:
        errors["min_share"] = [_("The minimum share per regional group must be between 0 and 0.2.")]
    if not 0 <= priority_bonus <= 1:
        errors["priority_bonus"] = [_("The priority for LDC and SIDS must be between 0 and 1.")]
    if errors:
        raise InvalidInput(_("Check the highlighted fields."), fields=errors)
    return FairnessPolicy(min_share=min_share, priority_bonus=priority_bonus)


def compute_assignment(
    *,
    by: Any,
    min_share: float = 0.1,
    priority_bonus: float = 0.1,
    progress: Callable[[int, int], None] | None = None,
) -> AssignmentRun:
    """Solve the balanced assignment and store its pairs as engine suggestions (one transaction)."""
    policy = _check(by, min_share, priority_bonus)
    found = catalogue()
    instance = build_instance(found, progress)
    result = balanced_assignment(
        instance.demands, instance.supplies, Edges.from_tuples(instance.edges), policy
    )
    with transaction.atomic():
        run = AssignmentRun.objects.create(
            min_share=min_share,
            priority_bonus=priority_bonus,
            solver=result.fair.solver,
            seconds=round(result.fair.seconds + result.unconstrained.seconds, 3),
            requests=len(instance.demands),
            providers=len(instance.supplies),
            assigned=len(result.fair.pairs),
            total_quality=round(result.fair.total_quality, 4),
            unconstrained_quality=round(result.unconstrained.total_quality, 4),
            fairness_cost=round(max(result.fairness_cost, 0.0), 4),
            by_group=result.fair.assigned_by_group,
            unconstrained_by_group=result.unconstrained.assigned_by_group,
            quotas=result.fair.quotas,
            created_by=by,
        )
        run.pairs, run.suggestions_created = _store_pairs(instance, result.fair.pairs, run, found)
        run.save(update_fields=["pairs", "suggestions_created"])
        record_event(actor=by, action="matching.assign", target=run, changes={"assigned": run.assigned})
    return run


def _store_pairs(
    instance: Instance, pairs: list[tuple[str, str, float]], run: AssignmentRun, found: Catalogue
) -> tuple[list[list[Any]], int]:
    demand_row = {demand.id: row for row, demand in enumerate(instance.demands)}
    supply_col = {supply.id: col for col, supply in enumerate(instance.supplies)}
    stored, created = [], 0
    for request_id, provider, quality in pairs:
        key, reasons = instance.best_item[(demand_row[request_id], supply_col[provider])]
        stored.append([int(request_id), *key.split(":"), round(quality, 4)])
        if key not in already_paired(int(request_id)):
            payload = reasons_payload(reasons, found.weights_version, assignment_run=run.pk)
            store_suggestion(
                request=instance.requests[request_id],
                key=key,
                score=quality,
                reasons=payload,
                by=run.created_by,
            )
            created += 1
    return stored, created


ASSIGNMENT_JOB = "matching.assignment"


def start_assignment(*, by: Any, min_share: float, priority_bonus: float) -> Job:
    """A queued job; the assignment task is enqueued once the job is committed (the worker runs it).
    Permission and input are checked now, so a refused request creates no job."""
    from tsc_hub.matching.tasks import compute_assignment_task

    _check(by, min_share, priority_bonus)
    with transaction.atomic():
        job = create_job(kind=ASSIGNMENT_JOB, by=by)
        transaction.on_commit(
            lambda: compute_assignment_task.enqueue(job.pk, by.pk, min_share, priority_bonus)
        )
    return job
