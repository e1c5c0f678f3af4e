from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    """Cooperation projects, funds mobilised, outputs and ratings."""

    name = "tsc_hub.projects"
    label = "projects"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tsc_hub.accounts import policy
        from tsc_hub.projects.permissions import RULES

        policy.register(RULES)

        from tsc_hub.matching.engine_records import register_rating_source
        from tsc_hub.projects.querysets import provider_ratings

        register_rating_source(provider_ratings)
