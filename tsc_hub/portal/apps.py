from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The public face: home page, navigation, base layout, language switching."""

    name = "tsc_hub.portal"
    label = "portal"
