"""Plain e-mails to visitors who asked without an account (people with one are notified instead)."""

from __future__ import annotations

from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from tsc_hub.core.languages import django_language
from tsc_hub.helpdesk.models import Enquiry, EnquiryReply
from tsc_hub.helpdesk.states import TARGET_DAYS


def email_acknowledgement(*, enquiry_id: int) -> bool:
    """Tell an anonymous enquirer, in the enquiry's language, that the enquiry was received."""
    enquiry = Enquiry.objects.filter(pk=enquiry_id, requester__isnull=True).first()
    if enquiry is None:
        return False
    with translation.override(django_language(enquiry.language)):
        values = {
            "name": enquiry.name,
            "subject": enquiry.subject,
            "number": enquiry.pk,
            "days": TARGET_DAYS.get(enquiry.category, 10),
        }
        subject = _("[tsc-hub] We received your enquiry: %(subject)s") % values
        body = (
            _(
                "Dear %(name)s,\n\nThank you for your enquiry “%(subject)s” (number %(number)s). "
                "The help desk aims to answer within %(days)s days and will write to this address.\n\n"
                "The tsc-hub help desk"
            )
            % values
        )
        send_mail(subject[:200], body, None, [enquiry.email])
    return True


def email_reply(*, reply_id: int) -> bool:
    """Send the help desk's reply to an anonymous enquirer (internal notes are never sent)."""
    reply = (
        EnquiryReply.objects.select_related("enquiry")
        .filter(pk=reply_id, internal=False, enquiry__requester__isnull=True)
        .first()
    )
    if reply is None:
        return False
    enquiry = reply.enquiry
    with translation.override(django_language(enquiry.language)):
        subject = _("[tsc-hub] Answer to your enquiry: %(subject)s") % {"subject": enquiry.subject}
        send_mail(subject[:200], f"{reply.body}\n\n{_('The tsc-hub help desk')}", None, [enquiry.email])
    return True
