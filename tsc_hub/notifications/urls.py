"""Pages of the notifications app."""

from django.urls import path

from tsc_hub.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("read/", views.mark_read, name="mark_read"),
    path("preference/", views.preference, name="preference"),
]
