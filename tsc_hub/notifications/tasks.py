"""Background jobs of notifications."""

from __future__ import annotations

from django_tasks import task

from tsc_hub.notifications import services


@task(queue_name="email")
def send_notification_email(*, notification_id: int) -> bool:
    """E-mail one notification (skipped if it was already sent)."""
    return services.email_notification(notification_id=notification_id)


@task(queue_name="email")
def send_daily_digests() -> int:
    """E-mail each daily-digest reader the day's notifications."""
    return services.send_all_digests()
