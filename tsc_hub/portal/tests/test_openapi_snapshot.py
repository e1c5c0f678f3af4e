"""The API contract is reviewed like code: a change to it must update docs/openapi.json."""

import json
from pathlib import Path

from django.conf import settings

from config.api import api

SNAPSHOT = Path(settings.BASE_DIR) / "docs" / "openapi.json"


def test_openapi_matches_the_committed_snapshot():
    current = json.loads(json.dumps(api.get_openapi_schema(), sort_keys=True))
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert current == committed, (
        "The API changed: review it, then run `tsc-hub export_openapi_schema --api config.api.api "
        "--indent 2 --sorted --output docs/openapi.json`"
    )
