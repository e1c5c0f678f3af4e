from django.apps import AppConfig


class CentresConfig(AppConfig):
    """Regional and subregional support centres and the Parties each serves."""

    name = "tsc_hub.centres"
    label = "centres"
    default_auto_field = "django.db.models.BigAutoField"
