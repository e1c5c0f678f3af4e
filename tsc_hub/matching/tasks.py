"""Background jobs of matching."""

from django_tasks import task

from tsc_hub.matching.alerts import announce_new_requests


@task()
def announce_new_requests_task() -> int:
    """Tell saved searches about newly published requests (scheduled every 15 minutes)."""
    return announce_new_requests()
