from django.apps import AppConfig


class MatchingConfig(AppConfig):
    """Matches between requests and providers: the funnel from suggestion to agreement."""

    name = "tsc_hub.matching"
    label = "matching"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tsc_hub.assistance.querysets import register_visibility
        from tsc_hub.matching.services import requests_matched_to_providers

        register_visibility(requests_matched_to_providers)

        import datetime

        from tsc_hub.core.periodic import register_periodic
        from tsc_hub.matching.tasks import announce_new_requests_task

        register_periodic(
            "matching.saved_searches", datetime.timedelta(minutes=15), announce_new_requests_task.enqueue
        )

        from tsc_hub.accounts import policy
        from tsc_hub.matching.permissions import RULES
        from tsc_hub.matching.tasks import refresh_embeddings_task, store_engine_suggestions_task

        policy.register(RULES)
        register_periodic(
            "matching.embeddings", datetime.timedelta(minutes=5), refresh_embeddings_task.enqueue
        )
        register_periodic(
            "matching.engine_suggestions", datetime.timedelta(days=1), store_engine_suggestions_task.enqueue
        )
