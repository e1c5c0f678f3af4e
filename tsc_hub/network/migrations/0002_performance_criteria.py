"""Load the shipped performance criteria (tsc_hub/network/data/criteria.json); idempotent by code."""

from typing import Any

from django.db import migrations


def load(apps: Any, schema_editor: Any) -> None:
    from tsc_hub.network.criteria import load_criteria

    load_criteria(apps.get_model("network", "PerformanceCriterion"))


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
