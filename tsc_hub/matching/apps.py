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
