"""`tsc-hub match rank` end to end on small files."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tsc_hub.matching.tests.engine import factories

EAST_AFRICA = "0938DB0F-E4BB-464F-ABBB-ADD615BE5371"  # from geography/data/regions.json; Kenya is in it


def _write(path: Path, lines: list[Any]) -> Path:
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


def _run(requests: Path, items: Path, *extra: str) -> tuple[list[dict[str, Any]], str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "match", "rank", "--requests", str(requests), "--items", str(items),
        "--as-of", "2026-06-01", *extra, stdout=out, stderr=err,
    )  # fmt: skip
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_ranks_each_request_and_reports_bad_lines(tmp_path: Path) -> None:
    requests = _write(
        tmp_path / "requests.jsonl",
        [
            factories.request("REQ-KE"),
            "{not json",
            {k: v for k, v in factories.request("REQ-NO-COUNTRY").items() if k != "country"},
            factories.request("REQ-LA", country="la"),
        ],
    )
    items = _write(
        tmp_path / "items.jsonl",
        [
            factories.offer("OFF-KE"),
            factories.profile("PRO-EAST-AFRICA", areas=(EAST_AFRICA,)),
            factories.offer("OFF-CLOSED", applicationDeadline="2026-01-01"),
            factories.profile("PRO-NO-AREAS", coverageAreas=[]),
            factories.offer("OFF-UNRELATED", title={"en": "Tax"}, description={"en": "Accounting."}),
        ],
    )
    results, errors = _run(requests, items, "--top", "2", "--embedder", "tfidf")

    assert [result["request"] for result in results] == ["REQ-KE", "REQ-LA"]
    kenya = results[0]
    assert kenya["ranked"] == ["OFF-KE", "PRO-EAST-AFRICA"]
    assert len(kenya["scores"]) == 2
    assert kenya["scores"][0] >= kenya["scores"][1]
    assert {reason["signal"] for reason in kenya["reasons"][0]} >= {"semantic", "language"}
    assert results[1]["ranked"] == []  # nothing covers Lao PDR

    assert f"{requests}:2: (json): invalid JSON" in errors
    assert f"{requests}:3: country: missing required field" in errors
    assert f"{items}:4: coverageAreas: missing required field" in errors


def test_default_embedder_runs_end_to_end(tmp_path: Path) -> None:
    requests = _write(tmp_path / "r.jsonl", [factories.request()])
    items = _write(tmp_path / "i.jsonl", [factories.offer(), factories.profile()])
    results, _ = _run(requests, items, "--top", "5")
    assert sorted(results[0]["ranked"]) == ["OFF-1", "PRO-1"]


def test_an_unreadable_file_exits_with_1(tmp_path: Path) -> None:
    items = _write(tmp_path / "i.jsonl", [factories.offer()])
    with pytest.raises(CommandError, match=r"missing\.jsonl: cannot read") as caught:
        _run(tmp_path / "missing.jsonl", items)
    assert caught.value.returncode == 1
