from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """Running the support-centre network: work plans, annual reports, performance, collaboration space."""

    name = "tsc_hub.network"
    label = "network"
    default_auto_field = "django.db.models.BigAutoField"
