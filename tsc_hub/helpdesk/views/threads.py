"""The conversation on a request: read it, write in it, answer from a template."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.core.exceptions import DomainError, NotFound, PermissionDenied
from tsc_hub.helpdesk import services
from tsc_hub.helpdesk.access import access_thread
from tsc_hub.helpdesk.forms import MessageForm, TemplateAnswerForm, show_errors


def _post(request: HttpRequest, target: AssistanceRequest, may_note: bool) -> tuple[Any, Any]:
    """Handle one of the two forms; returns the forms to show again (None when it worked)."""
    by = signed_in_user(request)
    if "template" in request.POST and may_note:
        picked = TemplateAnswerForm(request.POST)
        if picked.is_valid():
            try:
                services.post_message_from_template(
                    request=target, code=picked.cleaned_data["template"], by=by
                )
            except DomainError as error:
                show_errors(picked, error)
            else:
                return None, None
        return MessageForm(), picked
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.post_message(
                request=target,
                body=form.cleaned_data["body"],
                internal=form.cleaned_data["internal"],
                by=by,
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            return None, None
    return form, TemplateAnswerForm() if may_note else None


@login_required
def thread(request: HttpRequest, request_id: int) -> HttpResponse:
    """The messages of a request's conversation the person may read, and the forms to write."""
    try:
        target, _messages = access_thread(request.user, request_id)
    except NotFound as error:
        raise Http404(str(error.message)) from error
    except PermissionDenied as error:
        return render(request, "helpdesk/forbidden.html", {"reason": error.message}, status=403)
    may_write, may_note = services.may_post(request.user, target)
    form: Any = MessageForm() if may_write else None
    picker: Any = TemplateAnswerForm() if may_note else None
    if request.method == "POST" and may_write:
        form, picker = _post(request, target, may_note)
        if form is None:
            messages.success(request, _("Your message was sent."))
            return redirect("helpdesk:thread", request_id=target.pk)
    status = 400 if request.method == "POST" else 200
    context = {"record": target, "thread": _messages, "form": form, "picker": picker, "may_note": may_note}
    return render(request, "helpdesk/thread.html", context, status=status)
