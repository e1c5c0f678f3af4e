"""The help desk's writes on a request: routing, officers, consent, eligibility, outcome, overdue flags."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest, EligibilityAssessment, EligibilityCriterion
from tsc_hub.assistance.services.people import helpdesk_side
from tsc_hub.assistance.workflow import COORDINATION, HELPDESK, REQUESTERS, STAFF
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import clean_multilingual, pick_text
from tsc_hub.notifications.services import notify


def _lock(request: AssistanceRequest) -> AssistanceRequest:
    return AssistanceRequest.objects.select_for_update().get(pk=request.pk)


def _require(by: Any, request: AssistanceRequest, roles: frozenset[str], message: str) -> None:
    if by is not None and not roles_held_for(by, request) & roles:
        raise PermissionDenied(message)


def _log(request: AssistanceRequest, action: str, by: Any, reason: str, changes: dict[str, Any]) -> None:
    request.version += 1
    request.save()
    request.transitions.create(
        action=action, from_state=request.state, to_state=request.state, by=by, reason=reason
    )
    record_event(actor=by, action=f"request.{action}", target=request, changes=changes)


@transaction.atomic
def reassign_request(
    *, request: AssistanceRequest, centre: SupportCentre | None, reason: str, by: Any
) -> AssistanceRequest:
    """Coordination staff give a request to another centre (None: the global help desk)."""
    locked = _lock(request)
    _require(
        by,
        locked,
        frozenset({COORDINATION, "platform_admin"}),
        _("Only coordination staff can reassign requests."),
    )
    if not reason.strip():
        raise InvalidInput(
            _("Give a reason for this action."), fields={"reason": [_("This field is required.")]}
        )
    before = locked.centre_id
    locked.centre, locked.officer = centre, None
    _log(locked, "reassign", by, reason.strip(), {"centre": [before, centre.pk if centre else None]})
    notify(
        recipients=helpdesk_side(locked),
        exclude=by,
        target=locked,
        url=f"/requests/{locked.pk}/",
        template=gettext_noop("Request “%(title)s” was assigned to your help desk."),
        params={"title": str(locked)},
    )
    return locked


@transaction.atomic
def assign_officer(*, request: AssistanceRequest, officer: Any, by: Any) -> AssistanceRequest:
    """Give the request to a help desk officer of its centre (or to coordination staff)."""
    locked = _lock(request)
    _require(by, locked, STAFF, _("Only the help desk can assign officers."))
    if not roles_held_for(officer, locked) & frozenset({HELPDESK, COORDINATION}):
        message = _("This person is not a help desk officer for this request.")
        raise InvalidInput(message, fields={"officer": [message]})
    before = locked.officer_id
    locked.officer = officer
    _log(locked, "assign_officer", by, "", {"officer": [before, officer.pk]})
    notify(
        recipients=[officer],
        exclude=by,
        target=locked,
        url=f"/requests/{locked.pk}/",
        template=gettext_noop("You now hold request “%(title)s”."),
        params={"title": str(locked)},
    )
    return locked


@transaction.atomic
def record_consent(*, request: AssistanceRequest, reference: str, by: Any) -> AssistanceRequest:
    """Record the prior informed consent of the knowledge holders (needed before matching)."""
    locked = _lock(request)
    _require(by, locked, REQUESTERS | STAFF, _("You may not change this request."))
    if not reference.strip():
        message = _("Say where the consent is documented.")
        raise InvalidInput(message, fields={"reference": [message]})
    locked.pic_recorded_at, locked.pic_reference = timezone.now(), reference.strip()[:300]
    _log(locked, "record_consent", by, "", {"pic_reference": locked.pic_reference})
    return locked


def priority_from(assessments: list[tuple[EligibilityCriterion, bool]]) -> int:
    """0–100: the weight of the criteria met, out of the weight of all criteria assessed."""
    total = sum(criterion.weight for criterion, _met in assessments)
    met = sum(criterion.weight for criterion, is_met in assessments if is_met)
    return round(100 * met / total) if total else 0


@transaction.atomic
def assess_eligibility(
    *, request: AssistanceRequest, answers: dict[str, tuple[bool, str]], by: Any
) -> AssistanceRequest:
    """Record the checklist (criterion code → (met, note)) and recompute the priority score."""
    locked = _lock(request)
    _require(by, locked, STAFF, _("Only the help desk can assess eligibility."))
    criteria = {c.code: c for c in EligibilityCriterion.objects.filter(active=True)}
    unknown = sorted(set(answers) - set(criteria))
    if unknown:
        message = _("Unknown criteria: %(codes)s.") % {"codes": ", ".join(unknown)}
        raise InvalidInput(message, fields={"answers": [message]})
    for code, (met, note) in answers.items():
        EligibilityAssessment.objects.update_or_create(
            request=locked,
            criterion=criteria[code],
            defaults={"met": bool(met), "note": note.strip(), "assessed_by": by},
        )
    assessed = [(a.criterion, a.met) for a in locked.assessments.select_related("criterion")]
    locked.priority_score = priority_from(assessed)
    _log(
        locked,
        "assess_eligibility",
        by,
        "",
        {"answers": {k: v[0] for k, v in answers.items()}, "score": locked.priority_score},
    )
    return locked


@transaction.atomic
def record_outcome(
    *, request: AssistanceRequest, outcome: dict[str, str], feedback: dict[str, str], by: Any
) -> AssistanceRequest:
    """Write what the cooperation achieved and the requester's feedback (needed before closing)."""
    locked = _lock(request)
    _require(by, locked, REQUESTERS | STAFF, _("You may not change this request."))
    try:
        locked.outcome = clean_multilingual(outcome, required=True)
        locked.feedback = clean_multilingual(feedback)
    except ValueError as error:
        raise InvalidInput(str(error), fields={"outcome": [str(error)]}) from error
    _log(locked, "record_outcome", by, "", {"outcome": locked.outcome, "feedback": locked.feedback})
    return locked


def flag_overdue_requests(*, now: datetime.datetime | None = None) -> int:
    """Tell the holder of each request that overstayed its state's target time, once per state."""
    moment = now or timezone.now()
    flagged = 0
    for request in AssistanceRequest.objects.overdue(moment).filter(overdue_notified_at__isnull=True):
        with transaction.atomic():
            holders = helpdesk_side(request)
            notify(
                recipients=holders,
                target=request,
                url=f"/requests/{request.pk}/",
                template=gettext_noop("Request “%(title)s” is overdue in its current stage."),
                params={"title": pick_text(request.title, language=request.original_language).text},
            )
            AssistanceRequest.objects.filter(pk=request.pk).update(overdue_notified_at=moment)
            flagged += 1
    return flagged
