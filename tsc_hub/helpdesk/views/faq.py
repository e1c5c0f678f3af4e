"""The public FAQ, and publishing an enquiry's answer to it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsc_hub.accounts.auth import signed_in_user
from tsc_hub.core.exceptions import DomainError
from tsc_hub.helpdesk import services
from tsc_hub.helpdesk.forms import FaqForm
from tsc_hub.helpdesk.models import FaqEntry
from tsc_hub.helpdesk.states import EnquiryCategory
from tsc_hub.helpdesk.views.enquiries import visible_enquiry


def faq(request: HttpRequest) -> HttpResponse:
    """Published questions and answers, grouped by category, in the reader's language."""
    entries = list(FaqEntry.objects.published())
    groups = [
        (label, [entry for entry in entries if entry.category == value])
        for value, label in EnquiryCategory.choices
    ]
    return render(request, "helpdesk/faq.html", {"groups": [g for g in groups if g[1]]})


@login_required
@require_POST
def faq_publish(request: HttpRequest, enquiry_id: int) -> HttpResponse:
    """Publish the answer to an enquiry as an FAQ entry (its help desk, coordination)."""
    enquiry = visible_enquiry(request, enquiry_id)
    form = FaqForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Fill in the question and the answer."))
        return redirect("helpdesk:enquiry", enquiry_id=enquiry_id)
    language = form.cleaned_data["language"]
    try:
        services.publish_faq(
            question={language: form.cleaned_data["question"]},
            answer={language: form.cleaned_data["answer"]},
            category=form.cleaned_data["category"],
            original_language=language,
            enquiry=enquiry,
            by=signed_in_user(request),
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The answer is published in the FAQ."))
    return redirect("helpdesk:enquiry", enquiry_id=enquiry_id)
