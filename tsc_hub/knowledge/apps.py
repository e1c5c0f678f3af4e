from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    """The knowledge hub: clearing-house resources (technologies, case studies, training, funding...)."""

    name = "tsc_hub.knowledge"
    label = "knowledge"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tsc_hub.accounts import policy
        from tsc_hub.knowledge.permissions import RULES

        policy.register(RULES)
