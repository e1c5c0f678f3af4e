"""Pages of matches: my matches, one match with its actions, suggesting providers for a request."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.exceptions import DomainError
from tsc_hub.matching import alerts, services
from tsc_hub.matching.forms import SavedSearchForm
from tsc_hub.matching.models import Match, SavedSearch
from tsc_hub.matching.states import DeclineReason
from tsc_hub.matching.workflow import ACTION_LABELS, MATCH_WORKFLOW, STAFF
from tsc_hub.offers.models import Offer, ProviderProfile


def _visible(request: HttpRequest, match_id: int) -> Match:
    found = Match.objects.visible_to(request.user).with_related().filter(pk=match_id).first()
    if found is None:
        raise Http404(_("No such match, or you may not see it."))
    return found


@login_required
def match_list(request: HttpRequest) -> HttpResponse:
    """The matches I may see, optionally of one request."""
    matches = Match.objects.visible_to(request.user).with_related()
    request_id = request.GET.get("request")
    target = None
    if request_id and request_id.isdigit():
        matches = matches.filter(request_id=int(request_id))
        target = AssistanceRequest.objects.visible_to(request.user).filter(pk=int(request_id)).first()
    page = Paginator(matches, 25).get_page(request.GET.get("page"))
    may_suggest = target is not None and bool(roles_held_for(request.user, target) & STAFF)
    return render(request, "matching/list.html", {"page": page, "target": target, "may_suggest": may_suggest})


@login_required
def match_detail(request: HttpRequest, match_id: int) -> HttpResponse:
    """A match, its steps and what I may do next."""
    match = _visible(request, match_id)
    roles = services.match_roles(request.user, match)
    actions = [
        (step.action, ACTION_LABELS.get(step.action, step.action), step.needs_reason)
        for step in MATCH_WORKFLOW.from_state(match.state)
        if step.roles & roles
    ]
    steps = [(step, ACTION_LABELS.get(step.action, step.action)) for step in match.steps.select_related("by")]
    return render(
        request,
        "matching/detail.html",
        {"match": match, "actions": actions, "steps": steps, "reasons": DeclineReason.choices},
    )


@login_required
@require_POST
def match_transition(request: HttpRequest, match_id: int) -> HttpResponse:
    match = _visible(request, match_id)
    try:
        services.transition_match(
            match=match,
            action=request.POST.get("action", ""),
            reason_code=request.POST.get("reason_code", ""),
            reason_text=request.POST.get("reason_text", ""),
            by=signed_in_user(request),
        )
    except DomainError as error:
        details = " ".join(problem for problems in error.fields.values() for problem in problems)
        messages.error(request, f"{error.message} {details}".strip())
    else:
        messages.success(request, _("Done."))
    return redirect("matching:detail", match_id=match_id)


def _candidates(target: AssistanceRequest) -> dict[str, Any]:
    return {
        "profiles": ProviderProfile.objects.published().serving(target.country_id).with_related()[:50],
        "offers": Offer.objects.open().serving(target.country_id).with_related()[:50],
    }


@login_required
def suggest(request: HttpRequest, request_id: int) -> HttpResponse:
    """The help desk picks a published profile or open offer that covers the requesting Party."""
    target = AssistanceRequest.objects.visible_to(request.user).filter(pk=request_id).first()
    if target is None:
        raise Http404(_("No such request, or you may not see it."))
    if not roles_held_for(request.user, target) & STAFF:
        return render(request, "matching/forbidden.html", status=403)
    if request.method == "POST":
        kind, pk = request.POST.get("kind"), request.POST.get("id", "")
        model = ProviderProfile if kind == "profile" else Offer
        candidate = model.objects.filter(pk=int(pk) if pk.isdigit() else 0).first()
        try:
            if candidate is None:
                raise DomainError(_("Choose a profile or an offer."))
            match = services.suggest_match(
                request=target,
                candidate=candidate,
                note=request.POST.get("note", ""),
                by=signed_in_user(request),
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The provider was suggested."))
            return redirect("matching:detail", match_id=match.pk)
    return render(request, "matching/suggest.html", {"target": target, **_candidates(target)})


@login_required
def saved_searches(request: HttpRequest) -> HttpResponse:
    """My saved searches, a form to add one, and buttons to remove them."""
    user = signed_in_user(request)
    form = SavedSearchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            alerts.save_search(owner=user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(
                request, _("Your search was saved. You will be told of new requests that fit it.")
            )
            return redirect("matching:searches")
    searches = SavedSearch.objects.filter(owner=user).prefetch_related(
        "parties", "gbf_targets", "assistance_types"
    )
    return render(request, "matching/searches.html", {"form": form, "searches": searches})


@login_required
@require_POST
def delete_saved_search(request: HttpRequest, search_id: int) -> HttpResponse:
    try:
        alerts.delete_search(owner=signed_in_user(request), search_id=search_id)
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("matching:searches")
