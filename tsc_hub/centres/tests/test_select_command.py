"""`tsc-hub centres select`: the JSON output, the defaults, the summary, and errors as messages."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SPEC_KEYS = {"selected", "covered", "overlap", "total_score", "uncovered"}


def run(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("centres", "select", *args, stdout=out, stderr=err)
    return out.getvalue()


def write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "candidates.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def one_per_subregion(count: int, *, score: float = 50.0) -> dict:
    """`count` candidates, each alone in its subregion and serving its own Party, plus one unserved Party."""
    parties = [f"p{n:02d}" for n in range(count + 1)]
    return {
        "parties": parties,
        "subregions": {f"r{n:02d}": [parties[n]] for n in range(count)},
        "candidates": [
            {"id": f"C{n:02d}", "subregion": f"r{n:02d}", "score": score + n / 1000, "serves": [parties[n]]}
            for n in range(count)
        ],
    }


def test_json_output_has_exactly_the_specified_keys(tmp_path):
    out = run("--input", write(tmp_path, one_per_subregion(3)), "--min-centres", "2", "--json")
    assert len(out.strip().splitlines()) == 1
    payload = json.loads(out)
    assert set(payload) == SPEC_KEYS
    assert payload == {
        "selected": ["C00", "C01", "C02"],
        "covered": 3,
        "overlap": 0,
        "total_score": 150.003,
        "uncovered": ["p03"],
    }


def test_the_defaults_ask_for_fifteen_centres_one_per_subregion_scoring_at_least_zero(tmp_path):
    data = one_per_subregion(15)
    data["candidates"][0]["score"] = -1.0  # below the default minimum score
    with pytest.raises(CommandError, match=r"Only 14 candidates score at least 0; 15 centres are required"):
        run("--input", write(tmp_path, data), "--json")
    data["candidates"][0]["score"] = 0.0  # the minimum score is inclusive
    assert len(json.loads(run("--input", write(tmp_path, data), "--json"))["selected"]) == 15
    data["candidates"].append({"id": "C99", "subregion": "r00", "score": 99.0, "serves": ["p15"]})
    payload = json.loads(run("--input", write(tmp_path, data), "--json"))
    # C99 and C00 share subregion r00, so only one of them (C99, which scores more) can be a host.
    assert len(payload["selected"]) == 15
    assert ("C99" in payload["selected"], "C00" in payload["selected"]) == (True, False)
    assert (payload["covered"], payload["uncovered"]) == (15, ["p00"])


def test_options_change_the_request(tmp_path):
    data = one_per_subregion(4)
    data["candidates"].append({"id": "C99", "subregion": "r00", "score": 99.0, "serves": ["p04"]})
    path = write(tmp_path, data)
    payload = json.loads(
        run("--input", path, "--min-centres", "5", "--max-per-subregion", "2", "--min-score", "10", "--json")
    )
    assert (payload["covered"], payload["uncovered"]) == (5, [])
    with pytest.raises(CommandError, match="Only 1 candidates score at least 60"):
        run("--input", path, "--min-centres", "2", "--min-score", "60")


def test_without_json_a_short_summary_is_printed(tmp_path):
    lines = run("--input", write(tmp_path, one_per_subregion(2)), "--min-centres", "1").splitlines()
    assert lines[:3] == [
        "Selected 2 centres: C00, C01",
        "Parties covered: 2; overlap: 0; total score: 100.001",
        "Uncovered (1): p02",
    ]
    assert lines[3].startswith("Solved in ")


def test_an_impossible_k_is_an_error_not_a_partial_answer(tmp_path):
    data = one_per_subregion(3)
    data["candidates"][2]["subregion"] = "r00"
    path = write(tmp_path, data)
    with pytest.raises(CommandError, match="At most 2 centres can be chosen with at most 1 per subregion"):
        run("--input", path, "--min-centres", "3", "--json")
    with pytest.raises(CommandError, match="Only 3 candidates score at least 0; 4 centres are required"):
        run("--input", path, "--min-centres", "4", "--json")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"parties": [', "The input is not valid JSON"),
        ({"parties": [], "subregions": {}}, 'The input has no "candidates" key.'),
        ({"parties": [], "subregions": {}, "candidates": []}, "The input lists no candidates."),
    ],
)
def test_malformed_input_is_an_error_with_its_message(tmp_path, content, message):
    with pytest.raises(CommandError, match=message):
        run("--input", write(tmp_path, content), "--json")


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run("--input", str(tmp_path / "absent.json"))


def test_the_console_script_exits_non_zero_with_the_message_on_stderr(tmp_path):
    script = Path(sys.executable).with_name("tsc-hub")
    if not script.exists():
        pytest.skip("the tsc-hub console script is not installed beside this Python")
    path = write(tmp_path, one_per_subregion(3))
    env = {**os.environ, "TSC_HUB_SETTINGS": "config.settings.test", "DJANGO_SETTINGS_MODULE": ""}
    env.pop("DJANGO_SETTINGS_MODULE")
    failed = subprocess.run(
        [script, "centres", "select", "--input", path, "--json"], capture_output=True, text=True, env=env
    )
    assert failed.returncode != 0
    assert failed.stdout == ""
    assert "Only 3 candidates score at least 0; 15 centres are required." in failed.stderr
    assert "Traceback" not in failed.stderr
    done = subprocess.run(
        [script, "centres", "select", "--input", path, "--min-centres", "3", "--json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert set(json.loads(done.stdout)) == SPEC_KEYS
