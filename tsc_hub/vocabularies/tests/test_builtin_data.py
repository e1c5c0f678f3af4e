"""The vocabularies tsc-hub ships: complete in six languages, faithful to the CHM identifiers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.vocabularies.builtin import builtin_files, read_builtin_vocabularies

BIOMES = [
    "CBD-SUBJECT-AGR",
    "CBD-SUBJECT-DSHL",
    "CBD-SUBJECT-FOR",
    "CBD-SUBJECT-WTR",
    "CBD-SUBJECT-ISL",
    "CBD-SUBJECT-MAR",
    "CBD-SUBJECT-MNT",
    "CBD-SUBJECT-PLR",
]


def _raw(identifier: str) -> dict[str, Any]:
    for path in builtin_files():
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if data["identifier"] == identifier:
            return data
    raise AssertionError(f"no data file for {identifier}")


def _terms(identifier: str) -> dict[str, dict[str, Any]]:
    return {term["identifier"]: term for term in _raw(identifier)["terms"]}


def _six(texts: dict[str, str]) -> bool:
    return set(texts) == set(UN_LANGUAGES) and all(text.strip() for text in texts.values())


def test_every_file_reads_without_problems() -> None:
    vocabularies = read_builtin_vocabularies()
    assert {data.identifier for data in vocabularies} == {
        "GBF-GOALS",
        "GBF-TARGETS",
        "CBD-SUBJECTS",
        "ORGANIZATION-TYPES",
        "JURISDICTIONS",
        "UN-LANGUAGES",
        "ASSISTANCE-TYPES",
        "BENEFICIARY-TYPES",
    }


@pytest.mark.parametrize("path", builtin_files(), ids=lambda path: Path(path).stem)
def test_every_vocabulary_and_term_has_six_non_empty_labels(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert _six(data["labels"]), data["identifier"]
    assert _six(data["descriptions"]), data["identifier"]
    missing = [term["identifier"] for term in data["terms"] if not _six(term["labels"])]
    assert missing == []


@pytest.mark.parametrize(
    ("identifier", "count"),
    [
        ("GBF-GOALS", 4),
        ("GBF-TARGETS", 23),
        ("ORGANIZATION-TYPES", 9),
        ("JURISDICTIONS", 3),
        ("UN-LANGUAGES", 6),
        ("CBD-SUBJECTS", 53),
        ("ASSISTANCE-TYPES", 12),
        ("BENEFICIARY-TYPES", 7),
    ],
)
def test_each_vocabulary_has_its_number_of_terms(identifier: str, count: int) -> None:
    assert len(_raw(identifier)["terms"]) == count


def test_goals_have_letters_chm_ids_short_labels_and_definitions() -> None:
    goals = _terms("GBF-GOALS")
    assert list(goals) == [f"GBF-GOAL-{letter}" for letter in "ABCD"]
    assert [goal["notation"] for goal in goals.values()] == ["A", "B", "C", "D"]
    assert [goal["chm_term_id"] for goal in goals.values()] == [7394, 7395, 7396, 7397]
    assert goals["GBF-GOAL-A"]["short_labels"]["en"] == "Biodiversity is conserved"
    assert all(_six(goal["short_labels"]) for goal in goals.values())
    assert all(goal["definitions"]["en"] for goal in goals.values())


def test_targets_are_numbered_with_chm_ids_short_labels_and_definitions() -> None:
    targets = _terms("GBF-TARGETS")
    assert list(targets) == [f"GBF-TARGET-{number:02d}" for number in range(1, 24)]
    assert [target["notation"] for target in targets.values()] == [f"T{n:02d}" for n in range(1, 24)]
    assert [target["chm_term_id"] for target in targets.values()] == list(range(7398, 7421))
    assert all(_six(target["short_labels"]) for target in targets.values())
    assert "technical and scientific cooperation" in targets["GBF-TARGET-20"]["definitions"]["en"]
    # The GBF does not attach targets to goals.
    assert all(target["broader"] == [] for target in targets.values())


def test_biomes_group_exactly_the_eight_biome_subjects() -> None:
    subjects = _terms("CBD-SUBJECTS")
    assert subjects["CBD-SUBJECT-BIOMES"]["broader"] == []
    under_biomes = [key for key, term in subjects.items() if "CBD-SUBJECT-BIOMES" in term["broader"]]
    assert under_biomes == BIOMES


def test_cross_cutting_is_a_top_concept_over_the_cross_cutting_issues() -> None:
    subjects = _terms("CBD-SUBJECTS")
    assert subjects["CBD-SUBJECT-CROSS-CUTTING"]["broader"] == []
    under = {key for key, term in subjects.items() if "CBD-SUBJECT-CROSS-CUTTING" in term["broader"]}
    assert {"CBD-SUBJECT-ABS", "CBD-SUBJECT-CC", "CBD-SUBJECT-IAS", "CBD-SUBJECT-PA"} <= under
    assert under.isdisjoint(BIOMES)


def test_un_languages_are_the_six_content_languages() -> None:
    languages = _terms("UN-LANGUAGES")
    assert [term["notation"] for term in languages.values()] == list(UN_LANGUAGES)
    assert languages["lang-zh"]["labels"]["zh"] == "中文"
    assert languages["lang-ar"]["labels"]["ar"] == "العربية"


def test_tsc_hub_vocabularies_define_every_term_in_english() -> None:
    for identifier in ("ASSISTANCE-TYPES", "BENEFICIARY-TYPES"):
        terms = _terms(identifier)
        assert all(term["definitions"]["en"] for term in terms.values()), identifier
    assert "TSC-ASSIST-TRAINING" in _terms("ASSISTANCE-TYPES")


def test_chm_identifiers_are_those_of_the_clearing_house(chm_data: Path) -> None:
    thesaurus = json.loads((chm_data / "thesaurus-identifiers.json").read_text(encoding="utf-8"))
    for identifier, domain in (
        ("CBD-SUBJECTS", "cbd_subjects"),
        ("ORGANIZATION-TYPES", "organization_types"),
        ("JURISDICTIONS", "jurisdictions"),
    ):
        terms = _terms(identifier)
        assert set(terms) == set(thesaurus[domain]), identifier
        assert all(terms[key]["labels"]["en"] == label for key, label in thesaurus[domain].items())
    biomes = thesaurus["cbd_subject_hierarchy"]["CBD-SUBJECT-BIOMES"]
    assert biomes == BIOMES


def test_goals_and_targets_match_the_chm_term_ids(chm_data: Path) -> None:
    for identifier, name in (("GBF-GOALS", "gbf-goals.json"), ("GBF-TARGETS", "gbf-targets.json")):
        chm = {
            entry["identifier"]: entry["termId"] for entry in json.loads((chm_data / name).read_text("utf-8"))
        }
        ours = {key: term["chm_term_id"] for key, term in _terms(identifier).items()}
        assert ours == chm
