"""django-allauth adapter: e-mails leave through the job queue, after the transaction commits."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction
from django.http import HttpRequest
from django.urls import translate_url

from tsc_hub.accounts.tasks import send_email_message


class AccountAdapter(DefaultAccountAdapter):
    """Queues allauth's messages instead of sending them inside the request."""

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        message = self.render_mail(template_prefix, email, context)
        html = None
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = str(content)
        subject, body, to = str(message.subject), str(message.body), list(message.to)
        transaction.on_commit(
            lambda: send_email_message.enqueue(subject=subject, body=body, to=to, html=html)
        )

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """After signing in, show the site in the person's preferred language."""
        url = str(super().get_login_redirect_url(request))
        language = getattr(request.user, "preferred_language", "")
        return translate_url(url, language) if language else url
