"""django-allauth adapter: e-mails leave through the job queue, after the transaction commits."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction
from django.http import HttpRequest
from django.urls import translate_url

from tsc_hub.accounts.tasks import send_email_message
from tsc_hub.core.audit import record_event


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

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        """Sign-up creates the person; the audit log records it like any other write."""
        saved = super().save_user(request, user, form, commit)
        if commit:
            record_event(actor=saved, action="sign_up", target=saved, changes={"email": saved.email})
        return saved

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """After signing in, show the site in the person's preferred language."""
        url = str(super().get_login_redirect_url(request))
        language = getattr(request.user, "preferred_language", "")
        return translate_url(url, language) if language else url
