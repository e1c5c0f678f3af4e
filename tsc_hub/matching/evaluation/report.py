"""Scoring rankings of the evaluation set, engine against BM25, and printing the report.

Groups: `overall` (every request), one per request language (ar, en, es, fr, ru, zh) and
`cross_language`. Each group gives mean nDCG@10, mean recall@10 (grade ≥ 2 is relevant) and the number of
hard negatives in the top 10 by kind (coverage, deadline, lexical), summed over its requests.

Cross-language pairs: for each request, only the items with no text in the request's language count as
relevant (the grades of same-language items are set to 0), and the ranking is scored as it is, top 10
unchanged. It says whether the items a requester could only find across languages reach the top 10 and how
high; because same-language relevant items keep their places, even a perfect ranking may score below 1 here.
Its hard negatives are the cross-language ones.

Besides the labelled hard negatives, the report counts every top-10 item that breaks a hard constraint of
the engine for its request (outside coverage, deadline passed, at capacity), labelled or not: the target is
none at all.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from tsc_hub.matching.engine.constraints import DEADLINE_PASSED, OUTSIDE_COVERAGE, violations
from tsc_hub.matching.engine.embeddings import Embedder, default_embedder
from tsc_hub.matching.engine.ranker import Ranker
from tsc_hub.matching.engine.scoring import Weights
from tsc_hub.matching.evaluation.bm25 import rank_bm25
from tsc_hub.matching.evaluation.dataset import (
    AS_OF,
    HARD_NEGATIVE_KINDS,
    LANGUAGES,
    RELEVANT_FROM,
    EvaluationSet,
)
from tsc_hub.matching.evaluation.metrics import DEFAULT_K, ndcg_at_k, recall_at_k

OVERALL = "overall"
CROSS_LANGUAGE = "cross_language"
TARGET_NDCG = 0.80
TARGET_GAIN_OVER_BM25 = 0.20
TARGET_CODES = (OUTSIDE_COVERAGE, DEADLINE_PASSED)  # constraint breaches that must never reach a top 10

Ranking = Mapping[str, Sequence[str]]  # request id -> item ids, best first


@dataclass(frozen=True)
class RequestScore:
    """One request's figures; `hard_negatives` and `breaches` list (item id, kind or code) in the top k."""

    request_id: str
    language: str
    ndcg: float
    recall: float
    cross_ndcg: float
    cross_recall: float
    hard_negatives: tuple[tuple[str, str], ...]
    cross_hard_negatives: tuple[tuple[str, str], ...]
    breaches: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class GroupScore:
    name: str
    requests: int
    ndcg: float
    recall: float
    hard_negatives: Mapping[str, int]  # kind -> count in the top k of the group's requests


@dataclass(frozen=True)
class Report:
    k: int
    requests: int
    items: int
    groups: Mapping[str, GroupScore]
    per_request: tuple[RequestScore, ...]
    breaches: Mapping[str, int]  # constraint code -> items breaking it in any top k

    def group(self, name: str) -> GroupScore:
        return self.groups[name]


# --- Scoring --------------------------------------------------------------------------------------


def evaluate(ranked: Ranking, evaluation_set: EvaluationSet, k: int = DEFAULT_K) -> Report:
    """Score `ranked` (request id -> item ids, best first; a missing request ranks nothing) on the set."""
    scores = tuple(
        _score_request(request.id, ranked.get(request.id, ()), evaluation_set, k)
        for request in evaluation_set.requests
    )
    breaches: Counter[str] = Counter(dict.fromkeys(TARGET_CODES, 0))
    for score in scores:
        breaches.update(code for _, code in score.breaches)
    return Report(
        k=k,
        requests=len(evaluation_set.requests),
        items=len(evaluation_set.items),
        groups=_groups(scores),
        per_request=scores,
        breaches=dict(breaches),
    )


def _score_request(
    request_id: str, ranked_ids: Sequence[str], evaluation_set: EvaluationSet, k: int
) -> RequestScore:
    grades = evaluation_set.grades(request_id)
    cross_grades = {
        item_id: grade
        for item_id, grade in grades.items()
        if evaluation_set.is_cross_language(request_id, item_id)
    }
    top = list(dict.fromkeys(ranked_ids))[:k]
    kinds = evaluation_set.hard_negatives.get(request_id, {})
    hard = tuple((item_id, kinds[item_id]) for item_id in top if item_id in kinds)
    return RequestScore(
        request_id=request_id,
        language=evaluation_set.languages[request_id],
        ndcg=ndcg_at_k(top, grades, k),
        recall=recall_at_k(top, grades, k, RELEVANT_FROM),
        cross_ndcg=ndcg_at_k(top, cross_grades, k),
        cross_recall=recall_at_k(top, cross_grades, k, RELEVANT_FROM),
        hard_negatives=hard,
        cross_hard_negatives=tuple(
            pair for pair in hard if evaluation_set.is_cross_language(request_id, pair[0])
        ),
        breaches=_breaches(request_id, top, evaluation_set),
    )


def _breaches(
    request_id: str, top: Iterable[str], evaluation_set: EvaluationSet
) -> tuple[tuple[str, str], ...]:
    """(item id, constraint code) of each top item the engine's hard constraints exclude for the request."""
    request = evaluation_set.request(request_id)
    known = [item_id for item_id in top if item_id in evaluation_set.raw]  # ids from elsewhere are grade 0
    return tuple(
        (item_id, code)
        for item_id in known
        for code in violations(request, evaluation_set.item(item_id), AS_OF)
    )


def _groups(scores: Sequence[RequestScore]) -> dict[str, GroupScore]:
    languages = sorted(set(LANGUAGES) | {score.language for score in scores})
    groups = {OVERALL: _group(OVERALL, scores, _plain)}
    for language in languages:
        groups[language] = _group(language, [score for score in scores if score.language == language], _plain)
    groups[CROSS_LANGUAGE] = _group(CROSS_LANGUAGE, scores, _cross)
    return groups


def _plain(score: RequestScore) -> tuple[float, float, tuple[tuple[str, str], ...]]:
    return score.ndcg, score.recall, score.hard_negatives


def _cross(score: RequestScore) -> tuple[float, float, tuple[tuple[str, str], ...]]:
    return score.cross_ndcg, score.cross_recall, score.cross_hard_negatives


def _group(
    name: str,
    scores: Sequence[RequestScore],
    figures: Callable[[RequestScore], tuple[float, float, tuple[tuple[str, str], ...]]],
) -> GroupScore:
    """Means over the group's requests (0 for an empty group, whose request count says so)."""
    values = [figures(score) for score in scores]
    kinds: Counter[str] = Counter(dict.fromkeys(HARD_NEGATIVE_KINDS, 0))
    for _, _, hard in values:
        kinds.update(kind for _, kind in hard)
    return GroupScore(
        name=name,
        requests=len(values),
        ndcg=fmean(ndcg for ndcg, _, _ in values) if values else 0.0,
        recall=fmean(recall for _, recall, _ in values) if values else 0.0,
        hard_negatives=dict(kinds),
    )


# --- Ranking --------------------------------------------------------------------------------------


def run_engine(
    evaluation_set: EvaluationSet,
    embedder: str | Embedder = "auto",
    weights: Weights | None = None,
    k: int = DEFAULT_K,
) -> dict[str, list[str]]:
    """The engine's top `k` for every request, as `tsc-hub match rank` computes it (one call, all items)."""
    model = default_embedder(embedder) if isinstance(embedder, str) else embedder
    ranker = Ranker(model, weights)
    results = ranker.rank(list(evaluation_set.requests), list(evaluation_set.items), AS_OF, top=k)
    return {result.request_id: [entry.item_id for entry in result.ranked] for result in results}


def read_ranked(path: Path) -> dict[str, list[str]]:
    """The rankings a `tsc-hub match rank` run wrote to `path` (one JSON object per line)."""
    ranked: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                result = json.loads(line)
                ranked[str(result["request"])] = [str(item_id) for item_id in result["ranked"]]
    return ranked


def run_bm25(evaluation_set: EvaluationSet, k: int = DEFAULT_K) -> dict[str, list[str]]:
    """The plain BM25 baseline's top `k` for every request."""
    return rank_bm25(evaluation_set.requests, evaluation_set.items, top=k)


# --- Formatting -----------------------------------------------------------------------------------


def targets(engine: Report, bm25: Report) -> dict[str, bool]:
    """Whether each target of the issue is met."""
    breaches = sum(engine.breaches.get(code, 0) for code in TARGET_CODES)
    return {
        f"nDCG@{engine.k} >= {TARGET_NDCG:.2f}": engine.group(OVERALL).ndcg >= TARGET_NDCG,
        "no coverage-excluded or expired item in any top 10": breaches == 0,
        f"nDCG@{engine.k} gain over BM25 >= {TARGET_GAIN_OVER_BM25:.2f}": _gain(engine, bm25)
        >= TARGET_GAIN_OVER_BM25,
    }


def _gain(engine: Report, bm25: Report) -> float:
    return engine.group(OVERALL).ndcg - bm25.group(OVERALL).ndcg


def format_report(engine: Report, bm25: Report, embedder_name: str) -> str:
    """A table for people, the targets, then one `name value unit` line per figure for tools."""
    return (
        "\n".join(
            [
                *_table(engine, bm25, embedder_name),
                "",
                *_target_lines(engine, bm25),
                "",
                *_metric_lines(engine, bm25),
            ]
        )
        + "\n"
    )


def _hard(group: GroupScore) -> str:
    return "/".join(str(group.hard_negatives.get(kind, 0)) for kind in HARD_NEGATIVE_KINDS)


def _table(engine: Report, bm25: Report, embedder_name: str) -> list[str]:
    k = engine.k
    lines = [
        f"Matching engine ({embedder_name}) vs plain BM25: {engine.requests} requests, {engine.items} items, "
        f"as of {AS_OF.isoformat()}",
        f"{'group':<15}{'requests':>9}{f'nDCG@{k}':>10}{'BM25':>8}{f'recall@{k}':>11}{'BM25':>8}"
        f"  {f'hard neg. top {k} (cov/dl/lex)':<31}BM25",
    ]
    for name, group in engine.groups.items():
        base = bm25.group(name)
        lines.append(
            f"{name:<15}{group.requests:>9}{group.ndcg:>10.3f}{base.ndcg:>8.3f}{group.recall:>11.3f}"
            f"{base.recall:>8.3f}  {_hard(group):<31}{_hard(base)}"
        )
    lines.append(f"constraint breaches in top {k}: engine {_breach_text(engine)}; BM25 {_breach_text(bm25)}")
    return lines


def _breach_text(report: Report) -> str:
    return ", ".join(f"{code} {count}" for code, count in sorted(report.breaches.items()))


def _target_lines(engine: Report, bm25: Report) -> list[str]:
    return [f"target {'met' if met else 'MISSED'}: {name}" for name, met in targets(engine, bm25).items()]


def _metric_lines(engine: Report, bm25: Report) -> list[str]:
    k = engine.k
    lines = [f"requests {engine.requests} count", f"items {engine.items} count"]
    lines.append(f"ndcg{k}_overall {engine.group(OVERALL).ndcg:.4f} ratio")
    lines.append(f"ndcg{k}_bm25_overall {bm25.group(OVERALL).ndcg:.4f} ratio")
    lines.append(f"ndcg{k}_gain_over_bm25 {_gain(engine, bm25):.4f} ratio")
    lines.append(f"recall{k}_overall {engine.group(OVERALL).recall:.4f} ratio")
    lines.append(f"recall{k}_bm25_overall {bm25.group(OVERALL).recall:.4f} ratio")
    for name in engine.groups:
        if name != OVERALL:
            lines.extend(_group_lines(engine.group(name), bm25.group(name), k))
    for kind in HARD_NEGATIVE_KINDS:
        lines.append(f"hard_negatives_top{k}_{kind} {engine.group(OVERALL).hard_negatives[kind]} count")
        lines.append(f"hard_negatives_top{k}_bm25_{kind} {bm25.group(OVERALL).hard_negatives[kind]} count")
    for code in sorted(set(engine.breaches) | set(bm25.breaches)):
        lines.append(f"excluded_top{k}_{code} {engine.breaches.get(code, 0)} count")
        lines.append(f"excluded_top{k}_bm25_{code} {bm25.breaches.get(code, 0)} count")
    lines.append(f"targets_met {int(all(targets(engine, bm25).values()))} bool")
    return lines


def _group_lines(group: GroupScore, base: GroupScore, k: int) -> list[str]:
    return [
        f"ndcg{k}_{group.name} {group.ndcg:.4f} ratio",
        f"ndcg{k}_bm25_{group.name} {base.ndcg:.4f} ratio",
        f"recall{k}_{group.name} {group.recall:.4f} ratio",
        f"recall{k}_bm25_{group.name} {base.recall:.4f} ratio",
    ]


def format_requests(engine: Report, bm25: Report) -> str:
    """One line per request, worst engine nDCG first: where the engine falls short and what it let in."""
    base = {score.request_id: score for score in bm25.per_request}
    header = f"{'request':<16}{'lang':<6}{'nDCG':>7}{'BM25':>7}{'recall':>8}{'x-nDCG':>8}"
    lines = [f"{header}  hard negatives in top {engine.k}"]
    for score in sorted(engine.per_request, key=lambda entry: (entry.ndcg, entry.request_id)):
        hard = ", ".join(f"{item_id} ({kind})" for item_id, kind in score.hard_negatives) or "-"
        lines.append(
            f"{score.request_id:<16}{score.language:<6}{score.ndcg:>7.3f}{base[score.request_id].ndcg:>7.3f}"
            f"{score.recall:>8.3f}{score.cross_ndcg:>8.3f}  {hard}"
        )
    return "\n".join(lines) + "\n"
