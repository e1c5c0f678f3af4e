import datetime

from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    """Requests for assistance: from a Party's need to a closed cooperation, with the help desk."""

    name = "tsc_hub.assistance"
    label = "assistance"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tsc_hub.accounts import policy
        from tsc_hub.assistance.permissions import RULES
        from tsc_hub.assistance.tasks import flag_overdue_requests_task
        from tsc_hub.core.periodic import register_periodic

        policy.register(RULES)
        register_periodic(
            "assistance.flag_overdue", datetime.timedelta(hours=1), flag_overdue_requests_task.enqueue
        )
