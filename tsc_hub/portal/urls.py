"""Home and general pages."""

from django.urls import path

from tsc_hub.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
]
