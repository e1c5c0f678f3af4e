"""`tsc-hub geography load` and the service behind it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from tsc_hub.core.exceptions import PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.geography.services import load_reference_data_service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def test_load_prints_counts_and_records_a_system_audit_event() -> None:
    out = StringIO()
    call_command("geography", "load", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "Parties: 196" in text
    assert "Regions: 45" in text
    event = AuditEvent.objects.get(action="geography.load_reference_data")
    assert event.actor is None
    assert event.actor_label == "system"
    assert event.target_type == "geography.region"
    assert event.changes["parties"] == 196


def test_load_needs_a_subcommand() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("geography", stdout=StringIO(), stderr=StringIO())


def test_a_person_without_the_permission_may_not_reload() -> None:
    with pytest.raises(PermissionDenied):
        load_reference_data_service(by=AnonymousUser())
    assert not AuditEvent.objects.filter(action="geography.load_reference_data").exists()
