"""Scoring rankings, the report's lines, and the command line on a small set."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tsc_hub.matching.evaluation.__main__ import main
from tsc_hub.matching.evaluation.dataset import EvaluationSet, load_set
from tsc_hub.matching.evaluation.report import (
    CROSS_LANGUAGE,
    OVERALL,
    evaluate,
    format_report,
    run_bm25,
    run_engine,
)
from tsc_hub.matching.tests.evaluation import factories


def _metric_lines(text: str) -> dict[str, str]:
    """name -> value of the report's `name value unit` lines."""
    parts = [line.split(" ") for line in text.splitlines()]
    return {part[0]: part[1] for part in parts if len(part) == 3 and part[2] in {"ratio", "count", "bool"}}


@pytest.fixture
def small_set(tmp_path: Path) -> EvaluationSet:
    factories.write(tmp_path / "data", "01-mangroves.json", factories.topic())
    return load_set(tmp_path / "data")


def test_groups_count_hard_negatives_and_breaches(small_set: EvaluationSet) -> None:
    ranked = {"EVAL-01-R1": ["EVAL-01-I03", "EVAL-01-I01", "EVAL-01-I05", "EVAL-01-I02", "EVAL-01-I04"]}
    report = evaluate(ranked, small_set)
    overall = report.group(OVERALL)
    assert overall.requests == 1
    assert overall.recall == 1
    assert overall.hard_negatives == {"coverage": 1, "deadline": 1, "lexical": 1}
    assert report.breaches == {"outside_coverage": 1, "deadline_passed": 1}
    assert report.group("en").requests == 1
    assert report.group("fr").requests == 0
    # Cross-language: only the French profile (grade 2) counts, found at rank 4.
    assert report.group(CROSS_LANGUAGE).ndcg == pytest.approx(1 / math.log2(5))
    assert report.group(CROSS_LANGUAGE).hard_negatives == {"coverage": 0, "deadline": 0, "lexical": 0}


def test_a_request_left_out_of_the_ranking_scores_zero(small_set: EvaluationSet) -> None:
    report = evaluate({}, small_set)
    assert report.group(OVERALL).ndcg == 0
    assert report.group(OVERALL).recall == 0


def test_the_engine_keeps_excluded_items_out_and_bm25_does_not(small_set: EvaluationSet) -> None:
    engine = evaluate(run_engine(small_set, "tfidf"), small_set)
    bm25 = evaluate(run_bm25(small_set), small_set)
    assert engine.breaches == {"outside_coverage": 0, "deadline_passed": 0}
    assert bm25.breaches["outside_coverage"] == 1
    lines = _metric_lines(format_report(engine, bm25, "tfidf"))
    assert lines["requests"] == "1"
    assert lines["hard_negatives_top10_coverage"] == "0"
    assert lines["hard_negatives_top10_bm25_coverage"] == "1"
    assert {"ndcg10_overall", "ndcg10_bm25_overall", "ndcg10_gain_over_bm25", "recall10_zh"} <= set(lines)
    assert float(lines["ndcg10_gain_over_bm25"]) == pytest.approx(
        float(lines["ndcg10_overall"]) - float(lines["ndcg10_bm25_overall"]), abs=2e-4
    )


def test_main_reports_exports_and_fails_without_topics(
    small_set: EvaluationSet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data", str(tmp_path / "data"), "--embedder", "tfidf", "--per-request"]) == 0
    out = capsys.readouterr().out
    assert "ndcg10_overall " in out
    assert "EVAL-01-R1" in out

    assert main(["--data", str(tmp_path / "data"), "--export", str(tmp_path / "out")]) == 0
    assert (
        json.loads((tmp_path / "out" / "requests.jsonl").read_text("utf-8"))["header"]["identifier"]
        == "EVAL-01-R1"
    )

    assert main(["--data", str(tmp_path / "empty"), "--embedder", "tfidf"]) == 2
    assert "no topic file" in capsys.readouterr().err


def test_main_reports_a_bad_topic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = factories.topic()
    content["labels"]["EVAL-01-R1"]["EVAL-01-I42"] = 3
    factories.write(tmp_path, "01-x.json", content)
    assert main(["--data", str(tmp_path), "--embedder", "tfidf"]) == 1
    assert "01-x.json" in capsys.readouterr().err


def test_main_scores_a_ranking_file_like_the_rank_command_writes(
    small_set: EvaluationSet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ranking = tmp_path / "ranked.jsonl"
    ranking.write_text(json.dumps({"request": "EVAL-01-R1", "ranked": ["EVAL-01-I01", "EVAL-01-I02"]}) + "\n")
    assert main(["--data", str(tmp_path / "data"), "--ranked", str(ranking)]) == 0
    assert _metric_lines(capsys.readouterr().out)["ndcg10_overall"] == "1.0000"

    ranking.write_text("{not json\n")
    assert main(["--data", str(tmp_path / "data"), "--ranked", str(ranking)]) == 1
    assert "cannot read the ranking" in capsys.readouterr().err
