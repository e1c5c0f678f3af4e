from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    """Project proposals assembled from a request and its matched provider, exported as PDF and DOCX."""

    name = "tsc_hub.proposals"
    label = "proposals"
    default_auto_field = "django.db.models.BigAutoField"
