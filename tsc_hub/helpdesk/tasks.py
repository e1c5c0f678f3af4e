"""Background jobs of the help desk: e-mails to visitors without an account."""

from __future__ import annotations

from django_tasks import task

from tsc_hub.helpdesk.services import mail


@task(queue_name="email")
def send_enquiry_acknowledgement(*, enquiry_id: int) -> bool:
    """E-mail an anonymous enquirer that the enquiry arrived."""
    return mail.email_acknowledgement(enquiry_id=enquiry_id)


@task(queue_name="email")
def send_enquiry_reply(*, reply_id: int) -> bool:
    """E-mail the help desk's reply to an anonymous enquirer."""
    return mail.email_reply(reply_id=reply_id)
