from django.apps import AppConfig


class ChmConfig(AppConfig):
    """Exchange with the CBD Clearing-House: reading and writing its JSON record format."""

    name = "tsc_hub.chm"
    label = "chm"
    default_auto_field = "django.db.models.BigAutoField"
