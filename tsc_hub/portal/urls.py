"""Home and general pages."""

from django.urls import path

from tsc_hub.portal import country, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
    path("countries/<slug:code>/", country.country_page, name="country"),
    path("countries/<slug:code>/widget/", country.country_widget, name="country_widget"),
]
