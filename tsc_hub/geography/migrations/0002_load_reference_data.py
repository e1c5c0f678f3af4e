"""Load the shipped Parties and CHM region terms (tsc_hub/geography/data/)."""

from django.db import migrations


def load(apps, schema_editor):
    from tsc_hub.geography.reference import load_reference_data

    load_reference_data(
        party_model=apps.get_model("geography", "Party"),
        region_model=apps.get_model("geography", "Region"),
    )


class Migration(migrations.Migration):

    dependencies = [
        ("geography", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
