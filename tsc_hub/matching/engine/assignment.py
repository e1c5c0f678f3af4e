"""Balanced global assignment of open requests to providers, solved as a minimum-cost flow.

The coordination entity has open requests (*demands*, each from a CBD regional group, some from an LDC or
SIDS), providers with capacity left (*supplies*) and, from the ranker, a match quality in [0, 1] for each
candidate pair (*edges*). It wants the assignment of highest total quality in which no provider takes more
than its capacity, no request is assigned twice, every regional group present gets a minimum share of the
assignments, and LDC/SIDS requests come first when qualities are close. One unit per request flows:

    source ─ quota arc (cap quota, cost −BIG) ─┐
           ─ rest arc (cap size − quota, 0) ───┴→ group ─(1)→ demand ─(1, −quality)→ supply ─(capacity)→ sink
           ─ bypass (cap #demands, cost 0) ─────────────────────────────────────────────────────────────→ sink

An LDC/SIDS request's arcs to providers also carry the priority bonus (−quality − bonus). The bypass lets
a request stay unassigned rather than force a poor match; an edge whose quality is 0 is left out, so it
is never used. BIG exceeds any total quality, so the solver meets as many quota units as
can be met before it looks at quality. Qualities are scaled to integers (×10⁶) because the solvers are
exact on integers only. The same network without quotas and without the priority bonus gives the
unconstrained optimum; the gap between the two totals is what fairness costs.

Database-free: the caller turns the result into suggestions for people to confirm, never into decisions.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tsc_hub.matching.engine.flow import Network, maximum_flow, min_cost_flow

SCALE = 1_000_000  # integer cost units per unit of quality


@dataclass(frozen=True)
class Demand:
    """An open request: its id, the CBD regional group of the requesting Party, and whether it is LDC/SIDS."""

    id: str
    group: str
    priority: bool = False


@dataclass(frozen=True)
class Supply:
    """A provider and how many more requests it can take."""

    id: str
    capacity: int


@dataclass(frozen=True, init=False, eq=False)
class Edges:
    """Candidate pairs as three parallel arrays: demand index, supply index, quality in [0, 1]."""

    demand: NDArray[np.int64]
    supply: NDArray[np.int64]
    quality: NDArray[np.float64]

    def __init__(self, demand: ArrayLike, supply: ArrayLike, quality: ArrayLike) -> None:
        object.__setattr__(self, "demand", _index_array(demand, "demand"))
        object.__setattr__(self, "supply", _index_array(supply, "supply"))
        object.__setattr__(self, "quality", np.asarray(quality, dtype=np.float64).ravel())
        if not len(self.demand) == len(self.supply) == len(self.quality):
            raise ValueError(
                f"edges need parallel arrays of one length, got {len(self.demand)} demand indices, "
                f"{len(self.supply)} supply indices and {len(self.quality)} qualities"
            )

    @classmethod
    def from_tuples(cls, edges: Iterable[tuple[int, int, float]]) -> Edges:
        """Edges from `(demand index, supply index, quality)` tuples, for small or hand-made instances."""
        rows = list(edges)
        return cls([row[0] for row in rows], [row[1] for row in rows], [row[2] for row in rows])

    def __len__(self) -> int:
        return len(self.quality)


@dataclass(frozen=True)
class FairnessPolicy:
    """Minimum share of all assignments per regional group, and the ranking bonus of LDC/SIDS requests.

    A group's quota is ceil(share × the number of assignments possible), capped at what that group could
    get on its own. `groups` sets the share of the groups it names; the others get `min_share`. The
    bonus is added to quality when the solver ranks pairs, never counted in the totals.
    """

    min_share: float = 0.1
    priority_bonus: float = 0.1
    groups: Mapping[str, float] | None = field(default=None)

    def __post_init__(self) -> None:
        shares = {
            "min_share": self.min_share,
            **{f"share of {g!r}": s for g, s in (self.groups or {}).items()},
        }
        for name, share in shares.items():
            if not 0.0 <= share <= 1.0:
                raise ValueError(f"{name} must be within [0, 1], got {share}")
        if sum((self.groups or {}).values()) > 1.0 + 1e-9:
            raise ValueError("the explicit group shares add up to more than 1")
        if not 0.0 <= self.priority_bonus <= 1.0:
            raise ValueError(f"priority_bonus must be within [0, 1], got {self.priority_bonus}")

    def share(self, group: str) -> float:
        return (self.groups or {}).get(group, self.min_share)


@dataclass(frozen=True)
class Assignment:
    """One solution: the chosen pairs (in demand order) and how they spread over groups and quotas.

    `seconds` is the wall time of this solve; the fair one includes sizing the quotas.
    """

    pairs: list[tuple[str, str, float]]
    total_quality: float
    assigned_by_group: dict[str, int]
    quotas: dict[str, int]  # the policy's quotas, also reported on the unconstrained solution to compare
    unmet_quotas: dict[str, int]
    priority_assigned: int
    solver: str
    seconds: float


@dataclass(frozen=True)
class BalancedResult:
    """The fair assignment, the unconstrained optimum, and the quality that fairness costs."""

    fair: Assignment
    unconstrained: Assignment
    fairness_cost: float  # unconstrained − fair total quality; ≥ 0 up to rounding (0.5e-6 per assignment)
    fairness_cost_share: float  # as a share of the unconstrained total


@dataclass(frozen=True)
class _Instance:
    """Validated input as arrays; only edges of positive (scaled) quality are kept."""

    demand_ids: list[str]
    supply_ids: list[str]
    groups: list[str]  # sorted names of the groups present
    group_of: NDArray[np.int64]  # group index per demand
    priority: NDArray[np.bool_]
    capacity: NDArray[np.int64]
    edge_demand: NDArray[np.int64]
    edge_supply: NDArray[np.int64]
    quality: NDArray[np.float64]
    scaled: NDArray[np.int64]


def balanced_assignment(
    demands: Sequence[Demand],
    supplies: Sequence[Supply],
    edges: Edges | Iterable[tuple[int, int, float]],
    policy: FairnessPolicy | None = None,
    solver: str = "auto",
) -> BalancedResult:
    """Solve the fair assignment and the unconstrained one, so that the cost of fairness shows.

    `solver` is "ortools", "networkx" (pure Python, slow) or "auto" (OR-Tools if installed, otherwise
    networkx with a warning). Raises ValueError on invalid input.
    """
    policy = policy or FairnessPolicy()
    edges = edges if isinstance(edges, Edges) else Edges.from_tuples(edges)
    instance = _prepare(demands, supplies, edges)
    started = time.perf_counter()
    quotas = _quotas(instance, policy)
    fair = _solve(instance, quotas, quotas, policy.priority_bonus, solver, started)
    unconstrained = _solve(instance, {}, quotas, 0.0, solver, time.perf_counter())
    cost = unconstrained.total_quality - fair.total_quality
    share = cost / unconstrained.total_quality if unconstrained.total_quality > 0 else 0.0
    return BalancedResult(fair, unconstrained, cost, share)


def _index_array(values: ArrayLike, name: str) -> NDArray[np.int64]:
    array = np.asarray(values).ravel()
    if array.size and not np.issubdtype(array.dtype, np.integer):
        raise ValueError(f"edge {name} indices must be integers, got {array.dtype}")
    return array.astype(np.int64)


def _prepare(demands: Sequence[Demand], supplies: Sequence[Supply], edges: Edges) -> _Instance:
    demand_ids = _unique_ids((d.id for d in demands), "demand")
    supply_ids = _unique_ids((s.id for s in supplies), "supply")
    for supply in supplies:
        if supply.capacity < 0:
            raise ValueError(f"supply {supply.id!r} has a negative capacity ({supply.capacity})")
    _check_edges(edges, len(demands), len(supplies))
    groups = sorted({d.group for d in demands})
    index = {group: i for i, group in enumerate(groups)}
    scaled = np.rint(edges.quality * SCALE).astype(np.int64)
    keep = scaled > 0  # a pair of no quality is no match: never propose it, bonus or not
    return _Instance(
        demand_ids=demand_ids,
        supply_ids=supply_ids,
        groups=groups,
        group_of=np.array([index[d.group] for d in demands], dtype=np.int64),
        priority=np.array([d.priority for d in demands], dtype=np.bool_),
        # No provider can take more than every request; the clip keeps scipy's int32 capacities safe.
        capacity=np.array([min(s.capacity, len(demands)) for s in supplies], dtype=np.int64),
        edge_demand=edges.demand[keep],
        edge_supply=edges.supply[keep],
        quality=edges.quality[keep],
        scaled=scaled[keep],
    )


def _unique_ids(ids: Iterable[str], kind: str) -> list[str]:
    listed = list(ids)
    seen: set[str] = set()
    for item in listed:
        if item in seen:
            raise ValueError(f"duplicate {kind} id {item!r}")
        seen.add(item)
    return listed


def _check_edges(edges: Edges, n_demands: int, n_supplies: int) -> None:
    for name, plural, indices, bound in (
        ("demand", "demands", edges.demand, n_demands),
        ("supply", "supplies", edges.supply, n_supplies),
    ):
        bad = np.flatnonzero((indices < 0) | (indices >= bound))
        if bad.size:
            raise ValueError(
                f"edge {bad[0]} refers to {name} index {indices[bad[0]]}; {plural} given: {bound}"
            )
    bad = np.flatnonzero(~((edges.quality >= 0.0) & (edges.quality <= 1.0)))  # NaN fails both
    if bad.size:
        raise ValueError(f"edge {bad[0]} has quality {edges.quality[bad[0]]}, outside [0, 1]")


def _quotas(instance: _Instance, policy: FairnessPolicy) -> dict[str, int]:
    """Each present group's quota: ceil(share × assignments possible), capped at what it can get alone."""
    everyone = np.ones(len(instance.demand_ids), dtype=np.bool_)
    possible = _max_assignments(instance, everyone)
    quotas = {}
    for number, group in enumerate(instance.groups):
        wanted = math.ceil(round(policy.share(group) * possible, 9))  # round: 0.1 × 30 is 3.0000000000000004
        quotas[group] = min(wanted, _max_assignments(instance, instance.group_of == number)) if wanted else 0
    return quotas


def _max_assignments(instance: _Instance, members: NDArray[np.bool_]) -> int:
    """How many of the `members` demands can be assigned at once (a maximum flow, ignoring quality)."""
    n_demands = len(instance.demand_ids)
    on = members[instance.edge_demand]
    full = instance.capacity > 0
    supply_node = 2 + n_demands + np.arange(len(instance.supply_ids))
    tails = np.concatenate([np.zeros(members.sum()), 2 + instance.edge_demand[on], supply_node[full]])
    heads = np.concatenate(
        [2 + np.flatnonzero(members), supply_node[instance.edge_supply[on]], np.ones(full.sum())]
    )
    capacities = np.concatenate([np.ones(members.sum() + on.sum()), instance.capacity[full]])
    return maximum_flow(
        2 + n_demands + len(instance.supply_ids),
        tails.astype(np.int32),
        heads.astype(np.int32),
        capacities.astype(np.int64),
        source=0,
        sink=1,
    )


def _network(instance: _Instance, quotas: Mapping[str, int], bonus: float) -> tuple[Network, int]:
    """The flow network drawn in the module docstring, and the index of its first demand → supply arc."""
    n_groups, n_demands = len(instance.groups), len(instance.demand_ids)
    group_node = 2 + np.arange(n_groups)
    demand_node = 2 + n_groups + np.arange(n_demands)
    supply_node = 2 + n_groups + n_demands + np.arange(len(instance.supply_ids))
    weight = instance.scaled + round(bonus * SCALE) * instance.priority[instance.edge_demand]
    quota = np.array([quotas.get(group, 0) for group in instance.groups], dtype=np.int64)
    # One quota unit must outweigh any total of quality, so quotas come first whenever they can be met;
    # without quotas it stays 0, which keeps the costs small (OR-Tools refuses costs that could overflow).
    big = n_demands * int(weight.max(initial=0)) + 1 if quota.any() else 0
    size = np.bincount(instance.group_of, minlength=n_groups)
    parts = [  # (tails, heads, capacities, costs) of each family of arcs
        ([0], [1], [n_demands], [0]),  # bypass: a request may stay unassigned
        (np.zeros(n_groups), group_node, quota, np.full(n_groups, -big)),
        (np.zeros(n_groups), group_node, size - quota, np.zeros(n_groups)),
        (group_node[instance.group_of], demand_node, np.ones(n_demands), np.zeros(n_demands)),
        (demand_node[instance.edge_demand], supply_node[instance.edge_supply], np.ones(len(weight)), -weight),
        (supply_node, np.ones(len(supply_node)), instance.capacity, np.zeros(len(supply_node))),
    ]
    tails, heads, capacities, costs = (np.concatenate([part[k] for part in parts]) for k in range(4))
    network = Network(
        n_nodes=2 + n_groups + n_demands + len(supply_node),
        tails=tails.astype(np.int32),
        heads=heads.astype(np.int32),
        capacities=capacities.astype(np.int64),
        costs=costs.astype(np.int64),
        source=0,
        sink=1,
        amount=n_demands,
    )
    return network, 1 + 2 * n_groups + n_demands


def _solve(
    instance: _Instance,
    quotas: Mapping[str, int],
    reported: Mapping[str, int],
    bonus: float,
    solver: str,
    started: float,
) -> Assignment:
    network, offset = _network(instance, quotas, bonus)
    flows, used = min_cost_flow(network, solver)
    chosen = np.flatnonzero(flows[offset : offset + len(instance.quality)] > 0)
    chosen = chosen[np.argsort(instance.edge_demand[chosen], kind="stable")]
    demand, supply, quality = (
        instance.edge_demand[chosen],
        instance.edge_supply[chosen],
        instance.quality[chosen],
    )
    pairs = [
        (instance.demand_ids[d], instance.supply_ids[s], q)
        for d, s, q in zip(demand.tolist(), supply.tolist(), quality.tolist(), strict=True)
    ]
    counts = np.bincount(instance.group_of[demand], minlength=len(instance.groups)).tolist()
    assigned = dict(zip(instance.groups, counts, strict=True))
    return Assignment(
        pairs=pairs,
        total_quality=float(quality.sum()),
        assigned_by_group=assigned,
        quotas=dict(reported),
        unmet_quotas={g: q - assigned[g] for g, q in reported.items() if q > assigned[g]},
        priority_assigned=int(instance.priority[demand].sum()),
        solver=used,
        seconds=time.perf_counter() - started,
    )
