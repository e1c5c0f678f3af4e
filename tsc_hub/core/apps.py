from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Foundations every other app may use: languages, domain errors, the audit log."""

    name = "tsc_hub.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"
