from django.apps import AppConfig


class CapacityConfig(AppConfig):
    """Capacity needs of Parties, capacity-building activities of organisations, and the gaps between them."""

    name = "tsc_hub.capacity"
    label = "capacity"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tsc_hub.accounts import policy
        from tsc_hub.capacity.permissions import RULES

        policy.register(RULES)
