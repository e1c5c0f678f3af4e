"""Pages of the vocabularies app."""

from django.urls import path

from tsc_hub.vocabularies import views

app_name = "vocabularies"
urlpatterns = [
    path("", views.vocabulary_list, name="list"),
    path("<str:identifier>/", views.vocabulary_detail, name="detail"),
    path("<str:identifier>.<str:extension>", views.vocabulary_skos, name="skos"),
]
