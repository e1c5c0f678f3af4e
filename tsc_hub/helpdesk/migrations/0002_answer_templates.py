"""The answer templates the help desk starts with, in the six languages; they stay editable."""

import json
from pathlib import Path

from django.db import migrations

TEMPLATES = Path(__file__).resolve().parent.parent / "data" / "answer_templates.json"


def load(apps, schema_editor):
    AnswerTemplate = apps.get_model("helpdesk", "AnswerTemplate")
    for position, entry in enumerate(json.loads(TEMPLATES.read_text(encoding="utf-8"))):
        AnswerTemplate.objects.get_or_create(
            code=entry["code"], defaults={"title": entry["title"], "body": entry["body"], "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
