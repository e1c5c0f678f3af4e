"""Speed and exactness of the support-centre selection (CBD SBI/4/7): one `name value unit` line per figure.

Run: .venv/bin/python bench/centres_select.py [--instances 50] [--seed 2026]

Each instance is shaped like the real question: 196 Parties in 20 subregions of unequal size, 60 candidate
hosts spread over the subregions (at least two in each, more in the bigger ones), each serving most of its own
subregion and sometimes Parties of a neighbouring one, scores 40–100 with three decimals. For K = 13, 15
and 19 centres (at most one per subregion) it times `select_centres` (p50, p95, max) and checks each
result against an independent lexicographic CP-SAT model (scores ×1000, so its three stages are exact
integers), reporting how many instances agree on coverage, overlap and total score, with CP-SAT's time
for reference. The CP-SAT model is a second copy of the one in tsc_hub/centres/tests/test_selection.py on
purpose: the bench does not import test code. No database: settings are configured bare (I18N off) only so
that the selection's gettext error messages could be built.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
from django.conf import settings
from ortools.sat.python import cp_model

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tsc_hub.centres.selection import Candidate, Selection, SelectionProblem, select_centres

PARTIES, SUBREGIONS, CANDIDATES = 196, 20, 60
SCORE_SCALE = 1000  # scores have three decimals, so ×1000 makes them exact integers for CP-SAT
CENTRE_COUNTS = (13, 15, 19)


def instance(rng: random.Random) -> SelectionProblem:
    """196 Parties cut into 20 subregions at random points; 60 candidates, at least two per subregion."""
    parties = [f"p{n:03d}" for n in range(PARTIES)]
    cuts = sorted(rng.sample(range(1, PARTIES), SUBREGIONS - 1))
    members = [parties[a:b] for a, b in zip([0, *cuts], [*cuts, PARTIES], strict=True)]
    subregions = {f"r{n:02d}": tuple(codes) for n, codes in enumerate(members)}
    # Two candidates per subregion, so K = 19 is reachable at one per subregion; the rest go to bigger ones.
    extra = rng.choices(range(SUBREGIONS), weights=[len(m) for m in members], k=CANDIDATES - 2 * SUBREGIONS)
    homes = [*range(SUBREGIONS), *range(SUBREGIONS), *extra]
    candidates = tuple(_candidate(n, home, members, rng) for n, home in enumerate(homes))
    return SelectionProblem(parties=tuple(parties), subregions=subregions, candidates=candidates)


def _candidate(number: int, home: int, members: list[list[str]], rng: random.Random) -> Candidate:
    own = members[home]
    serves = set(rng.sample(own, max(1, round(len(own) * rng.uniform(0.6, 1.0)))))
    if rng.random() < 0.4:  # reaches into a neighbouring subregion (the subregions form a ring)
        neighbour = members[(home + rng.choice((-1, 1))) % SUBREGIONS]
        serves |= set(rng.sample(neighbour, rng.randint(1, max(1, len(neighbour) // 2))))
    return Candidate(
        id=f"C{number:02d}",
        subregion=f"r{home:02d}",
        score=round(rng.uniform(40.0, 100.0), 3),
        serves=frozenset(serves),
    )


def cp_sat_optimum(problem: SelectionProblem, k: int, m: int) -> tuple[int, int, float]:
    """(coverage, overlap, total score) of the lexicographic optimum by CP-SAT, stage by stage."""
    model = cp_model.CpModel()
    listed = set(problem.parties)
    pick = {c.id: model.new_bool_var(c.id) for c in problem.candidates}
    covered = []
    for party in problem.parties:
        servers = [pick[c.id] for c in problem.candidates if party in c.serves]
        if servers:
            flag = model.new_bool_var(party)
            model.add_max_equality(flag, servers)  # flag = OR(servers): tighter for CP-SAT than flag ≤ Σ
            covered.append(flag)
    model.add(sum(pick.values()) >= k)
    for region in problem.subregions:
        model.add(sum(pick[c.id] for c in problem.candidates if c.subregion == region) <= m)
    served = sum(len(c.serves & listed) * pick[c.id] for c in problem.candidates)
    score = sum(round(c.score * SCORE_SCALE) * pick[c.id] for c in problem.candidates)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    stages = [(sum(covered), True), (served, False), (score, True)]
    values = []
    for objective, maximise in stages:
        model.maximize(objective) if maximise else model.minimize(objective)
        if solver.solve(model) != cp_model.OPTIMAL:
            raise RuntimeError("CP-SAT found no optimum")
        value = round(solver.objective_value)
        model.add(objective == value)
        values.append(value)
    return values[0], values[1] - values[0], values[2] / SCORE_SCALE


def agrees(ours: Selection, reference: tuple[int, int, float]) -> bool:
    return (ours.covered, ours.overlap) == reference[:2] and abs(ours.total_score - reference[2]) < 1e-6


def bench(count: int, k: int, problems: list[SelectionProblem]) -> None:
    ours_ms, cp_ms, matched = [], [], 0
    for problem in problems:
        started = time.perf_counter()
        selection = select_centres(problem, min_centres=k, max_per_subregion=1)
        ours_ms.append(1000 * (time.perf_counter() - started))
        started = time.perf_counter()
        reference = cp_sat_optimum(problem, k, 1)
        cp_ms.append(1000 * (time.perf_counter() - started))
        matched += agrees(selection, reference)
    print(f"select_k{k}_p50 {np.percentile(ours_ms, 50):.1f} ms")
    print(f"select_k{k}_p95 {np.percentile(ours_ms, 95):.1f} ms")
    print(f"select_k{k}_max {max(ours_ms):.1f} ms")
    print(f"select_k{k}_matches_cp_sat {matched}/{count} instances")
    print(f"select_k{k}_cp_sat_p50 {np.percentile(cp_ms, 50):.1f} ms")
    print(f"select_k{k}_cp_sat_max {max(cp_ms):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--instances", type=int, default=50, help="Instances per centre count (default 50).")
    parser.add_argument("--seed", type=int, default=2026, help="Seed of the instance generator.")
    options = parser.parse_args()
    settings.configure(USE_I18N=False)  # the selection's error messages go through gettext
    rng = random.Random(options.seed)
    problems = [instance(rng) for _ in range(options.instances)]
    select_centres(problems[0], min_centres=15)  # warm the imports and HiGHS
    for k in CENTRE_COUNTS:
        bench(options.instances, k, problems)


if __name__ == "__main__":
    main()
