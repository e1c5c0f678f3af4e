from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """People, their roles with scopes, personal API tokens, and the role policy."""

    name = "tsc_hub.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"
