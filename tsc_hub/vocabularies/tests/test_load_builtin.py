"""The built-in vocabularies in the database: loaded by the migration, reloaded by the service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from tsc_hub.core.exceptions import PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.vocabularies.models import Term, Vocabulary
from tsc_hub.vocabularies.services import load_builtin_vocabularies

pytestmark = pytest.mark.django_db


def test_the_migration_loaded_every_vocabulary() -> None:
    counts = {
        vocabulary.identifier: vocabulary.term_count for vocabulary in Vocabulary.objects.with_term_count()
    }
    assert counts["GBF-GOALS"] == 4
    assert counts["GBF-TARGETS"] == 23
    assert counts["ORGANIZATION-TYPES"] == 9
    assert counts["JURISDICTIONS"] == 3
    assert counts["UN-LANGUAGES"] == 6
    assert counts["CBD-SUBJECTS"] == 53


def test_the_biomes_hierarchy_is_in_the_database() -> None:
    biomes = Term.objects.get(vocabulary__identifier="CBD-SUBJECTS", identifier="CBD-SUBJECT-BIOMES")
    assert set(biomes.narrower.values_list("identifier", flat=True)) == {
        "CBD-SUBJECT-AGR",
        "CBD-SUBJECT-DSHL",
        "CBD-SUBJECT-FOR",
        "CBD-SUBJECT-WTR",
        "CBD-SUBJECT-ISL",
        "CBD-SUBJECT-MAR",
        "CBD-SUBJECT-MNT",
        "CBD-SUBJECT-PLR",
    }
    assert not biomes.broader.exists()
    forest = Term.objects.get(identifier="CBD-SUBJECT-FOR")
    assert list(forest.broader.values_list("identifier", flat=True)) == ["CBD-SUBJECT-BIOMES"]


def test_terms_keep_the_order_of_the_file() -> None:
    goals = Term.objects.in_vocabulary("GBF-GOALS").order_by("position")
    assert [goal.notation for goal in goals] == ["A", "B", "C", "D"]


def test_loading_again_changes_nothing_and_records_nothing() -> None:
    terms_before = Term.objects.count()
    reports = load_builtin_vocabularies()
    assert Term.objects.count() == terms_before
    assert Vocabulary.objects.count() == 8
    assert all(report.created == report.updated == 0 for report in reports)
    assert sum(report.unchanged for report in reports) == terms_before
    assert not AuditEvent.objects.filter(action="vocabularies.load_builtin").exists()


def test_loading_restores_edited_labels_and_relations_and_keeps_extra_languages() -> None:
    forest = Term.objects.get(identifier="CBD-SUBJECT-FOR")
    forest.labels = {**forest.labels, "fr": "changed"}
    forest.save()
    forest.broader.clear()
    Term.objects.filter(identifier="GBF-TARGET-23").delete()

    reports = {report.vocabulary: report for report in load_builtin_vocabularies()}

    assert (reports["CBD-SUBJECTS"].updated, reports["GBF-TARGETS"].created) == (1, 1)
    forest.refresh_from_db()
    assert forest.labels["fr"] == "Diversité biologique des forêts"
    assert list(forest.broader.values_list("identifier", flat=True)) == ["CBD-SUBJECT-BIOMES"]
    assert Term.objects.filter(identifier="GBF-TARGET-23").count() == 1
    event = AuditEvent.objects.get(action="vocabularies.load_builtin", target_id=str(forest.vocabulary_id))
    assert event.actor_label == "system"
    assert event.changes["updated"] == {"CBD-SUBJECT-FOR": ["labels", "broader"]}


def test_reports_progress_across_all_vocabularies() -> None:
    calls: list[tuple[int, int]] = []
    load_builtin_vocabularies(progress=lambda done, total: calls.append((done, total)))
    total = Term.objects.count()
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == list(range(1, total + 1))


def test_a_person_without_the_permission_may_not_load() -> None:
    with pytest.raises(PermissionDenied):
        load_builtin_vocabularies(by=AnonymousUser())


def test_a_platform_administrator_may_load(person: Callable[..., Any]) -> None:
    admin = person("platform_admin")
    assert len(load_builtin_vocabularies(by=admin)) == 8
