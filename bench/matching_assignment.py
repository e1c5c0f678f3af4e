"""Time the balanced global assignment: 10,000 requests, 5,000 providers, top-30 candidate edges each.

Run: .venv/bin/python bench/matching_assignment.py   — prints `name value unit` lines.

The instance is seeded and shaped like the hub's: five CBD regional groups of unequal size, ~30% of the
requests from LDCs or SIDS, providers of capacity 1–5 whose appeal varies (so the popular ones are
contested), who suit requests from their own region a little better, and whose offer fits some groups'
requests less well (so fairness has a price). Each request keeps its
30 best-scoring providers, as the ranker would hand them over. No Django is needed.
"""

from __future__ import annotations

import resource
import time
from pathlib import Path

import numpy as np

from tsc_hub.matching.engine.assignment import Demand, Edges, FairnessPolicy, Supply, balanced_assignment

GROUPS = ("africa", "asia_pacific", "grulac", "cee", "weog")
GROUP_MIX = (0.34, 0.30, 0.18, 0.10, 0.08)
PROVIDER_MIX = (0.10, 0.20, 0.10, 0.15, 0.45)  # where providers are based: many in WEOG
GROUP_FIT = (0.9, 1.0, 1.0, 0.5, 1.0)  # how well the providers' offer fits each group's requests
TOP = 30


def instance(n_demands: int, n_supplies: int, seed: int = 2026) -> tuple[list[Demand], list[Supply], Edges]:
    rng = np.random.default_rng(seed)
    group = rng.choice(len(GROUPS), n_demands, p=GROUP_MIX)
    priority = rng.random(n_demands) < 0.3
    demands = [
        Demand(f"r{i}", GROUPS[g], bool(p)) for i, (g, p) in enumerate(zip(group, priority, strict=True))
    ]
    supplies = [Supply(f"p{j}", int(c)) for j, c in enumerate(rng.integers(1, 6, n_supplies))]
    home = rng.choice(len(GROUPS), n_supplies, p=PROVIDER_MIX)
    appeal = rng.beta(2, 3, n_supplies)
    rows, cols, quality = [], [], []
    for start in range(0, n_demands, 1000):  # score in blocks to keep the dense matrix small
        block = np.arange(start, min(start + 1000, n_demands))
        same_region = group[block, None] == home[None, :]
        score = 0.3 * appeal + 0.1 * same_region + 0.6 * rng.random((len(block), n_supplies))
        score *= np.asarray(GROUP_FIT)[group[block], None]
        best = np.argpartition(-score, TOP, axis=1)[:, :TOP]
        rows.append(np.repeat(block, TOP))
        cols.append(best.ravel())
        quality.append(np.take_along_axis(score, best, axis=1).ravel())
    return demands, supplies, Edges(np.concatenate(rows), np.concatenate(cols), np.concatenate(quality))


def _reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark (Linux), so the peak measured is the solver's, not the generator's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_rss_mib() -> float:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _current_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    demands, supplies, edges = instance(10_000, 5_000)
    balanced_assignment(demands[:50], supplies[:50], Edges([], [], []), solver="ortools")  # warm imports
    before = _current_rss_mib()
    reset = _reset_peak_rss()
    start = time.perf_counter()
    result = balanced_assignment(demands, supplies, edges, FairnessPolicy(), solver="ortools")
    seconds = time.perf_counter() - start
    peak = _peak_rss_mib()
    print(f"assignment_edges {len(edges)} count")
    print(f"assignment_10000x5000_seconds {seconds:.3f} s")
    print(f"assignment_10000x5000_fair_seconds {result.fair.seconds:.3f} s")
    print(f"assignment_10000x5000_unconstrained_seconds {result.unconstrained.seconds:.3f} s")
    print(f"assignment_fair_total_quality {result.fair.total_quality:.3f} quality")
    print(f"assignment_unconstrained_total_quality {result.unconstrained.total_quality:.3f} quality")
    print(f"assignment_fairness_cost {result.fairness_cost:.3f} quality")
    print(f"assignment_fairness_cost_share {100 * result.fairness_cost_share:.3f} %")
    print(f"assignment_fair_assigned {len(result.fair.pairs)} count")
    print(f"assignment_unmet_quota_units {sum(result.fair.unmet_quotas.values())} count")
    for group in GROUPS:
        fair, free = result.fair.assigned_by_group[group], result.unconstrained.assigned_by_group[group]
        quota = result.fair.quotas[group]
        print(f"assignment_{group}_fair {fair} count")
        print(f"assignment_{group}_unconstrained {free} count")
        print(f"assignment_{group}_quota {quota} count")
    print(f"assignment_peak_memory {peak:.0f} MiB")
    print(f"assignment_peak_memory_delta {peak - before:.0f} MiB{'' if reset else ' (peak mark not reset)'}")

    strict = balanced_assignment(demands, supplies, edges, FairnessPolicy(min_share=0.2), solver="ortools")
    print(f"assignment_share20_seconds {strict.fair.seconds + strict.unconstrained.seconds:.3f} s")
    print(f"assignment_share20_fairness_cost {strict.fairness_cost:.3f} quality")
    print(f"assignment_share20_unmet_quota_units {sum(strict.fair.unmet_quotas.values())} count")

    small = instance(1_000, 500)
    start = time.perf_counter()
    fallback = balanced_assignment(*small, FairnessPolicy(), solver="networkx")
    print(f"assignment_networkx_fallback_1000x500_seconds {time.perf_counter() - start:.3f} s")
    start = time.perf_counter()
    same = balanced_assignment(*small, FairnessPolicy(), solver="ortools")
    print(f"assignment_ortools_1000x500_seconds {time.perf_counter() - start:.3f} s")
    gap = abs(fallback.fair.total_quality - same.fair.total_quality)
    print(f"assignment_1000x500_solver_total_gap {gap:.6f} quality")


if __name__ == "__main__":
    main()
