"""The notification inbox and the e-mail preference."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.core.exceptions import DomainError
from tsc_hub.notifications import services
from tsc_hub.notifications.forms import PreferenceForm
from tsc_hub.notifications.models import Notification


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """My notifications, newest first, 30 to a page."""
    user = signed_in_user(request)
    page = Paginator(Notification.objects.visible_to(user), 30).get_page(request.GET.get("page"))
    form = PreferenceForm(initial={"email_mode": services.email_mode_of(user)})
    return render(request, "notifications/inbox.html", {"page": page, "form": form})


@login_required
@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    """Mark one (`id` in the form) or all notifications as read."""
    raw = request.POST.get("id")
    try:
        services.mark_read(user=signed_in_user(request), notification_id=int(raw) if raw else None)
    except (DomainError, ValueError):
        messages.error(request, _("No such notification."))
    return redirect("notifications:inbox")


@login_required
@require_POST
def preference(request: HttpRequest) -> HttpResponse:
    """Save the e-mail preference."""
    form = PreferenceForm(request.POST)
    if form.is_valid():
        services.set_email_mode(user=signed_in_user(request), email_mode=form.cleaned_data["email_mode"])
        messages.success(request, _("Your notification preference was saved."))
    else:
        messages.error(request, _("Choose at once, daily digest or never."))
    return redirect("notifications:inbox")
