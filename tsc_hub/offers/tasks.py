"""Background jobs of offers."""

from __future__ import annotations

from django_tasks import task

from tsc_hub.offers import services


@task()
def expire_due_offers_task() -> int:
    """Expire the published offers whose application deadline has passed (scheduled every hour)."""
    return services.expire_due_offers()
