"""The balanced assignment: optimal, within capacity, fair to regional groups, and honest about the cost."""

from __future__ import annotations

import itertools
import logging
import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tsc_hub.matching.engine import flow
from tsc_hub.matching.engine.assignment import (
    SCALE,
    Assignment,
    Demand,
    Edges,
    FairnessPolicy,
    Supply,
    balanced_assignment,
)

Edge = tuple[int, int, float]
NO_BONUS = FairnessPolicy(min_share=0.5, priority_bonus=0.0)


def _random_instance(
    seed: int, n_demands: int, n_supplies: int, degree: int
) -> tuple[list[Demand], list[Supply], Edges]:
    rng = np.random.default_rng(seed)
    groups = ["africa", "asia_pacific", "cee", "grulac", "weog"]
    demands = [Demand(f"r{i}", groups[rng.integers(5)], bool(rng.random() < 0.3)) for i in range(n_demands)]
    supplies = [Supply(f"p{j}", int(rng.integers(0, 4))) for j in range(n_supplies)]
    demand = np.repeat(np.arange(n_demands), degree)
    supply = np.concatenate([rng.choice(n_supplies, degree, replace=False) for _ in range(n_demands)])
    return demands, supplies, Edges(demand, supply, rng.random(n_demands * degree))


def _check_feasible(assignment: Assignment, supplies: Sequence[Supply]) -> None:
    demands = [demand for demand, _, _ in assignment.pairs]
    assert len(demands) == len(set(demands)), "a request was assigned twice"
    load = Counter(supply for _, supply, _ in assignment.pairs)
    for supply in supplies:
        assert load[supply.id] <= supply.capacity, f"{supply.id} is over capacity"
    assert assignment.total_quality == pytest.approx(sum(q for _, _, q in assignment.pairs))


def test_capacity_is_respected_and_no_request_is_assigned_twice() -> None:
    demands, supplies, edges = _random_instance(seed=7, n_demands=300, n_supplies=60, degree=8)
    result = balanced_assignment(demands, supplies, edges)
    for assignment in (result.fair, result.unconstrained):
        _check_feasible(assignment, supplies)
        assert sum(assignment.assigned_by_group.values()) == len(assignment.pairs)


# --- the optimum, against every possible assignment of tiny instances ------------------------------------


def _brute_force(
    demands: list[Demand], supplies: list[Supply], edges: list[Edge], policy: FairnessPolicy
) -> tuple[dict[str, int], tuple[int, int], int]:
    """Quotas, best (quota units met, score with bonus) and best raw score, by enumeration (scaled ints)."""
    options = [
        [None, *(k for k, (d, _, q) in enumerate(edges) if d == i and round(q * SCALE) > 0)]
        for i in range(len(demands))
    ]
    feasible = []
    for choice in itertools.product(*options):
        used = [edges[k] for k in choice if k is not None]
        load = Counter(s for _, s, _ in used)
        if all(load[j] <= supplies[j].capacity for j in load):
            feasible.append(used)
    possible = max(len(used) for used in feasible)
    groups = sorted({d.group for d in demands})
    alone = {g: max(sum(demands[d].group == g for d, _, _ in used) for used in feasible) for g in groups}
    quotas = {g: min(math.ceil(round(policy.share(g) * possible, 9)), alone[g]) for g in groups}
    bonus = round(policy.priority_bonus * SCALE)

    def fair_key(used: list[Edge]) -> tuple[int, int]:
        count = Counter(demands[d].group for d, _, _ in used)
        met = sum(min(count[g], quotas[g]) for g in groups)
        return met, sum(round(q * SCALE) + bonus * demands[d].priority for d, _, q in used)

    best_fair = max(fair_key(used) for used in feasible)
    best_raw = max(sum(round(q * SCALE) for _, _, q in used) for used in feasible)
    return quotas, best_fair, best_raw


@st.composite
def tiny_instances(draw: st.DrawFn) -> tuple[list[Demand], list[Supply], list[Edge], FairnessPolicy]:
    n_demands, n_supplies = draw(st.integers(0, 5)), draw(st.integers(1, 3))
    demands = [
        Demand(f"r{i}", draw(st.sampled_from(["africa", "cee", "weog"])), draw(st.booleans()))
        for i in range(n_demands)
    ]
    supplies = [Supply(f"p{j}", draw(st.integers(0, 2))) for j in range(n_supplies)]
    pairs = draw(st.sets(st.tuples(st.integers(0, max(n_demands - 1, 0)), st.integers(0, n_supplies - 1))))
    # Qualities in twentieths, so that ties (the hard cases) are frequent.
    edges = [(d, s, draw(st.integers(0, 20)) / 20) for d, s in sorted(pairs) if d < n_demands]
    policy = FairnessPolicy(
        min_share=draw(st.sampled_from([0.0, 0.2, 0.34, 0.5])),
        priority_bonus=draw(st.sampled_from([0.0, 0.1, 0.3])),
    )
    return demands, supplies, edges, policy


@settings(max_examples=120, deadline=None)
@given(instance=tiny_instances())
def test_the_solution_is_optimal_among_all_assignments(
    instance: tuple[list[Demand], list[Supply], list[Edge], FairnessPolicy],
) -> None:
    demands, supplies, edges, policy = instance
    result = balanced_assignment(demands, supplies, edges, policy, solver="ortools")
    quotas, (best_met, best_score), best_raw = _brute_force(demands, supplies, edges, policy)
    index = {demand.id: number for number, demand in enumerate(demands)}
    bonus = round(policy.priority_bonus * SCALE)

    fair = result.fair
    count = Counter(demands[index[d]].group for d, _, _ in fair.pairs)
    assert fair.quotas == quotas
    assert sum(min(count[g], quotas[g]) for g in quotas) == best_met
    assert sum(round(q * SCALE) + bonus * demands[index[d]].priority for d, _, q in fair.pairs) == best_score
    assert sum(round(q * SCALE) for _, _, q in result.unconstrained.pairs) == best_raw
    assert result.fairness_cost >= -1e-6 * len(demands)
    _check_feasible(fair, supplies)
    _check_feasible(result.unconstrained, supplies)


def test_a_poor_match_is_never_forced_to_assign_more_requests() -> None:
    demands = [Demand("r0", "weog"), Demand("r1", "weog")]
    supplies = [Supply("p0", 1), Supply("p1", 1)]
    # Two assignments (0.01 + 0.01) are possible, but one good one (1.0) is worth more.
    edges = [(0, 0, 1.0), (0, 1, 0.01), (1, 0, 0.01)]
    result = balanced_assignment(demands, supplies, edges, FairnessPolicy(min_share=0.0))
    assert result.unconstrained.pairs == [("r0", "p0", 1.0)]
    assert result.fair.pairs == [("r0", "p0", 1.0)]


def test_an_edge_of_zero_quality_is_never_used_even_with_the_priority_bonus() -> None:
    result = balanced_assignment([Demand("r0", "africa", priority=True)], [Supply("p0", 1)], [(0, 0, 0.0)])
    assert result.fair.pairs == []
    assert result.unconstrained.pairs == []
    assert result.fair.quotas == {"africa": 0}


# --- fairness --------------------------------------------------------------------------------------------


def test_the_quota_is_met_at_a_measurable_cost() -> None:
    demands = [Demand("w0", "weog"), Demand("w1", "weog"), Demand("a0", "africa")]
    supplies = [Supply("p0", 1), Supply("p1", 1)]
    edges = [(0, 0, 0.9), (1, 1, 0.8), (2, 0, 0.3)]
    result = balanced_assignment(demands, supplies, edges, NO_BONUS)

    assert result.unconstrained.assigned_by_group == {"africa": 0, "weog": 2}
    assert result.unconstrained.unmet_quotas == {"africa": 1}
    assert result.fair.quotas == {"africa": 1, "weog": 1}
    assert result.fair.unmet_quotas == {}
    assert result.fair.pairs == [("w1", "p1", 0.8), ("a0", "p0", 0.3)]
    assert result.fairness_cost == pytest.approx(1.7 - 1.1)
    assert result.fairness_cost == result.unconstrained.total_quality - result.fair.total_quality
    assert result.fairness_cost_share == pytest.approx(0.6 / 1.7)


def test_the_quota_is_capped_at_what_the_group_can_get() -> None:
    demands = [Demand("w0", "weog"), Demand("w1", "weog"), Demand("a0", "africa"), Demand("a1", "africa")]
    supplies = [Supply("p0", 2), Supply("p1", 1)]
    edges = [(0, 0, 0.9), (1, 0, 0.8), (2, 1, 0.2)]  # a1 has no candidate, p1 takes one request
    result = balanced_assignment(demands, supplies, edges, FairnessPolicy(min_share=0.9, priority_bonus=0.0))
    assert result.fair.quotas == {"africa": 1, "weog": 2}
    assert result.fair.unmet_quotas == {}
    assert result.fairness_cost == pytest.approx(0.0)


def test_quotas_that_cannot_all_be_met_are_reported_unmet() -> None:
    demands = [Demand("w0", "weog"), Demand("a0", "africa")]
    edges = [(0, 0, 0.9), (1, 0, 0.5)]  # one provider, one place, two groups each owed half
    result = balanced_assignment(demands, [Supply("p0", 1)], edges, NO_BONUS)
    assert result.fair.quotas == {"africa": 1, "weog": 1}
    assert sum(result.fair.unmet_quotas.values()) == 1
    assert result.fair.pairs == [("w0", "p0", 0.9)]  # with a quota unmet either way, quality decides


def test_explicit_group_shares_replace_the_minimum_share() -> None:
    demands = [Demand(f"w{i}", "weog") for i in range(3)] + [Demand("a0", "africa"), Demand("c0", "cee")]
    edges = [(i, 0, 0.9) for i in range(3)] + [(3, 0, 0.1), (4, 0, 0.1)]
    policy = FairnessPolicy(min_share=0.0, priority_bonus=0.0, groups={"africa": 0.5})
    result = balanced_assignment(demands, [Supply("p0", 2)], edges, policy)
    assert result.fair.quotas == {"africa": 1, "cee": 0, "weog": 0}
    assert result.fair.assigned_by_group == {"africa": 1, "cee": 0, "weog": 1}


@pytest.mark.parametrize("priority_first", [True, False])
def test_a_priority_request_is_preferred_on_a_tie(priority_first: bool) -> None:
    demands = [Demand("ldc", "africa", priority=True), Demand("other", "africa")]
    if not priority_first:
        demands.reverse()
    edges = [(0, 0, 0.5), (1, 0, 0.5)]
    result = balanced_assignment(demands, [Supply("p0", 1)], edges, FairnessPolicy(min_share=0.0))
    assert result.fair.pairs == [("ldc", "p0", 0.5)]
    assert result.fair.priority_assigned == 1
    assert result.fair.total_quality == 0.5  # the bonus ranks, it is not counted
    assert result.fairness_cost == 0.0


def test_the_bonus_outweighs_a_small_quality_gap_only() -> None:
    demands = [Demand("sids", "grulac", priority=True), Demand("other", "grulac")]
    close = balanced_assignment(demands, [Supply("p0", 1)], [(0, 0, 0.55), (1, 0, 0.6)])
    far = balanced_assignment(demands, [Supply("p0", 1)], [(0, 0, 0.3), (1, 0, 0.6)])
    assert close.fair.pairs == [("sids", "p0", 0.55)]
    assert close.fairness_cost == pytest.approx(0.05)
    assert far.fair.pairs == [("other", "p0", 0.6)]


# --- solvers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(4))
def test_ortools_and_networkx_agree_on_the_totals(seed: int) -> None:
    instance = _random_instance(seed, n_demands=40, n_supplies=15, degree=5)
    by_ortools = balanced_assignment(*instance, FairnessPolicy(min_share=0.15), solver="ortools")
    by_networkx = balanced_assignment(*instance, FairnessPolicy(min_share=0.15), solver="networkx")
    assert (by_ortools.fair.solver, by_networkx.fair.solver) == ("ortools", "networkx")
    assert by_networkx.fair.quotas == by_ortools.fair.quotas
    assert by_networkx.fair.total_quality == pytest.approx(by_ortools.fair.total_quality, abs=1e-5)
    assert by_networkx.unconstrained.total_quality == pytest.approx(
        by_ortools.unconstrained.total_quality, abs=1e-5
    )
    _check_feasible(by_networkx.fair, instance[1])


def test_auto_falls_back_to_networkx_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(flow, "load_ortools", lambda: None)
    with caplog.at_level(logging.WARNING, logger=flow.__name__):
        result = balanced_assignment([Demand("r0", "weog")], [Supply("p0", 1)], [(0, 0, 0.7)])
    assert result.fair.solver == result.unconstrained.solver == "networkx"
    assert result.fair.pairs == [("r0", "p0", 0.7)]
    assert "falling back to networkx" in caplog.text
    with pytest.raises(RuntimeError, match="OR-Tools is not installed"):
        balanced_assignment([Demand("r0", "weog")], [Supply("p0", 1)], [(0, 0, 0.7)], solver="ortools")


def test_numpy_edges_and_tuples_give_the_same_assignment() -> None:
    demands, supplies, edges = _random_instance(seed=3, n_demands=50, n_supplies=20, degree=4)
    tuples = list(zip(edges.demand.tolist(), edges.supply.tolist(), edges.quality.tolist(), strict=True))
    from_arrays = balanced_assignment(demands, supplies, edges)
    from_tuples = balanced_assignment(demands, supplies, Edges.from_tuples(tuples))
    assert from_tuples.fair.pairs == from_arrays.fair.pairs
    assert len(Edges.from_tuples(tuples)) == len(edges) == 200


# --- edge cases and invalid input ------------------------------------------------------------------------


@pytest.mark.parametrize("solver", ["ortools", "networkx"])
def test_an_empty_instance_gives_an_empty_assignment(solver: str) -> None:
    result = balanced_assignment([], [], Edges([], [], []), solver=solver)
    assert result.fair.pairs == result.unconstrained.pairs == []
    assert result.fair.assigned_by_group == result.fair.quotas == {}
    assert (result.fairness_cost, result.fairness_cost_share) == (0.0, 0.0)
    lonely = balanced_assignment([Demand("r0", "cee")], [Supply("p0", 3)], [], solver=solver)
    assert lonely.fair.assigned_by_group == {"cee": 0}
    assert lonely.fair.quotas == {"cee": 0}


R0, P0 = [Demand("r0", "africa")], [Supply("p0", 1)]


@pytest.mark.parametrize(
    ("demands", "supplies", "edges", "message"),
    [
        (R0, [Supply("p0", -1)], [], r"supply 'p0' has a negative capacity \(-1\)"),
        (R0, P0, [(0, 0, 1.5)], r"edge 0 has quality 1.5, outside \[0, 1\]"),
        (R0, P0, [(0, 0, 0.5), (0, 0, float("nan"))], r"edge 1 has quality nan"),
        (R0, P0, [(1, 0, 0.5)], "edge 0 refers to demand index 1; demands given: 1"),
        (R0, P0, [(0, -1, 0.5)], "edge 0 refers to supply index -1; supplies given: 1"),
        ([*R0, Demand("r0", "cee")], P0, [], "duplicate demand id 'r0'"),
        (R0, [*P0, Supply("p0", 2)], [], "duplicate supply id 'p0'"),
    ],
)
def test_invalid_input_is_refused_with_a_clear_message(
    demands: list[Demand], supplies: list[Supply], edges: list[Edge], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        balanced_assignment(demands, supplies, edges)


def test_malformed_edges_policies_and_solvers_are_refused() -> None:
    with pytest.raises(ValueError, match="parallel arrays of one length"):
        Edges([0, 1], [0], [0.5, 0.5])
    with pytest.raises(ValueError, match="indices must be integers"):
        Edges([0.5], [0], [0.5])
    with pytest.raises(ValueError, match=r"min_share must be within \[0, 1\]"):
        FairnessPolicy(min_share=1.5)
    with pytest.raises(ValueError, match="priority_bonus must be within"):
        FairnessPolicy(priority_bonus=-0.1)
    with pytest.raises(ValueError, match="add up to more than 1"):
        FairnessPolicy(groups={"africa": 0.6, "cee": 0.6})
    with pytest.raises(ValueError, match="unknown solver 'cplex'"):
        balanced_assignment(R0, P0, [(0, 0, 0.5)], solver="cplex")
