"""Mounted at /oai outside the language prefix: the protocol has one base URL, whatever the language."""

from django.urls import path

from tsc_hub.knowledge.oai.views import endpoint

urlpatterns = [path("", endpoint, name="oai")]
