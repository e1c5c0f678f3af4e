"""`tsc-hub vocab import-chm | load-builtin | list`."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tsc_hub.core.models import AuditEvent
from tsc_hub.vocabularies.models import Term

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("vocab", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_import_chm_prints_counts_and_is_idempotent(gbf_targets_file: Path) -> None:
    first = _run("import-chm", str(gbf_targets_file), "--vocabulary", "GBF-TARGETS")
    assert "GBF-TARGETS: created 0, updated 23, unchanged 0" in first
    terms = Term.objects.count()

    second = _run("import-chm", str(gbf_targets_file), "--vocabulary", "GBF-TARGETS")

    assert "created 0, updated 0, unchanged 23" in second
    assert Term.objects.count() == terms
    event = AuditEvent.objects.get(action="vocabularies.import_chm_terms")
    assert event.actor_label == "system"


def test_import_chm_of_a_bad_file_fails_with_a_readable_message_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"identifier": "GBF-TARGET-01"}, {"title": {"en": "no identifier"}}]', encoding="utf-8")
    terms, events = Term.objects.count(), AuditEvent.objects.count()
    with pytest.raises(CommandError, match="entry 2: “identifier” is missing"):
        _run("import-chm", str(path), "--vocabulary", "GBF-TARGETS")
    assert (Term.objects.count(), AuditEvent.objects.count()) == (terms, events)


def test_import_chm_needs_the_vocabulary_option(gbf_targets_file: Path) -> None:
    with pytest.raises(CommandError, match="--vocabulary"):
        _run("import-chm", str(gbf_targets_file))


def test_the_command_needs_an_action() -> None:
    with pytest.raises(CommandError):
        _run()


def test_load_builtin_reports_each_vocabulary() -> None:
    output = _run("load-builtin")
    assert "GBF-TARGETS: created 0, updated 0, unchanged 23" in output
    assert output.count("\n") == 8


def test_list_shows_vocabularies_with_term_counts() -> None:
    lines = {line.split()[0]: line for line in _run("list").splitlines()}
    assert " 23 terms" in lines["GBF-TARGETS"]
    assert " 53 terms" in lines["CBD-SUBJECTS"]
    assert len(lines) == 8
