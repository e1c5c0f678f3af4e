"""Importing CHM thesaurus term files: real data, merging, idempotence, all-or-nothing validation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.models import AuditEvent
from tsc_hub.vocabularies.models import Term, Vocabulary
from tsc_hub.vocabularies.services import import_chm_terms

pytestmark = pytest.mark.django_db


def _entry(identifier: str, **fields: Any) -> dict[str, Any]:
    return {"termId": None, "identifier": identifier, "title": {"en": identifier.title()}, **fields}


def _snapshot() -> tuple[int, int, int]:
    return Vocabulary.objects.count(), Term.objects.count(), AuditEvent.objects.count()


def test_the_real_targets_file_fills_23_targets_with_long_descriptions(gbf_targets_file: Path) -> None:
    report = import_chm_terms(path_or_data=gbf_targets_file, vocabulary="GBF-TARGETS")

    assert report.created == 0
    assert report.created + report.updated + report.unchanged == 23
    targets = Term.objects.in_vocabulary("GBF-TARGETS")
    assert targets.count() == 23
    chm = {entry["identifier"]: entry for entry in json.loads(gbf_targets_file.read_text("utf-8"))}
    for target in targets:
        assert target.definitions["en"] == chm[target.identifier]["longDescription"]["en"].strip()
        assert target.chm_term_id == chm[target.identifier]["termId"]


def test_importing_keeps_our_arabic_and_chinese_labels(gbf_targets_file: Path) -> None:
    before = Term.objects.get(identifier="GBF-TARGET-03")
    import_chm_terms(path_or_data=gbf_targets_file, vocabulary="GBF-TARGETS")
    after = Term.objects.get(identifier="GBF-TARGET-03")
    assert after.labels["ar"] == before.labels["ar"] == "حفظ 30 في المائة من المناطق حفظاً فعالاً"
    assert after.labels["zh"] == before.labels["zh"]
    assert set(after.labels) == {"ar", "en", "es", "fr", "ru", "zh"}
    # The CHM code in front of the title is the notation; labels do without it.
    assert after.labels["en"] == "30% of areas are effectively conserved"
    assert after.short_labels["en"] == "Conserve 30% of Land, Waters and Seas"


def test_importing_twice_creates_and_changes_nothing_the_second_time(gbf_targets_file: Path) -> None:
    import_chm_terms(path_or_data=gbf_targets_file, vocabulary="GBF-TARGETS")
    terms, events = Term.objects.count(), AuditEvent.objects.count()

    report = import_chm_terms(path_or_data=gbf_targets_file, vocabulary="GBF-TARGETS")

    assert (report.created, report.updated, report.unchanged) == (0, 0, 23)
    assert (Term.objects.count(), AuditEvent.objects.count()) == (terms, events)


def test_a_new_vocabulary_is_created_with_its_terms(gbf_targets_file: Path, person: Any) -> None:
    admin = person("platform_admin")
    report = import_chm_terms(path_or_data=gbf_targets_file, vocabulary="CHM-TARGETS", by=admin)

    assert report.vocabulary_created
    assert report.created == 23
    vocabulary = Vocabulary.objects.get(identifier="CHM-TARGETS")
    assert vocabulary.source == "CBD Clearing-House thesaurus"
    assert vocabulary.terms.get(identifier="GBF-TARGET-03").labels == {
        "en": "30% of areas are effectively conserved"
    }
    event = AuditEvent.objects.get(action="vocabularies.import_chm_terms", target_id=str(vocabulary.pk))
    assert event.actor == admin
    assert event.changes["source"] == "gbf-targets.json"
    assert len(event.changes["created"]) == 23


def test_relations_are_resolved_among_the_terms_present() -> None:
    data = [
        _entry("X-ROOT", narrowerTerms=["X-A"]),
        _entry("X-A", relatedTerms=["X-B"]),
        _entry("X-B", broaderTerms=["X-ROOT", "ELSEWHERE"]),
    ]
    report = import_chm_terms(path_or_data=data, vocabulary="X")

    terms = {term.identifier: term for term in Term.objects.in_vocabulary("X")}
    assert set(terms["X-ROOT"].narrower.values_list("identifier", flat=True)) == {"X-A", "X-B"}
    assert list(terms["X-B"].related.values_list("identifier", flat=True)) == ["X-A"]
    assert report.unresolved == ("X-B broader ELSEWHERE",)


def test_english_only_texts_merge_into_the_other_languages() -> None:
    import_chm_terms(path_or_data=[_entry("Y-1", title={"en": "One", "fr": "Un"})], vocabulary="Y")
    report = import_chm_terms(
        path_or_data=[_entry("Y-1", title={"en": "One!"}, description="Plain", termId=12)], vocabulary="Y"
    )
    term = Term.objects.get(identifier="Y-1")
    assert report.updated == 1
    assert term.labels == {"en": "One!", "fr": "Un"}
    assert term.definitions == {"en": "Plain"}
    assert term.chm_term_id == 12


def test_progress_is_reported_for_every_term() -> None:
    calls: list[tuple[int, int]] = []
    import_chm_terms(
        path_or_data=[_entry("Z-1"), _entry("Z-2")], vocabulary="Z", progress=lambda *step: calls.append(step)
    )
    assert calls == [(1, 2), (2, 2)]


def test_a_file_that_is_not_json_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "terms.json"
    path.write_text("[{'identifier': 'not json'}]", encoding="utf-8")
    before = _snapshot()
    with pytest.raises(InvalidInput, match=r"terms\.json: This is not valid JSON .*line 1, column 3"):
        import_chm_terms(path_or_data=path, vocabulary="GBF-TARGETS")
    assert _snapshot() == before


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        import_chm_terms(path_or_data=tmp_path / "absent.json", vocabulary="GBF-TARGETS")


@pytest.mark.parametrize("content", [{"terms": []}, "GBF-TARGET-01", 42, None])
def test_a_file_that_is_not_a_list_is_refused(content: Any, tmp_path: Path) -> None:
    path = tmp_path / "terms.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    before = _snapshot()
    with pytest.raises(InvalidInput, match="must be a JSON list of terms"):
        import_chm_terms(path_or_data=path, vocabulary="NEW-VOCABULARY")
    with pytest.raises(InvalidInput, match="must be a JSON list of terms"):
        import_chm_terms(path_or_data={"already": "parsed"}, vocabulary="NEW-VOCABULARY")
    assert _snapshot() == before


def test_an_empty_list_is_refused() -> None:
    with pytest.raises(InvalidInput, match="no terms"):
        import_chm_terms(path_or_data=[], vocabulary="NEW-VOCABULARY")


def test_an_entry_without_identifier_is_named_and_nothing_is_written() -> None:
    before = _snapshot()
    data = [_entry("GBF-TARGET-01", title={"en": "Changed"}), {"termId": 5, "title": {"en": "Nameless"}}]
    with pytest.raises(InvalidInput, match="entry 2: “identifier” is missing") as caught:
        import_chm_terms(path_or_data=data, vocabulary="GBF-TARGETS")
    assert caught.value.fields == {"entry 2": ["“identifier” is missing."]}
    assert _snapshot() == before
    assert Term.objects.get(identifier="GBF-TARGET-01").labels["en"] != "Changed"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("GBF-TARGET-01", "entry 1: Expected an object"),
        ({"identifier": 7}, "entry 1: “identifier” must be a text"),
        (_entry("T", title="Just text"), r"entry 1 \(T\): “title”: Expected texts keyed by language"),
        (_entry("T", title={"de": "Deutsch"}), "entry 1 \\(T\\): “title”: “de” is not one of the six"),
        (_entry("T", termId="7398"), "“termId” must be a whole number"),
        (_entry("T", broaderTerms="GBF-GOAL-A"), "“broaderTerms” must be a list of term identifiers"),
        (_entry("T", description=["a"]), "“description” must be a text"),
    ],
)
def test_entries_of_the_wrong_shape_are_named_in_the_error(entry: Any, message: str) -> None:
    before = _snapshot()
    with pytest.raises(InvalidInput, match=message):
        import_chm_terms(path_or_data=[entry], vocabulary="NEW-VOCABULARY")
    assert _snapshot() == before


def test_a_duplicated_identifier_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"entry 2 \(D-1\): “D-1” appears more than once"):
        import_chm_terms(path_or_data=[_entry("D-1"), _entry("D-1")], vocabulary="D")


def test_every_problem_is_listed_in_fields_and_the_first_ones_in_the_message() -> None:
    data = [{"title": {"en": str(number)}} for number in range(7)]
    with pytest.raises(InvalidInput, match=r"\(and 2 more problems\)") as caught:
        import_chm_terms(path_or_data=data, vocabulary="NEW-VOCABULARY")
    assert len(caught.value.fields) == 7


def test_a_blank_vocabulary_identifier_is_refused() -> None:
    with pytest.raises(InvalidInput, match="“identifier” is missing"):
        import_chm_terms(path_or_data=[_entry("A")], vocabulary="  ")


def test_a_person_without_the_permission_may_not_import() -> None:
    with pytest.raises(PermissionDenied):
        import_chm_terms(path_or_data=[_entry("A")], vocabulary="A", by=AnonymousUser())
    assert not Vocabulary.objects.filter(identifier="A").exists()
