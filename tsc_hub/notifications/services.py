"""Creating notifications and sending them by e-mail, at once or in a daily digest."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tsc_hub.accounts.models import User
from tsc_hub.core.exceptions import InvalidInput, NotFound
from tsc_hub.notifications.models import EmailMode, Notification, NotificationPreference


def email_mode_of(user: User) -> str:
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.email_mode if preference else EmailMode.IMMEDIATE


def notify(
    *,
    recipients: Iterable[User],
    template: str,
    params: dict[str, Any] | None = None,
    url: str = "",
    target: models.Model | None = None,
    exclude: User | None = None,
) -> list[Notification]:
    """Tell people about something. `template` is an English msgid marked with gettext_noop.

    People who want e-mail at once get it after the surrounding transaction commits.
    """
    from tsc_hub.notifications.tasks import send_notification_email

    people = {person.pk: person for person in recipients if person.is_active and person != exclude}
    created = Notification.objects.bulk_create(
        Notification(
            recipient=person,
            template=template,
            params=params or {},
            url=url,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
        )
        for person in people.values()
    )
    for notification in created:
        if email_mode_of(people[notification.recipient_id]) == EmailMode.IMMEDIATE:
            transaction.on_commit(partial(send_notification_email.enqueue, notification_id=notification.pk))
    return created


def _absolute(url: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{url}" if url.startswith("/") else url


def email_notification(*, notification_id: int) -> bool:
    """Send one notification by e-mail in the recipient's language; False if already sent or gone."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.emailed_at is not None:
            return False
        recipient = notification.recipient
        with translation.override(recipient.preferred_language):
            text = notification.text()
            body = f"{text}\n\n{_absolute(notification.url)}" if notification.url else text
            send_mail(f"[tsc-hub] {text}"[:200], body, None, [recipient.email])
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def send_digest(*, user: User, since: datetime.datetime) -> int:
    """One e-mail listing the person's notifications not yet e-mailed since `since`; returns how many."""
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update()
            .filter(recipient=user, created_at__gte=since)
            .not_emailed()
        )
        if not pending:
            return 0
        with translation.override(user.preferred_language):
            lines = [f"- {n.text()} {_absolute(n.url)}".rstrip() for n in reversed(pending)]
            subject = _("[tsc-hub] %(count)s notifications today") % {"count": len(pending)}
            send_mail(subject, "\n".join(lines), None, [user.email])
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
    return len(pending)


def send_all_digests(*, now: datetime.datetime | None = None) -> int:
    """Digests for everyone who chose the daily mode; returns the number of e-mails sent."""
    moment = now or timezone.now()
    since = moment - datetime.timedelta(days=1)
    sent = 0
    for preference in NotificationPreference.objects.filter(email_mode=EmailMode.DAILY).select_related(
        "user"
    ):
        if send_digest(user=preference.user, since=since):
            sent += 1
    return sent


@transaction.atomic
def mark_read(*, user: User, notification_id: int | None = None) -> int:
    """Mark one notification (or all, when no id is given) as read; returns how many changed."""
    mine = Notification.objects.visible_to(user).unread()
    if notification_id is not None:
        if not Notification.objects.visible_to(user).filter(pk=notification_id).exists():
            raise NotFound(_("No such notification."))
        mine = mine.filter(pk=notification_id)
    return mine.update(read_at=timezone.now())


@transaction.atomic
def set_email_mode(*, user: User, email_mode: str) -> NotificationPreference:
    """Choose e-mail at once, in a daily digest, or never."""
    if email_mode not in EmailMode.values:
        message = _("Choose at once, daily digest or never.")
        raise InvalidInput(message, fields={"email_mode": [message]})
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email_mode": email_mode}
    )
    from tsc_hub.core.audit import record_event

    record_event(actor=user, action="set_email_mode", target=preference, changes={"email_mode": email_mode})
    return preference
