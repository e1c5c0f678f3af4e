from django.apps import AppConfig


class GeographyConfig(AppConfig):
    """The 196 Parties to the CBD and the CHM region terms that group them."""

    name = "tsc_hub.geography"
    label = "geography"
    default_auto_field = "django.db.models.BigAutoField"
