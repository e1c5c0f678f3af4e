"""The engine's results as pages and the API show them: reasons in words, candidates with links, "why not",
assignment runs by regional group. Shared by views_engine and api."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.models import Job, JobState
from tsc_hub.geography.models import CbdRegionalGroup
from tsc_hub.matching import ranking
from tsc_hub.matching.engine.ranker import Reason
from tsc_hub.matching.engine_records import item_key
from tsc_hub.matching.labels import (
    CONSTRAINT_TEXTS,
    KIND_LABELS,
    NOT_IN_CATALOGUE,
    SIGNAL_LABELS,
    constraint_texts,
)
from tsc_hub.matching.models import AssignmentRun, RecordKind
from tsc_hub.matching.workflow import STAFF
from tsc_hub.offers.models import Offer, ProviderProfile

TOP_OPPORTUNITIES = 20


@dataclass(frozen=True)
class ReasonRow:
    """One signal of a score, for people: its label, its value in [0, 1], what it added, its share."""

    signal: str
    label: str
    value: float
    contribution: float
    share: int  # percent of the score


def reason_rows(reasons: Iterable[Reason]) -> list[ReasonRow]:
    """Reasons in words, the largest contribution first."""
    listed = sorted(reasons, key=lambda reason: -reason.contribution)
    score = sum(max(reason.contribution, 0.0) for reason in listed)
    return [
        ReasonRow(
            signal=reason.signal,
            label=str(SIGNAL_LABELS.get(reason.signal, reason.signal)),
            value=round(reason.value, 4),
            contribution=round(reason.contribution, 4),
            share=round(100 * max(reason.contribution, 0.0) / score) if score > 0 else 0,
        )
        for reason in listed
    ]


def stored_reasons(payload: dict[str, Any]) -> list[Reason]:
    """The reasons kept with a stored suggestion (see suggestions.reasons_payload)."""
    values = payload.get("signals") or {}
    contributions = payload.get("contributions") or {}
    return [
        Reason(signal, float(values.get(signal, 0.0)), float(contribution))
        for signal, contribution in contributions.items()
    ]


@dataclass(frozen=True)
class Candidate:
    """An offer or a profile as lists show it."""

    kind: str
    kind_label: str
    record: Offer | ProviderProfile
    url: str

    @property
    def key(self) -> str:
        return item_key(self.kind, self.record.pk)

    @property
    def organisation(self) -> Any:
        record = self.record
        return record.primary_organisation if isinstance(record, Offer) else record.organisation


def describe(record: Offer | ProviderProfile) -> Candidate:
    if isinstance(record, Offer):
        return Candidate(
            RecordKind.OFFER,
            str(KIND_LABELS[RecordKind.OFFER]),
            record,
            reverse("offers:detail", args=[record.pk]),
        )
    return Candidate(
        RecordKind.PROFILE,
        str(KIND_LABELS[RecordKind.PROFILE]),
        record,
        reverse("offers:profile_detail", args=[record.pk]),
    )


def provider_organisations(user: Any) -> list[int]:
    """The organisations a person is an active provider for."""
    if user is None or not user.is_authenticated:
        return []
    return list(
        user.role_assignments.active()
        .filter(role="provider", organisation__isnull=False)
        .values_list("organisation_id", flat=True)
    )


def is_request_staff(user: Any, target: AssistanceRequest) -> bool:
    return bool(roles_held_for(user, target) & STAFF)


def fairness_cost_percent(run: AssignmentRun) -> float:
    """What fairness cost, as a share of the quality without it."""
    if run.unconstrained_quality <= 0:
        return 0.0
    return round(100 * run.fairness_cost / run.unconstrained_quality, 1)


def group_label(code: str) -> str:
    if code in CbdRegionalGroup.values:
        return str(CbdRegionalGroup(code).label)
    return _("No regional group") if code in ("", "none") else code


def job_result_url(job: Job) -> str:
    """Where a finished job's outcome is shown, when there is a page for it."""
    run = (job.result or {}).get("assignment_run")
    return reverse("matching:engine_run", args=[run]) if run and job.state == JobState.DONE else ""


def explanation_context(target: AssistanceRequest, candidate: Offer | ProviderProfile) -> dict[str, Any]:
    """ "Why not" in words: broken constraints, whether it is ranked at all, score, reasons, rank."""
    explanation = ranking.explain_pair(target, candidate)
    problems = constraint_texts(explanation.why.codes)
    if not explanation.in_catalogue:
        problems.append(str(NOT_IN_CATALOGUE))
    return {
        "candidate": describe(candidate),
        "codes": list(explanation.why.codes),
        "problems": problems,
        "published": candidate.state == "published",
        "in_catalogue": explanation.in_catalogue,
        "score": explanation.why.score,
        "reasons": reason_rows(explanation.why.reasons),
        "rank": explanation.rank,
        "ranked": len(ranking.catalogue().index),
    }


def assignment_pairs(run: AssignmentRun) -> list[dict[str, Any]]:
    """The run's pairs with their request and item (a record deleted since is left out)."""
    ids: dict[str, set[int]] = {"request": set(), RecordKind.OFFER: set(), RecordKind.PROFILE: set()}
    for request_id, kind, candidate_id, _quality in run.pairs:
        ids["request"].add(int(request_id))
        ids[kind].add(int(candidate_id))
    requests = AssistanceRequest.objects.select_related("country").in_bulk(ids["request"])
    items: dict[str, dict[int, Any]] = {
        RecordKind.OFFER: Offer.objects.select_related("primary_organisation").in_bulk(ids[RecordKind.OFFER]),
        RecordKind.PROFILE: ProviderProfile.objects.select_related("organisation").in_bulk(
            ids[RecordKind.PROFILE]
        ),
    }
    rows = []
    for request_id, kind, candidate_id, quality in run.pairs:
        target, item = requests.get(int(request_id)), items[kind].get(int(candidate_id))
        if target is not None and item is not None:
            rows.append({"request": target, "candidate": describe(item), "quality": quality})
    return rows


def group_rows(run: AssignmentRun) -> list[dict[str, Any]]:
    groups = sorted(set(run.by_group) | set(run.unconstrained_by_group) | set(run.quotas))
    return [
        {
            "group": group,
            "label": group_label(group),
            "fair": run.by_group.get(group, 0),
            "unconstrained": run.unconstrained_by_group.get(group, 0),
            "quota": run.quotas.get(group, 0),
        }
        for group in groups
    ]


__all__ = ["CONSTRAINT_TEXTS", "constraint_texts"]


def engine_suggestion(user: Any, match_id: int) -> Any:
    """An engine suggestion the person may see, with its request; None otherwise."""
    from tsc_hub.matching.models import Match

    return (
        Match.objects.visible_to(user).filter(pk=match_id, source="engine").select_related("request").first()
    )
