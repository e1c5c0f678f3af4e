"""Time the proposal exports (PDF with WeasyPrint, DOCX with python-docx) for an Arabic/Chinese proposal.

Run: .venv/bin/python bench/proposal_exports.py   — prints `name value unit` lines.
"""

from __future__ import annotations

import datetime
import os
import statistics
import time
from types import SimpleNamespace

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from tsc_hub.proposals.exports import render_docx, render_pdf  # noqa: E402


def _proposal() -> SimpleNamespace:
    return SimpleNamespace(
        title="تدريب على رصد الطيور المهاجرة — 湿地生态系统恢复技术培训",
        language="ar",
        version=3,
        updated_at=datetime.datetime(2026, 11, 22, tzinfo=datetime.UTC),
        problem="لا تتوفر لدينا بيانات منتظمة عن أعداد الطيور المهاجرة. " * 12,
        objectives="高原湿地退化严重，缺乏恢复技术人员。" * 10,
        partners=[
            {"name": "RSCN", "country": "jo", "role": "requester"},
            {"name": "KIB", "country": "cn", "role": "provider"},
        ],
        activities=[{"title": f"نشاط {n}", "milestone": f"2027-0{n}-01"} for n in range(1, 9)],
        indicators=[{"name": f"T0{n}", "target": str(n * 10)} for n in range(1, 5)],
        budget=[{"item": f"item {n}", "amount": str(n * 1000), "currency": "USD"} for n in range(1, 6)],
    )


def _timed(render: object, runs: int) -> list[float]:
    proposal = _proposal()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render(proposal, "ar")  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    pdf = _timed(render_pdf, 6)
    docx = _timed(render_docx, 20)
    print(f"proposal_pdf_first {pdf[0]:.3f} s")
    print(f"proposal_pdf_median_warm {statistics.median(pdf[1:]):.3f} s")
    print(f"proposal_docx_median {statistics.median(docx):.4f} s")


if __name__ == "__main__":
    main()
