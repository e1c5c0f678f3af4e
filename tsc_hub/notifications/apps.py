from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """In-app and e-mail notifications, immediately or as a daily digest."""

    name = "tsc_hub.notifications"
    label = "notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import datetime

        from tsc_hub.core.periodic import register_periodic
        from tsc_hub.notifications.tasks import send_daily_digests

        register_periodic(
            "notifications.daily_digest", datetime.timedelta(hours=24), send_daily_digests.enqueue
        )
