"""Pages of the knowledge hub."""

from django.urls import path

from tsc_hub.knowledge import views
from tsc_hub.knowledge.feeds import ResourceFeed

app_name = "knowledge"
urlpatterns = [
    path("", views.resource_list, name="list"),
    path("new/", views.resource_create, name="create"),
    path("review/", views.review_queue, name="review"),
    path("feed/", ResourceFeed(), name="feed"),
    path("dcat.<str:extension>", views.dcat_catalogue, name="dcat"),
    path("<int:resource_id>/", views.resource_detail, name="detail"),
    path("<int:resource_id>/edit/", views.resource_edit, name="edit"),
    path("<int:resource_id>/transitions/", views.resource_transition, name="transition"),
]
