"""The search page."""

from django.urls import path

from tsc_hub.search import views

app_name = "search"
urlpatterns = [path("", views.search_page, name="page")]
