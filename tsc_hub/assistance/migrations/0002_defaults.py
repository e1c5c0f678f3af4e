"""Default target times per state and the eligibility checklist; both stay editable."""

import json
from pathlib import Path

from django.db import migrations

TARGET_DAYS = {
    "submitted": 14,
    "endorsed": 14,
    "in_clarification": 21,
    "accepted": 7,
    "matching": 60,
    "matched": 30,
    "proposal": 60,
    "in_implementation": 730,
    "completed": 30,
}
CRITERIA = Path(__file__).resolve().parent.parent / "data" / "eligibility_criteria.json"


def load(apps, schema_editor):
    StateTarget = apps.get_model("assistance", "StateTarget")
    Criterion = apps.get_model("assistance", "EligibilityCriterion")
    for state, days in TARGET_DAYS.items():
        StateTarget.objects.get_or_create(state=state, defaults={"target_days": days})
    for position, entry in enumerate(json.loads(CRITERIA.read_text(encoding="utf-8"))):
        Criterion.objects.get_or_create(
            code=entry["code"], defaults={"labels": entry["labels"], "weight": entry["weight"], "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("assistance", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
