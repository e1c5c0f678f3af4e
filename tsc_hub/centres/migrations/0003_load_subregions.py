"""Load the shipped subregions of the network (tsc_hub/centres/data/subregions.json)."""

from django.db import migrations


def load(apps, schema_editor):
    from tsc_hub.centres.reference import load_subregions

    load_subregions(apps.get_model("centres", "Subregion"))


class Migration(migrations.Migration):

    dependencies = [
        ("centres", "0002_network"),
        ("geography", "0002_load_reference_data"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
