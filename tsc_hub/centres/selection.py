"""Choose support-centre hosts (CBD SBI/4/7) exactly, as an integer program solved in lexicographic stages.

The input names the Parties, the subregions and the candidate hosts; each candidate sits in one subregion,
has a score and lists the Parties it would serve. A selection has at least K candidates, at most M from any
one subregion and none scoring below S, and is the best in this order:

1. most Parties served by at least one chosen candidate (coverage);
2. least overlap, the sum over covered Parties of (n_p − 1), n_p = chosen candidates serving Party p;
3. highest total score.

Formulation. x_c ∈ {0, 1} chooses eligible candidate c; y_p ∈ [0, 1] marks Party p as covered, with
y_p ≤ Σ_{c serves p} x_c; Σ_c x_c ≥ K; Σ_{c in subregion r} x_c ≤ M. Since x is integer, y_p ≤ min(1, n_p),
so Σ_p y_p never exceeds the true coverage and reaches it when maximised: y needs no integrality (fewer
branches). Overlap = Σ_p n_p − coverage = Σ_c w_c x_c − coverage, w_c = how many listed Parties c serves,
which is linear.

Stages, each one `scipy.optimize.milp` call (HiGHS, relative gap 0), each optimum fixed as a constraint of
the next:

1. maximise Σ y_p → C*. Integer objective, so exact;
2. with Σ y_p ≥ C*, minimise Σ w_c x_c → W*. Coverage cannot exceed C*, so this minimises the overlap,
   W* − C*. Integer objective, so exact;
3. with Σ w_c x_c ≤ W*, maximise Σ s_c x_c → S*. Scores are floats: optimal to HiGHS's absolute gap (1e-6);
4. tie-break, so a problem always gets the same selection: with Σ s_c x_c ≥ S* − τ, minimise the sum of
   the chosen candidates' positions in id order, which favours earlier ids among equal optima. Totals
   within τ = 1e-6 count as equal; real scores have a few decimals, so distinct totals differ by far
   more. (Scores above 128 are divided exactly by a power of two for the solver, so for them τ is 1e-6 of
   that unit; this keeps HiGHS's tolerances meaningful for huge scores.)

The model is built in a canonical order (candidates by id, Parties sorted) and HiGHS is deterministic for a
given model, so neither the input's order nor a repeated run changes the selection.

Why stages rather than one weighted objective: stages 1 and 2 could be merged exactly (weights W + 1 and 1,
both integer), but a float score can only be weighted below one integer unit if its granularity is known.
Stages are exact for the integer criteria whatever the scores, and each costs milliseconds.

An impossible request (fewer eligible candidates than K, or K out of reach under the subregion cap) is
refused before solving, so the solver always has a feasible model; anything short of a proven optimum is an
error, never a partial answer. Parties in "serves" or in a subregion that are not in "parties" are ignored:
only listed Parties count, and a subregion's members play no part in the objective (the cap counts the
candidates' own subregion). Pure and side-effect free: no database, no global state.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _
from numpy.typing import NDArray
from scipy.optimize import Bounds, LinearConstraint, milp

from tsc_hub.core.exceptions import DomainError

SCORE_TOLERANCE = 1e-6  # total (solver) scores closer than this are treated as equal (stage 4 and checks)
SOLVER_SCORE_CEILING_LOG2 = 7  # scores above 2**7 are halved (exactly) until they are not, for HiGHS
SOLVER_TIME_LIMIT_S = 30.0  # far above the ~0.1 s a realistic instance takes; hitting it is an error
SCORE_DECIMALS = 6


class SelectionError(DomainError):
    """The selection input or its options break a rule; `message` says which."""

    code = "selection_error"
    status = 422


class SelectionInfeasible(SelectionError):
    """No selection meets the minimum size under the score filter and the subregion cap."""

    code = "selection_infeasible"


@dataclass(frozen=True)
class Candidate:
    """A possible host: its id, its subregion, its score, and the Party codes it would serve."""

    id: str
    subregion: str
    score: float
    serves: frozenset[str]


@dataclass(frozen=True)
class SelectionProblem:
    """The Parties to cover, the subregions (id → member Parties) and the candidate hosts."""

    parties: tuple[str, ...]
    subregions: Mapping[str, tuple[str, ...]]
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class Selection:
    """An optimal selection, its coverage, overlap, total score and uncovered Parties (ids sorted)."""

    selected: tuple[str, ...]
    covered: int
    overlap: int
    total_score: float
    uncovered: tuple[str, ...]
    solve_ms: float

    def as_json(self) -> dict[str, object]:
        """The command's JSON object, exactly the specified keys (the solve time is left out)."""
        return {
            "selected": list(self.selected),
            "covered": self.covered,
            "overlap": self.overlap,
            "total_score": self.total_score,
            "uncovered": list(self.uncovered),
        }


# ---------------------------------------------------------------- parsing and validation


def read_problem(text: str) -> SelectionProblem:
    """Parse the JSON text of a selection input; malformed JSON is a SelectionError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SelectionError(_("The input is not valid JSON: %(error)s.") % {"error": error}) from error
    return parse_problem(data)


def parse_problem(data: object) -> SelectionProblem:
    """Validate decoded JSON and build the problem; every broken rule is a SelectionError naming it."""
    root = _as_object(data, _("The input"))
    parties = _party_codes(_required(root, "parties", _("The input")))
    subregions = _subregions(_required(root, "subregions", _("The input")))
    candidates = _candidates(_required(root, "candidates", _("The input")), subregions)
    return SelectionProblem(parties=parties, subregions=subregions, candidates=candidates)


def _as_object(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise SelectionError(_("%(where)s must be a JSON object.") % {"where": where})
    return value


def _required(item: Mapping[str, object], key: str, where: str) -> object:
    if key not in item:
        raise SelectionError(_('%(where)s has no "%(key)s" key.') % {"where": where, "key": key})
    return item[key]


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(code, str) and code for code in value):
        raise SelectionError(_("%(where)s must be a list of non-empty strings.") % {"where": where})
    return tuple(value)


def _party_codes(value: object) -> tuple[str, ...]:
    codes = _strings(value, '"parties"')
    repeated = sorted(code for code, count in Counter(codes).items() if count > 1)
    if repeated:
        raise SelectionError(_('"parties" lists %(codes)s more than once.') % {"codes": ", ".join(repeated)})
    return codes


def _subregions(value: object) -> dict[str, tuple[str, ...]]:
    members = _as_object(value, '"subregions"')
    return {key: _strings(codes, _('Subregion "%(id)s"') % {"id": key}) for key, codes in members.items()}


def _candidates(value: object, subregions: Mapping[str, object]) -> tuple[Candidate, ...]:
    if not isinstance(value, list):
        raise SelectionError(_('"candidates" must be a list.'))
    if not value:
        raise SelectionError(_("The input lists no candidates."))
    candidates = tuple(_candidate(item, position, subregions) for position, item in enumerate(value, 1))
    repeated = sorted(key for key, count in Counter(c.id for c in candidates).items() if count > 1)
    if repeated:
        raise SelectionError(
            _("Candidate ids must be unique; repeated: %(ids)s.") % {"ids": ", ".join(repeated)}
        )
    return candidates


def _candidate(item: object, position: int, subregions: Mapping[str, object]) -> Candidate:
    where = _("Candidate %(position)d") % {"position": position}
    fields = _as_object(item, where)
    identifier = _required(fields, "id", where)
    if not isinstance(identifier, str) or not identifier:
        raise SelectionError(_("%(where)s needs a non-empty string id.") % {"where": where})
    where = _('Candidate "%(id)s"') % {"id": identifier}
    subregion = _required(fields, "subregion", where)
    if not isinstance(subregion, str) or subregion not in subregions:
        raise SelectionError(
            _('%(where)s is in subregion %(subregion)s, which "subregions" does not list.')
            % {"where": where, "subregion": json.dumps(subregion, default=repr)}
        )
    return Candidate(
        id=identifier,
        subregion=subregion,
        score=_score(_required(fields, "score", where), where),
        serves=frozenset(
            _strings(_required(fields, "serves", where), _('%(where)s "serves"') % {"where": where})
        ),
    )


def _score(value: object, where: str) -> float:
    score = _finite_number(value)
    if score is None:
        raise SelectionError(
            _("%(where)s has score %(score)s; a score must be a finite number.")
            % {"where": where, "score": json.dumps(value, default=repr)}
        )
    return score


def _finite_number(value: object) -> float | None:
    # bool is an int to Python but never a meaningful score; a huge JSON integer overflows a float.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


# ---------------------------------------------------------------- selection


def select_centres(
    problem: SelectionProblem, *, min_centres: int = 15, max_per_subregion: int = 1, min_score: float = 0.0
) -> Selection:
    """The lexicographically optimal selection (coverage, then overlap, then score); see the module doc."""
    started = time.perf_counter()
    _check_options(min_centres, max_per_subregion, min_score)
    eligible = sorted((c for c in problem.candidates if c.score >= min_score), key=lambda c: c.id)
    _check_feasible(eligible, min_centres, max_per_subregion, min_score)
    model = _Model.build(problem.parties, eligible, min_centres, max_per_subregion)
    chosen = _solve_stages(model)
    return _selection(problem.parties, [c for c, pick in zip(eligible, chosen, strict=True) if pick], started)


def _check_options(min_centres: int, max_per_subregion: int, min_score: float) -> None:
    if min_centres < 1:
        raise SelectionError(
            _("The minimum number of centres must be at least 1, not %(k)d.") % {"k": min_centres}
        )
    if max_per_subregion < 1:
        raise SelectionError(
            _("The maximum per subregion must be at least 1, not %(m)d.") % {"m": max_per_subregion}
        )
    if math.isnan(min_score):
        raise SelectionError(_("The minimum score must be a number."))


def _check_feasible(eligible: Sequence[Candidate], k: int, m: int, min_score: float) -> None:
    if len(eligible) < k:
        raise SelectionInfeasible(
            _("Only %(n)d candidates score at least %(s)s; %(k)d centres are required.")
            % {"n": len(eligible), "s": f"{min_score:g}", "k": k}
        )
    per_subregion = Counter(c.subregion for c in eligible)
    reachable = sum(min(m, count) for count in per_subregion.values())
    if reachable < k:
        raise SelectionInfeasible(
            _(
                "At most %(n)d centres can be chosen with at most %(m)d per subregion "
                "(%(r)d subregions have eligible candidates); %(k)d are required."
            )
            % {"n": reachable, "m": m, "r": len(per_subregion), "k": k}
        )


@dataclass(frozen=True)
class _Model:
    """The stage-independent part of the integer program, variables ordered [x (candidates), y (Parties)]."""

    serves: NDArray[np.float64]  # Party × candidate incidence, over the Parties some candidate serves
    scores: NDArray[np.float64]  # the scores divided by a power of two (see _solver_scores)
    base: tuple[LinearConstraint, ...]

    @classmethod
    def build(cls, parties: Sequence[str], eligible: Sequence[Candidate], k: int, m: int) -> _Model:
        listed = set(parties)
        # Parties no eligible candidate serves stay uncovered whatever is chosen; leaving them out is exact.
        reachable = sorted(set().union(*(c.serves & listed for c in eligible)))
        serves = np.array([[p in c.serves for c in eligible] for p in reachable], dtype=np.float64)
        serves = serves.reshape(len(reachable), len(eligible))
        n, count = serves.shape[1], serves.shape[0]
        rows = [
            LinearConstraint(np.concatenate([np.ones(n), np.zeros(count)])[None, :], lb=k),
            *_subregion_caps(eligible, m, count),
        ]
        if count:  # y_p − Σ_{c serves p} x_c ≤ 0
            rows.append(LinearConstraint(np.hstack([-serves, np.eye(count)]), ub=0.0))
        return cls(serves=serves, scores=_solver_scores(eligible), base=tuple(rows))

    @property
    def candidates(self) -> int:
        return int(self.serves.shape[1])

    @property
    def parties(self) -> int:
        return int(self.serves.shape[0])

    @property
    def weights(self) -> NDArray[np.float64]:
        """w_c: how many listed Parties candidate c serves, so Σ_c w_c x_c = Σ_p n_p."""
        return self.serves.sum(axis=0)

    def on_x(self, coefficients: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.concatenate([coefficients, np.zeros(self.parties)])

    def on_y(self) -> NDArray[np.float64]:
        return np.concatenate([np.zeros(self.candidates), np.ones(self.parties)])

    def covered(self, chosen: NDArray[np.bool_]) -> int:
        """Parties served by the chosen candidates, counted from the incidence (not the solver's y)."""
        return int(np.count_nonzero(self.serves @ chosen))


def _solver_scores(eligible: Sequence[Candidate]) -> NDArray[np.float64]:
    """The scores divided by the power of two that brings the largest under 128 (never multiplied).

    Dividing by a power of two is exact and leaves the optimum where it is, but keeps HiGHS's row sums and
    its 1e-6 tolerances meaningful: with scores near 1e14 it otherwise calls the stage-3 optimum infeasible
    in stage 4. Realistic scores (up to 100) are passed unchanged, so τ is 1e-6 score points for them.
    """
    scores = np.array([c.score for c in eligible], dtype=np.float64)
    _, exponent = math.frexp(float(np.abs(scores).max(initial=0.0)))
    return np.ldexp(scores, -max(0, exponent - SOLVER_SCORE_CEILING_LOG2))


def _subregion_caps(eligible: Sequence[Candidate], m: int, parties: int) -> list[LinearConstraint]:
    subregions = sorted({c.subregion for c in eligible})
    members = np.array([[c.subregion == r for c in eligible] for r in subregions], dtype=np.float64)
    crowded = members[members.sum(axis=1) > m]  # a subregion with at most M candidates needs no row
    if not len(crowded):
        return []
    return [LinearConstraint(np.hstack([crowded, np.zeros((len(crowded), parties))]), ub=m)]


def _solve_stages(model: _Model) -> NDArray[np.bool_]:
    """Run the four stages of the module docstring; returns which eligible candidates are chosen."""
    rows = list(model.base)
    coverage = model.covered(_solve(model, -model.on_y(), rows))
    rows.append(LinearConstraint(model.on_y()[None, :], lb=coverage))
    served_total = float(model.weights @ _solve(model, model.on_x(model.weights), rows))
    rows.append(LinearConstraint(model.on_x(model.weights)[None, :], ub=served_total))
    best_score = math.fsum(model.scores[_solve(model, model.on_x(-model.scores), rows)])
    rows.append(LinearConstraint(model.on_x(model.scores)[None, :], lb=best_score - SCORE_TOLERANCE))
    final = _solve(model, model.on_x(np.arange(1.0, model.candidates + 1.0)), rows)
    _check_optima_kept(model, final, coverage, served_total, best_score)
    return final


def _solve(model: _Model, cost: NDArray[np.float64], rows: list[LinearConstraint]) -> NDArray[np.bool_]:
    integrality = np.concatenate([np.ones(model.candidates), np.zeros(model.parties)])
    result = milp(
        cost,
        constraints=rows,
        integrality=integrality,
        bounds=Bounds(0.0, 1.0),
        options={"mip_rel_gap": 0.0, "time_limit": SOLVER_TIME_LIMIT_S},
    )
    if result.status != 0 or result.x is None:
        # Feasibility was checked first, so this is a time limit or a numerical failure: never half an answer.
        raise SelectionError(
            _("The optimiser found no proven optimum: %(reason)s") % {"reason": result.message}
        )
    return np.rint(result.x[: model.candidates]).astype(bool)


def _check_optima_kept(
    model: _Model, chosen: NDArray[np.bool_], coverage: int, served_total: float, best_score: float
) -> None:
    # The rounded final solution must still meet every earlier optimum, or HiGHS's tolerances were too loose.
    kept = (
        model.covered(chosen) == coverage
        and float(model.weights @ chosen) <= served_total
        and math.fsum(model.scores[chosen]) >= best_score - 2 * SCORE_TOLERANCE
    )
    if not kept:
        raise SelectionError(_("The optimiser returned a selection that breaks an earlier optimum."))


def _selection(parties: Sequence[str], chosen: Sequence[Candidate], started: float) -> Selection:
    listed = set(parties)
    served = Counter(p for c in chosen for p in c.serves & listed)
    covered = len(served)
    return Selection(
        selected=tuple(sorted(c.id for c in chosen)),
        covered=covered,
        overlap=sum(served.values()) - covered,
        total_score=round(math.fsum(c.score for c in chosen), SCORE_DECIMALS),
        uncovered=tuple(sorted(p for p in parties if p not in served)),
        solve_ms=1000 * (time.perf_counter() - started),
    )
