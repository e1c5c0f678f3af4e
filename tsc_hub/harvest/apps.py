from django.apps import AppConfig


class HarvestConfig(AppConfig):
    """Harvesting other portals (OAI-PMH, CHM JSON) into the knowledge hub and the CHM-mapped records."""

    name = "tsc_hub.harvest"
    label = "harvest"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tsc_hub.accounts import policy
        from tsc_hub.core.periodic import register_periodic
        from tsc_hub.harvest.permissions import RULES
        from tsc_hub.harvest.services import CHECK_EVERY
        from tsc_hub.harvest.tasks import harvest_due_sources_task

        policy.register(RULES)
        register_periodic("harvest.scheduled_sources", CHECK_EVERY, harvest_due_sources_task.enqueue)
