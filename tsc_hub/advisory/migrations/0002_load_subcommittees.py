"""Load the three subcommittees and the four forums (tsc_hub/advisory/data/subcommittees.json)."""

from django.db import migrations


def load(apps, schema_editor):
    from tsc_hub.advisory.subcommittees import load_subcommittees

    load_subcommittees(apps.get_model("advisory", "Subcommittee"), apps.get_model("advisory", "Forum"))


class Migration(migrations.Migration):

    dependencies = [("advisory", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
