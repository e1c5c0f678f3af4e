from django.apps import AppConfig


class OffersConfig(AppConfig):
    """Provider profiles and cooperation offers (opportunities)."""

    name = "tsc_hub.offers"
    label = "offers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import datetime

        from tsc_hub.accounts import policy
        from tsc_hub.core.periodic import register_periodic
        from tsc_hub.offers.permissions import RULES
        from tsc_hub.offers.tasks import expire_due_offers_task

        policy.register(RULES)
        register_periodic("offers.expire_due", datetime.timedelta(hours=1), expire_due_offers_task.enqueue)
