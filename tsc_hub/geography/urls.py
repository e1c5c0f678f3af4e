"""Pages of the geography app."""

from django.urls import path

from tsc_hub.geography import views

app_name = "geography"
urlpatterns = [
    path("", views.party_list, name="list"),
    path("<slug:code>/", views.party_detail, name="detail"),
]
