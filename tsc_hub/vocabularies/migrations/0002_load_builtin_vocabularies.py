"""Load the vocabularies tsc-hub ships (tsc_hub/vocabularies/data/) with the historical models.

The same code as the `load_builtin_vocabularies` service, without its audit events: a fresh database
starts with the GBF goals and targets, CBD subjects and the other reference terms. Later changes to the
data files reach existing databases through `tsc-hub vocab load-builtin`.
"""

from django.db import migrations


def load_builtin_vocabularies(apps, schema_editor):
    from tsc_hub.vocabularies.builtin import read_builtin_vocabularies
    from tsc_hub.vocabularies.loading import upsert_vocabulary

    vocabulary_model = apps.get_model("vocabularies", "Vocabulary")
    term_model = apps.get_model("vocabularies", "Term")
    for data in read_builtin_vocabularies():
        upsert_vocabulary(data=data, vocabulary_model=vocabulary_model, term_model=term_model, relations="replace")


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0001_initial")]

    operations = [migrations.RunPython(load_builtin_vocabularies, migrations.RunPython.noop)]
