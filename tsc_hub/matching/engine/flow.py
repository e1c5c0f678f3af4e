"""Min-cost-flow and max-flow back-ends for the balanced assignment (see `assignment.py`).

A network is a handful of parallel numpy arrays, one entry per arc, so that 300,000 candidate edges reach
the solver without a Python loop. OR-Tools (the optional `solver` extra) solves it in C++; when it cannot
be imported, networkx's network simplex solves the same network in pure Python — far slower, but it gives
the same optimum. Maximum flows (used to size the regional quotas) come from scipy, a hard dependency.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow as _scipy_maximum_flow

logger = logging.getLogger(__name__)

SOLVERS = ("auto", "ortools", "networkx")


@dataclass(frozen=True)
class Network:
    """A flow network: `amount` units go from `source` to `sink` along arcs `tails[i] → heads[i]`.

    Every arc has a capacity and an integer unit cost (the solvers are exact only on integers). The caller
    adds a zero-cost source → sink bypass, so pushing `amount` units is always feasible.
    """

    n_nodes: int
    tails: NDArray[np.int32]
    heads: NDArray[np.int32]
    capacities: NDArray[np.int64]
    costs: NDArray[np.int64]
    source: int
    sink: int
    amount: int


def load_ortools() -> ModuleType | None:
    """The OR-Tools min-cost-flow module, or None when OR-Tools is not installed."""
    try:
        return importlib.import_module("ortools.graph.python.min_cost_flow")
    except ImportError:
        return None


def min_cost_flow(network: Network, solver: str = "auto") -> tuple[NDArray[np.int64], str]:
    """The flow on every arc of a minimum-cost flow of `network`, and the name of the solver that found it."""
    if solver not in SOLVERS:
        raise ValueError(f"unknown solver {solver!r}; expected one of {', '.join(SOLVERS)}")
    module = load_ortools() if solver != "networkx" else None
    if module is not None:
        return _solve_ortools(module, network), "ortools"
    if solver == "ortools":
        raise RuntimeError(
            "solver='ortools' was asked for, but OR-Tools is not installed (pip extra 'solver')"
        )
    if solver == "auto":
        logger.warning("OR-Tools is not installed; falling back to networkx (pure Python, much slower)")
    return _solve_networkx(network), "networkx"


def _solve_ortools(module: ModuleType, network: Network) -> NDArray[np.int64]:
    flow = module.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        network.tails, network.heads, network.capacities, network.costs
    )
    flow.set_nodes_supplies(
        np.array([network.source, network.sink], dtype=np.int32),
        np.array([network.amount, -network.amount], dtype=np.int64),
    )
    status = flow.solve()
    if status != flow.OPTIMAL:
        # With the bypass arc the problem is always feasible; anything else is a cost or capacity overflow.
        raise RuntimeError(f"OR-Tools min-cost flow failed with status {status.name}")
    return np.asarray(flow.flows(np.asarray(arcs, dtype=np.int32)), dtype=np.int64)


def _solve_networkx(network: Network) -> NDArray[np.int64]:
    nx: Any = importlib.import_module("networkx")
    # A multigraph, because the quota arcs run parallel to the arcs for the rest of a group's demands;
    # the arc index is the edge key, which is how the flows are read back.
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(range(network.n_nodes), demand=0)
    graph.nodes[network.source]["demand"] = -network.amount
    graph.nodes[network.sink]["demand"] = network.amount
    graph.add_edges_from(
        (int(tail), int(head), arc, {"capacity": int(capacity), "weight": int(cost)})
        for arc, (tail, head, capacity, cost) in enumerate(
            zip(network.tails, network.heads, network.capacities, network.costs, strict=True)
        )
    )
    _, flow_dict = nx.network_simplex(graph)
    return np.fromiter(
        (
            flow_dict[int(tail)][int(head)][arc]
            for arc, (tail, head) in enumerate(zip(network.tails, network.heads, strict=True))
        ),
        dtype=np.int64,
        count=len(network.tails),
    )


def maximum_flow(
    n_nodes: int,
    tails: NDArray[np.int32],
    heads: NDArray[np.int32],
    capacities: NDArray[np.int64],
    source: int,
    sink: int,
) -> int:
    """The value of a maximum flow from `source` to `sink` (scipy's Dinic, parallel arcs add up)."""
    if len(tails) == 0:
        return 0
    matrix = csr_matrix(
        (capacities.astype(np.int32), (tails, heads)), shape=(n_nodes, n_nodes), dtype=np.int32
    )
    return int(_scipy_maximum_flow(matrix, source, sink, method="dinic").flow_value)
