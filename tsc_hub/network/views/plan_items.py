"""Pages changing one part of a work plan: an outcome's title; an outcome's activities and indicators. Only
the centre's staff, while the centre holds the plan (the services check it again)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.core.exceptions import PermissionDenied
from tsc_hub.network import services
from tsc_hub.network.access import access_plan
from tsc_hub.network.forms import ActivityForm, IndicatorForm, OutcomeTitleForm
from tsc_hub.network.models import PerformanceIndicator, PlanActivity, PlanOutcome, WorkPlan
from tsc_hub.network.permissions import CENTRE_STAFF, roles_for
from tsc_hub.network.services import ActivityData, IndicatorData
from tsc_hub.network.views.common import domain_pages, forbidden, run
from tsc_hub.network.workflow import PLAN_EDITABLE


def _held_plan(request: HttpRequest, plan_id: int) -> tuple[WorkPlan, HttpResponse | None]:
    """The plan (404 if hidden), and the refusal when the reader may not change it now."""
    plan = access_plan(request.user, plan_id)
    if CENTRE_STAFF not in roles_for(request.user, plan.centre_id):
        raise PermissionDenied(_("Only the centre's own staff write its work plan."))
    if plan.state not in PLAN_EDITABLE:
        message = _("A submitted or approved work plan can no longer be changed.")
        return plan, forbidden(request, message, status=409)
    return plan, None


def _item(model: Any, item_id: int, **lookup: Any) -> Any:
    found = model.objects.filter(pk=item_id, **lookup).first()
    if found is None:
        raise Http404(_("No such part of this work plan."))
    return found


def _text(values: dict[str, Any], name: str, before: dict[str, str] | None = None) -> dict[str, str]:
    """The text written in one language, beside the other languages of the text it changes."""
    return {**(before or {}), values["language"]: values[name]}


def _in(plan: WorkPlan, texts: dict[str, str]) -> tuple[str, str]:
    language = plan.original_language if plan.original_language in texts else next(iter(texts), "en")
    return language, texts.get(language, "")


def _page(
    request: HttpRequest, plan: WorkPlan, form: Any, heading: str, write: Callable[[], Any]
) -> HttpResponse:
    if request.method == "POST" and form.is_valid() and run(request, write, form) is not None:
        messages.success(request, _("Saved."))
        return redirect("network:plan", plan.pk)
    status = 400 if request.method == "POST" else 200
    context = {"plan": plan, "form": form, "heading": heading}
    return render(request, "network/plan_item_form.html", context, status=status)


@login_required
@domain_pages
def outcome_edit(request: HttpRequest, plan_id: int, outcome_id: int) -> HttpResponse:
    plan, refused = _held_plan(request, plan_id)
    if refused:
        return refused
    outcome = _item(PlanOutcome, outcome_id, plan=plan)
    language, title = _in(plan, outcome.title)
    form = OutcomeTitleForm(request.POST or None, initial={"language": language, "outcome": title})
    user = signed_in_user(request)
    return _page(
        request,
        plan,
        form,
        _("Change the outcome"),
        lambda: services.update_outcome(
            outcome=outcome, title=_text(form.cleaned_data, "outcome", outcome.title), by=user
        ),
    )


def _activity_data(form: ActivityForm, before: dict[str, str] | None = None) -> ActivityData:
    values = form.cleaned_data
    return ActivityData(_text(values, "activity", before), values["budget_amount"], values["budget_currency"])


def _indicator_data(form: IndicatorForm, before: dict[str, str] | None = None) -> IndicatorData:
    values = form.cleaned_data
    return IndicatorData(
        _text(values, "indicator", before), values["baseline"], values["target"], values["unit"]
    )


@login_required
@domain_pages
def activity_add(request: HttpRequest, plan_id: int, outcome_id: int) -> HttpResponse:
    plan, refused = _held_plan(request, plan_id)
    if refused:
        return refused
    outcome = _item(PlanOutcome, outcome_id, plan=plan)
    form = ActivityForm(request.POST or None, initial={"language": plan.original_language})
    user = signed_in_user(request)
    return _page(
        request,
        plan,
        form,
        _("Add an activity"),
        lambda: services.add_activity(outcome=outcome, data=_activity_data(form), by=user),
    )


@login_required
@domain_pages
def activity_edit(request: HttpRequest, plan_id: int, activity_id: int) -> HttpResponse:
    plan, refused = _held_plan(request, plan_id)
    if refused:
        return refused
    activity = _item(PlanActivity, activity_id, outcome__plan=plan)
    language, title = _in(plan, activity.title)
    initial = {
        "language": language,
        "activity": title,
        "budget_amount": activity.budget_amount,
        "budget_currency": activity.budget_currency,
    }
    form = ActivityForm(request.POST or None, initial=initial)
    user = signed_in_user(request)
    return _page(
        request,
        plan,
        form,
        _("Change the activity"),
        lambda: services.update_activity(
            activity=activity, data=_activity_data(form, activity.title), by=user
        ),
    )


@login_required
@domain_pages
def indicator_add(request: HttpRequest, plan_id: int, outcome_id: int) -> HttpResponse:
    plan, refused = _held_plan(request, plan_id)
    if refused:
        return refused
    outcome = _item(PlanOutcome, outcome_id, plan=plan)
    form = IndicatorForm(request.POST or None, initial={"language": plan.original_language})
    user = signed_in_user(request)
    return _page(
        request,
        plan,
        form,
        _("Add a performance indicator"),
        lambda: services.add_indicator(outcome=outcome, data=_indicator_data(form), by=user),
    )


@login_required
@domain_pages
def indicator_edit(request: HttpRequest, plan_id: int, indicator_id: int) -> HttpResponse:
    plan, refused = _held_plan(request, plan_id)
    if refused:
        return refused
    indicator = _item(PerformanceIndicator, indicator_id, outcome__plan=plan)
    language, name = _in(plan, indicator.name)
    initial = {
        "language": language,
        "indicator": name,
        "unit": indicator.unit,
        "baseline": indicator.baseline,
        "target": indicator.target,
    }
    form = IndicatorForm(request.POST or None, initial=initial)
    user = signed_in_user(request)
    return _page(
        request,
        plan,
        form,
        _("Change the performance indicator"),
        lambda: services.update_indicator(
            indicator=indicator, data=_indicator_data(form, indicator.name), by=user
        ),
    )


_REMOVABLE: dict[str, tuple[Any, str, Callable[..., Any]]] = {
    "outcomes": (PlanOutcome, "plan", lambda item, by: services.remove_outcome(outcome=item, by=by)),
    "activities": (
        PlanActivity,
        "outcome__plan",
        lambda item, by: services.remove_activity(activity=item, by=by),
    ),
    "indicators": (
        PerformanceIndicator,
        "outcome__plan",
        lambda item, by: services.remove_indicator(indicator=item, by=by),
    ),
}


@login_required
@require_POST
@domain_pages
def item_remove(request: HttpRequest, plan_id: int, kind: str, item_id: int) -> HttpResponse:
    """Remove an outcome (with its activities and indicators), an activity or an indicator."""
    if kind not in _REMOVABLE:
        raise Http404(_("No such part of this work plan."))
    plan, refused = _held_plan(request, plan_id)
    if refused:
        return refused
    model, link, remove = _REMOVABLE[kind]
    item = _item(model, item_id, **{link: plan})
    user = signed_in_user(request)
    if run(request, lambda: remove(item, user) or True):
        messages.success(request, _("Removed."))
    return redirect("network:plan", plan.pk)
