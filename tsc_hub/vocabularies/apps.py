from django.apps import AppConfig


class VocabulariesConfig(AppConfig):
    """SKOS-like vocabularies: GBF goals and targets, CBD subjects, organisation types and more."""

    name = "tsc_hub.vocabularies"
    label = "vocabularies"
    default_auto_field = "django.db.models.BigAutoField"
