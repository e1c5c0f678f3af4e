"""Pages of work plans: the list, one plan, a new plan, one more outcome, the workflow steps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.network import services
from tsc_hub.network.access import access_plan
from tsc_hub.network.forms import OutcomeForm, PlanForm
from tsc_hub.network.models import WorkPlan
from tsc_hub.network.permissions import CENTRE_STAFF, roles_for
from tsc_hub.network.services import ActivityData, IndicatorData, OutcomeData, PlanData
from tsc_hub.network.views.common import domain_pages, forbidden, my_centres, run
from tsc_hub.network.workflow import ACTION_LABELS, PLAN_EDITABLE


def plan_list(request: HttpRequest) -> HttpResponse:
    """Approved work plans for everyone; a centre's other plans for its staff and the coordination."""
    plans = WorkPlan.objects.visible_to(request.user).select_related("centre")
    return render(request, "network/plans.html", {"plans": plans, "can_add": bool(my_centres(request.user))})


@domain_pages
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    can_edit = plan.state in PLAN_EDITABLE and CENTRE_STAFF in roles_for(request.user, plan.centre_id)
    context = {
        "plan": plan,
        "actions": plan.actions,
        "can_edit": can_edit,
        "outcome_form": OutcomeForm() if can_edit else None,
        "history": plan.steps.select_related("by")
        if plan.actions or can_edit or roles_for(request.user, None)
        else [],
        "labels": ACTION_LABELS,
    }
    return render(request, "network/plan_detail.html", context)


@login_required
@domain_pages
def plan_create(request: HttpRequest) -> HttpResponse:
    centres = my_centres(request.user)
    if not centres:
        return forbidden(request, _("Only the staff of a support centre write its work plan."))
    form = PlanForm(request.POST or None, centres=centres)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        language = data["language"]
        centre = next(c for c in centres if str(c.pk) == data["centre"])
        plan_data = PlanData(
            start_year=data["start_year"],
            end_year=data["end_year"],
            title={language: data["title"]},
            summary={language: data["summary"]},
            original_language=language,
        )
        user = signed_in_user(request)
        plan = run(request, lambda: services.create_work_plan(centre=centre, data=plan_data, by=user), form)
        if plan is not None:
            messages.success(request, _("Saved."))
            return redirect("network:plan", plan.pk)
    return render(request, "network/form.html", {"form": form, "heading": _("New work plan")})


@login_required
@require_POST
@domain_pages
def plan_add_outcome(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Append an outcome (with an activity and an indicator) to a plan the centre holds."""
    plan = access_plan(request.user, plan_id)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The outcome could not be added; check the fields."))
        return redirect("network:plan", plan.pk)
    values = form.cleaned_data
    language = values["language"]
    data = services.plan_data_of(plan)
    data.outcomes.append(
        OutcomeData(
            title={language: values["outcome"]},
            activities=[
                ActivityData(
                    {language: values["activity"]}, values["budget_amount"], values["budget_currency"]
                )
            ],
            indicators=[
                IndicatorData(
                    {language: values["indicator"]}, values["baseline"], values["target"], values["unit"]
                )
            ],
        )
    )
    user = signed_in_user(request)
    if run(request, lambda: services.update_work_plan(plan=plan, data=data, by=user)) is not None:
        messages.success(request, _("Saved."))
    return redirect("network:plan", plan.pk)


@login_required
@require_POST
@domain_pages
def plan_transition(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_plan(request.user, plan_id)
    action = request.POST.get("action", "")
    user = signed_in_user(request)
    reason = request.POST.get("reason", "")
    done = run(
        request, lambda: services.transition_work_plan(plan=plan, action=action, by=user, reason=reason)
    )
    if done is not None:
        messages.success(request, _("Done: %(action)s.") % {"action": ACTION_LABELS.get(action, action)})
    return redirect("network:plan", plan.pk)
