from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The search index over the records of the apps below it; it registers their sources itself."""

    name = "tsc_hub.search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import datetime

        from tsc_hub.core.periodic import register_periodic
        from tsc_hub.search.sources import register_all
        from tsc_hub.search.tasks import rebuild_task, refresh_recent_task, refresh_vectors_task

        register_all()
        register_periodic("search.refresh", datetime.timedelta(minutes=5), refresh_recent_task.enqueue)
        register_periodic("search.rebuild", datetime.timedelta(days=1), rebuild_task.enqueue)
        register_periodic("search.vectors", datetime.timedelta(minutes=10), refresh_vectors_task.enqueue)
