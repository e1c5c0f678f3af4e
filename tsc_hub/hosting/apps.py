from django.apps import AppConfig


class HostingConfig(AppConfig):
    """Choosing the hosts of support centres: calls, applications, blind scoring, shortlists (SBI/4/7)."""

    name = "tsc_hub.hosting"
    label = "hosting"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tsc_hub.accounts import policy
        from tsc_hub.hosting.permissions import RULES

        policy.register(RULES)
