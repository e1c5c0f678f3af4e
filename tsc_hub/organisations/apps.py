from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Organisations: requesting institutions, providers, centre hosts (CHM `organization` fields)."""

    name = "tsc_hub.organisations"
    label = "organisations"
    default_auto_field = "django.db.models.BigAutoField"
