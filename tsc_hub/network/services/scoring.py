"""The coordination entity scores each centre once a year on the performance criteria."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.network.models import MAX_SCORE, PerformanceCriterion, PerformanceScoring, ScoringRevision
from tsc_hub.network.services.common import Problems, require_coordination


@dataclass
class ScoreData:
    """One criterion's score (0–5) and comment."""

    criterion: str
    score: Any
    comment: str = ""


def content_of(scoring: PerformanceScoring) -> dict[str, Any]:
    """A scoring as JSON (what a revision keeps)."""
    return {
        "comment": scoring.comment,
        "total": str(scoring.total),
        "scores": {
            s.criterion.code: [s.score, s.comment] for s in scoring.scores.select_related("criterion")
        },
    }


def _check(scores: list[ScoreData]) -> dict[str, tuple[int, str]]:
    problems = Problems()
    criteria = {c.code: c for c in PerformanceCriterion.objects.filter(active=True)}
    given: dict[str, tuple[int, str]] = {}
    for item in scores:
        if item.criterion not in criteria:
            problems.add(item.criterion, _("No such criterion."))
            continue
        try:
            value = int(str(item.score).strip())
        except ValueError:
            value = -1
        if not 0 <= value <= MAX_SCORE:
            problems.add(item.criterion, _("Give a score from 0 to 5."))
        given[item.criterion] = (value, item.comment.strip())
    for code in criteria:
        if code not in given:
            problems.add(code, _("Score every criterion."))
    problems.raise_if_any(_("The scoring could not be saved; check the criteria marked."))
    return given


def weighted_total(given: dict[str, tuple[int, str]]) -> Decimal:
    """The weighted mean of the scores, on 0–5, to two decimals."""
    weights = dict(PerformanceCriterion.objects.filter(code__in=given).values_list("code", "weight"))
    total_weight = sum(weights.values()) or 1
    value = Decimal(sum(weights[code] * score for code, (score, _c) in given.items())) / total_weight
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def score_centre(
    *, centre: SupportCentre, year: int, scores: list[ScoreData], by: Any, comment: str = ""
) -> PerformanceScoring:
    """Score a centre for a year (coordination staff). Scoring it again keeps the former version."""
    require_coordination(by, _("Only the coordination entity scores the centres."))
    given = _check(scores)
    scoring, created = PerformanceScoring.objects.select_for_update().get_or_create(
        centre=centre, year=int(year), defaults={"scored_by": by}
    )
    if not created:
        ScoringRevision.objects.create(
            scoring=scoring, version=scoring.version, content=content_of(scoring), by=scoring.scored_by
        )
        scoring.version += 1
        scoring.scores.all().delete()
    criteria = {c.code: c for c in PerformanceCriterion.objects.filter(code__in=given)}
    for code, (value, note) in given.items():
        scoring.scores.create(criterion=criteria[code], score=value, comment=note)
    scoring.comment = comment.strip()
    scoring.total = weighted_total(given)
    scoring.scored_by = by
    scoring.save()
    record_event(actor=by, action="network.score_centre", target=scoring, changes=content_of(scoring))
    return scoring
