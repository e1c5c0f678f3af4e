"""The evaluation set: the invariants of the real topic files, loading errors, and the JSON-lines export."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tsc_hub.matching.engine.records import parse_item, parse_request
from tsc_hub.matching.evaluation.dataset import (
    AS_OF,
    HARD_NEGATIVE_KINDS,
    LANGUAGES,
    RELEVANT_FROM,
    DatasetError,
    EvaluationSet,
    export_jsonl,
    load_set,
    region_resolver,
)
from tsc_hub.matching.tests.evaluation import factories


@pytest.fixture(scope="module")
def real_set() -> EvaluationSet:
    return load_set()


def _relevant(evaluation_set: EvaluationSet, request_id: str) -> list[str]:
    grades = evaluation_set.grades(request_id)
    return [item_id for item_id, grade in grades.items() if grade >= RELEVANT_FROM]


def _hard_pairs(evaluation_set: EvaluationSet, kind: str) -> list[tuple[str, str]]:
    return [
        (request_id, item_id)
        for request_id, kinds in evaluation_set.hard_negatives.items()
        for item_id, found in kinds.items()
        if found == kind
    ]


# --- The real set ---------------------------------------------------------------------------------


def test_size_and_languages(real_set: EvaluationSet) -> None:
    assert len(real_set.requests) >= 30
    assert len(real_set.items) >= 150
    request_languages = Counter(real_set.languages[request.id] for request in real_set.requests)
    assert all(request_languages[language] >= 5 for language in LANGUAGES), request_languages
    item_languages = {real_set.languages[item.id] for item in real_set.items}
    assert set(LANGUAGES) <= item_languages


def test_every_request_has_relevant_items_in_another_language(real_set: EvaluationSet) -> None:
    for request in real_set.requests:
        relevant = _relevant(real_set, request.id)
        assert len(relevant) >= 2, request.id
        assert any(real_set.is_cross_language(request.id, item_id) for item_id in relevant), request.id


def test_relevant_items_cover_the_country_and_are_open(real_set: EvaluationSet) -> None:
    for request in real_set.requests:
        for item_id in _relevant(real_set, request.id):
            item = real_set.item(item_id)
            assert request.country in item.coverage_countries, (request.id, item_id)
            assert item.deadline is None or item.deadline >= AS_OF, (request.id, item_id)


@pytest.mark.parametrize("kind", HARD_NEGATIVE_KINDS)
def test_at_least_twenty_hard_negatives_of_each_kind(real_set: EvaluationSet, kind: str) -> None:
    assert len(_hard_pairs(real_set, kind)) >= 20


def test_coverage_negatives_exclude_the_country_after_region_resolution(real_set: EvaluationSet) -> None:
    for request_id, item_id in _hard_pairs(real_set, "coverage"):
        assert real_set.request(request_id).country not in real_set.item(item_id).coverage_countries, item_id


def test_deadline_negatives_closed_before_the_evaluation_date(real_set: EvaluationSet) -> None:
    for _, item_id in _hard_pairs(real_set, "deadline"):
        deadline = real_set.item(item_id).deadline
        assert deadline is not None, item_id
        assert deadline < AS_OF, item_id


def test_export_round_trip(real_set: EvaluationSet, tmp_path: Path) -> None:
    paths = export_jsonl(real_set, tmp_path)
    resolver = region_resolver()
    requests = [
        parse_request(json.loads(line)) for line in paths["requests.jsonl"].read_text("utf-8").splitlines()
    ]
    lines = paths["items.jsonl"].read_text("utf-8").splitlines()
    items = [parse_item(json.loads(line), resolver) for line in lines]
    assert requests == list(real_set.requests)
    assert items == list(real_set.items)
    qrels = json.loads(paths["qrels.json"].read_text("utf-8"))
    assert qrels["as_of"] == AS_OF.isoformat()
    assert qrels["labels"] == real_set.labels
    assert qrels["hard_negatives"] == real_set.hard_negatives


# --- Loading --------------------------------------------------------------------------------------


def test_loads_topics_in_file_order_with_hard_negatives_as_zero(tmp_path: Path) -> None:
    factories.write(tmp_path, "02-b.json", factories.topic("02"))
    factories.write(tmp_path, "01-a.json", factories.topic("01"))
    loaded = load_set(tmp_path)
    assert [request.id for request in loaded.requests] == ["EVAL-01-R1", "EVAL-02-R1"]
    assert loaded.grades("EVAL-01-R1") == {
        "EVAL-01-I01": 3,
        "EVAL-01-I02": 2,
        "EVAL-01-I03": 0,
        "EVAL-01-I04": 0,
        "EVAL-01-I05": 0,
    }
    assert loaded.languages["EVAL-01-I02"] == "fr"
    assert loaded.sources["EVAL-02-I01"] == "02-b.json"
    # The region term of the French profile resolves to the East African countries.
    assert "ke" in loaded.item("EVAL-01-I02").coverage_countries
    assert loaded.is_cross_language("EVAL-01-R1", "EVAL-01-I02")
    assert not loaded.is_cross_language("EVAL-01-R1", "EVAL-01-I01")


def test_an_empty_directory_is_an_empty_set(tmp_path: Path) -> None:
    assert load_set(tmp_path).requests == ()


def _broken(change: Any) -> dict[str, Any]:
    content = factories.topic()
    change(content)
    return content


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda t: t["requests"][0].pop("country"),
            r"01-x\.json: requests\[0\] \(EVAL-01-R1\): country: missing",
        ),
        (lambda t: t["items"][1].pop("coverageAreas"), r"items\[1\] \(EVAL-01-I02\): coverageAreas: missing"),
        (
            lambda t: t["items"][0]["header"].pop("languages"),
            r"items\[0\] \(EVAL-01-I01\): header\.languages",
        ),
        (lambda t: t["labels"]["EVAL-01-R1"].update({"EVAL-01-I99": 1}), r"unknown item 'EVAL-01-I99'"),
        (lambda t: t["labels"].update({"EVAL-09-R1": {}}), r"labels: unknown request 'EVAL-09-R1'"),
        (lambda t: t["labels"]["EVAL-01-R1"].update({"EVAL-01-I01": 4}), r"\[EVAL-01-I01\]: grade must be"),
        (
            lambda t: t["hard_negatives"]["EVAL-01-R1"].update({"EVAL-01-I05": "topic"}),
            r"kind must be one of",
        ),
        (lambda t: t["labels"]["EVAL-01-R1"].update({"EVAL-01-I03": 2}), r"I03\]: labelled grade 2"),
        (lambda t: t.pop("items"), r"01-x\.json: 'items' must be a list"),
    ],
)
def test_a_bad_topic_names_file_and_record(tmp_path: Path, change: Any, message: str) -> None:
    factories.write(tmp_path, "01-x.json", _broken(change))
    with pytest.raises(DatasetError, match=message):
        load_set(tmp_path)


def test_an_id_used_twice_names_both_files(tmp_path: Path) -> None:
    factories.write(tmp_path, "01-a.json", factories.topic("01"))
    factories.write(tmp_path, "02-b.json", factories.topic("01"))
    with pytest.raises(
        DatasetError, match=r"02-b\.json: requests\[0\] \(EVAL-01-R1\): id already used in 01-a"
    ):
        load_set(tmp_path)


def test_invalid_json_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "03-bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"03-bad\.json: cannot read"):
        load_set(tmp_path)
