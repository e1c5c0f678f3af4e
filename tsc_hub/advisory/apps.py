from django.apps import AppConfig


class AdvisoryConfig(AppConfig):
    """The informal advisory committee on technical and scientific cooperation (MISSION.md, function 15)."""

    name = "tsc_hub.advisory"
    label = "advisory"
    default_auto_field = "django.db.models.BigAutoField"
