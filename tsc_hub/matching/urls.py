"""Pages of matches, and of the matching engine under engine/."""

from django.urls import path

from tsc_hub.matching import views, views_engine

app_name = "matching"
urlpatterns = [
    path("", views.match_list, name="list"),
    path("<int:match_id>/", views.match_detail, name="detail"),
    path("<int:match_id>/transition/", views.match_transition, name="transition"),
    path("suggest/<int:request_id>/", views.suggest, name="suggest"),
    path("searches/", views.saved_searches, name="searches"),
    path("searches/<int:search_id>/delete/", views.delete_saved_search, name="delete_search"),
    path("engine/requests/<int:request_id>/", views_engine.suggestions_panel, name="engine_panel"),
    path("engine/requests/<int:request_id>/suggest/", views_engine.store_suggestion, name="engine_suggest"),
    path("engine/requests/<int:request_id>/why-not/", views_engine.why_not, name="engine_why_not"),
    path("engine/suggestions/<int:match_id>/confirm/", views_engine.confirm, name="engine_confirm"),
    path("engine/suggestions/<int:match_id>/dismiss/", views_engine.dismiss, name="engine_dismiss"),
    path("engine/opportunities/", views_engine.opportunities, name="engine_opportunities"),
    path("engine/assignment/", views_engine.assignment, name="engine_assignment"),
    path("engine/assignment/<int:run_id>/", views_engine.assignment_run, name="engine_run"),
    path("engine/jobs/<int:job_id>/", views_engine.job_progress, name="engine_job"),
]
