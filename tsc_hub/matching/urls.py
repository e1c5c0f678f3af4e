"""Pages of matches."""

from django.urls import path

from tsc_hub.matching import views

app_name = "matching"
urlpatterns = [
    path("", views.match_list, name="list"),
    path("<int:match_id>/", views.match_detail, name="detail"),
    path("<int:match_id>/transition/", views.match_transition, name="transition"),
    path("suggest/<int:request_id>/", views.suggest, name="suggest"),
    path("searches/", views.saved_searches, name="searches"),
    path("searches/<int:search_id>/delete/", views.delete_saved_search, name="delete_search"),
]
