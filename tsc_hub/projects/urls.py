"""Pages of cooperation projects."""

from django.urls import path

from tsc_hub.projects.views import actions, pages

app_name = "projects"
urlpatterns = [
    path("", pages.project_list, name="list"),
    path("new/", pages.project_create, name="create"),
    path("<int:project_id>/", pages.project_detail, name="detail"),
    path("<int:project_id>/transition/", actions.transition, name="transition"),
    path("<int:project_id>/edit/", actions.edit, name="edit"),
    path("<int:project_id>/milestones/", actions.add_milestone, name="add_milestone"),
    path(
        "<int:project_id>/milestones/<int:milestone_id>/done/",
        actions.complete_milestone,
        name="milestone_done",
    ),
    path("<int:project_id>/indicators/", actions.add_indicator, name="add_indicator"),
    path(
        "<int:project_id>/indicators/<int:indicator_id>/", actions.update_indicator, name="update_indicator"
    ),
    path("<int:project_id>/funding/", actions.record_funding, name="record_funding"),
    path("<int:project_id>/outputs/", actions.record_output, name="record_output"),
    path("<int:project_id>/ratings/", actions.rate, name="rate"),
]
