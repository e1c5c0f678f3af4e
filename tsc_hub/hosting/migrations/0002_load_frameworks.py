"""Load the shipped evaluation frameworks (tsc_hub/hosting/data/*.json)."""

from django.db import migrations


def load(apps, schema_editor):
    from tsc_hub.hosting.frameworks import load_frameworks

    load_frameworks(
        (apps.get_model("hosting", "Framework"), apps.get_model("hosting", "Phase"), apps.get_model("hosting", "Criterion"))
    )


class Migration(migrations.Migration):

    dependencies = [("hosting", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
