"""Pages of the centres app."""

from django.urls import path

from tsc_hub.centres import views

app_name = "centres"
urlpatterns = [
    path("", views.centre_list, name="list"),
    path("<slug:code>/", views.centre_detail, name="detail"),
]
