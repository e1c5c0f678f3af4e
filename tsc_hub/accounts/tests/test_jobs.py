"""E-mails really go through the database job queue and a worker."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tsc_hub.accounts.tasks import send_email_message

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_queued_email_is_sent_by_the_worker(settings):
    settings.TASKS = DATABASE_TASKS  # django-tasks resets its backends when TASKS changes
    result = send_email_message.using(backend="default").enqueue(
        subject="Hello", body="Body", to=["someone@example.org"]
    )
    assert DBTaskResult.objects.filter(id=result.id, status="READY").exists()
    assert mail.outbox == []
    call_command("worker", "--batch", verbosity=0)
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert [message.to for message in mail.outbox] == [["someone@example.org"]]
