"""Pages of harvesting."""

from django.urls import path

from tsc_hub.harvest import views

app_name = "harvest"
urlpatterns = [
    path("", views.source_list, name="sources"),
    path("sources/new/", views.source_add, name="source_add"),
    path("sources/<int:source_id>/", views.source_detail, name="source"),
    path("sources/<int:source_id>/edit/", views.source_edit, name="source_edit"),
    path("sources/<int:source_id>/harvest/", views.harvest_now, name="harvest_now"),
    path("runs/<int:run_id>/", views.run_detail, name="run"),
    path("jobs/<int:job_id>/", views.job_progress, name="job"),
]
