from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for trying tsc-hub out (`tsc-hub seed-demo`)."""

    name = "tsc_hub.demo"
    label = "demo"
