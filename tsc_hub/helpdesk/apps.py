from django.apps import AppConfig


class HelpdeskConfig(AppConfig):
    """Help desk: conversations on requests, answer templates, enquiries and FAQ, proposals."""

    name = "tsc_hub.helpdesk"
    label = "helpdesk"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tsc_hub.accounts import policy
        from tsc_hub.helpdesk.permissions import RULES

        policy.register(RULES)
