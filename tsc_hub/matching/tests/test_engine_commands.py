"""`tsc-hub match embed|suggest|train|assign|evaluate`: what they print and how they fail."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("match", *args, stdout=out, stderr=io.StringIO(), verbosity=0)
    return out.getvalue()


def test_embed_suggest_and_assign_on_the_database(world: dict[str, Any]) -> None:
    assert "embedded 3 records with char-ngram" in _run("embed")
    assert "embedded 0 records" in _run("embed")
    assert "stored 2 suggestions" in _run("suggest", "--min-score", "0")
    assigned = _run("assign")
    assert "assigned 1 of 1 requests" in assigned
    assert "cost of fairness" in assigned


def test_train_says_why_it_cannot_learn_yet(world: dict[str, Any]) -> None:
    with pytest.raises(CommandError, match="Not enough decided suggestions"):
        _run("train")


def test_assign_refuses_bad_input(world: dict[str, Any]) -> None:
    with pytest.raises(CommandError, match=r"minimum share per regional group must be between 0 and 0\.2"):
        _run("assign", "--min-share", "0.9")


def test_evaluate_runs_without_a_database(capsys: pytest.CaptureFixture[str]) -> None:
    _run("evaluate", "--embedder", "tfidf")
    printed = capsys.readouterr().out
    assert "ndcg10_overall" in printed
    assert "hard_negatives_top10_coverage 0 count" in printed
