"""Background jobs of the accounts app."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task(queue_name="email")
def send_email_message(*, subject: str, body: str, to: list[str], html: str | None = None) -> int:
    """Send one e-mail (verification, password reset, notices) outside the web request."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
