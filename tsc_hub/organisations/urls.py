"""Pages of the organisations app."""

from django.urls import path

from tsc_hub.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_create, name="create"),
    path("<int:organisation_id>/", views.organisation_detail, name="detail"),
    path("<int:organisation_id>/edit/", views.organisation_edit, name="edit"),
]
