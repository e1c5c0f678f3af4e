"""Liveness probe, outside the language prefix."""

from django.urls import path

from tsc_hub.portal.views import healthz

urlpatterns = [path("", healthz, name="healthz")]
