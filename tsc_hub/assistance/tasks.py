"""Background jobs of the assistance app."""

from django_tasks import task

from tsc_hub.assistance.services import flag_overdue_requests


@task()
def flag_overdue_requests_task() -> int:
    """Tell holders about requests that overstayed their stage (scheduled hourly)."""
    return flag_overdue_requests()
