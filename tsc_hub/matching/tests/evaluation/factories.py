"""Small topic files for the evaluation tests: one request and the kinds of item the real set holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tsc_hub.matching.tests.engine import factories

EAST_AFRICA = "0938DB0F-E4BB-464F-ABBB-ADD615BE5371"  # from geography/data/regions.json; Kenya is in it


def topic(number: str = "01") -> dict[str, Any]:
    """A valid topic: a Kenyan request, two relevant items (one in French), a hard negative of each kind."""
    prefix = f"EVAL-{number}"
    return {
        "topic": "mangroves",
        "requests": [factories.request(f"{prefix}-R1")],
        "items": [
            factories.offer(f"{prefix}-I01"),
            factories.profile(
                f"{prefix}-I02",
                areas=(EAST_AFRICA,),
                header={"identifier": f"{prefix}-I02", "schema": "bbiProfile", "languages": ["fr"]},
                title={"fr": "Experts en restauration des mangroves"},
                suggestedExpertise={"fr": "Écologie côtière et restauration des mangroves dégradées."},
            ),
            factories.offer(f"{prefix}-I03", areas=("la",)),
            factories.offer(f"{prefix}-I04", applicationDeadline="2026-01-31"),
            factories.offer(
                f"{prefix}-I05",
                title={"en": "Mangrove honey marketing"},
                description={"en": "Selling mangrove honey from coastal cooperatives."},
            ),
        ],
        "labels": {f"{prefix}-R1": {f"{prefix}-I01": 3, f"{prefix}-I02": 2}},
        "hard_negatives": {
            f"{prefix}-R1": {
                f"{prefix}-I03": "coverage",
                f"{prefix}-I04": "deadline",
                f"{prefix}-I05": "lexical",
            }
        },
    }


def write(directory: Path, name: str, content: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path
